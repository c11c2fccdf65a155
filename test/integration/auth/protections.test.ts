import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../src/modules/auth/sessions.ts';
import { createTestApp, createUser, TestClient, type TestContext } from '../../helpers/test-app.ts';

function currentCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

describe('sign-in protections', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestApp();
  });
  afterAll(() => context.close());

  it('locks an account for 15 minutes after 5 failures, even with the right password', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(context.app);
    client.address = '198.51.100.1';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(
        (await client.signIn({ email: user.email, password: 'wrong-password!' })).statusCode,
      ).toBe(401);
    }
    const locked = await client.signIn(user);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);

    // The lock is on the account: another address is refused too.
    const elsewhere = new TestClient(context.app);
    elsewhere.address = '198.51.100.2';
    expect((await elsewhere.signIn(user)).statusCode).toBe(429);
  });

  it('counts concurrent guesses before checking them: at most 5 passwords are tried', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(context.app);
    client.address = '198.51.100.9';
    await client.get('/api/auth/session');
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        client.post('/api/auth/login', { email: user.email, password: 'wrong-password!' }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('locks an unknown e-mail exactly like a real one', async () => {
    const client = new TestClient(context.app);
    client.address = '198.51.100.3';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await client.signIn({ email: 'ghost@example.org', password: 'guess-guess-guess' });
    }
    expect((await client.signIn({ email: 'ghost@example.org', password: 'x' })).statusCode).toBe(
      429,
    );
  });

  it('limits failures per address across accounts, without storing the address', async () => {
    const sprayer = new TestClient(context.app);
    sprayer.address = '192.0.2.99';
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await sprayer.signIn({ email: `spray${attempt}@example.org`, password: 'Password123!' });
    }
    const user = await createUser(context, { roles: ['operator'] });
    expect((await sprayer.signIn(user)).statusCode).toBe(429);

    const colleague = new TestClient(context.app);
    colleague.address = '192.0.2.100';
    expect((await colleague.signIn(user)).statusCode).toBe(200);

    const stored = await context.database.handle.db
      .selectFrom('login_throttles')
      .selectAll()
      .execute();
    expect(JSON.stringify(stored)).not.toContain('192.0.2.99');
  });

  it('refuses unsafe requests without the CSRF token of the current session', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(context.app);

    await client.get('/api/auth/session');
    const noToken = await client.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: user.email, password: user.password },
      csrf: false,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_invalid');

    await client.signIn(user);
    const beforeSignIn = new TestClient(context.app);
    await beforeSignIn.get('/api/auth/session');
    const forged = await client.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-csrf-token': beforeSignIn.csrfToken },
      csrf: false,
    });
    expect(forged.statusCode).toBe(403);
    expect((await client.get('/api/auth/session')).json().user.email).toBe(user.email);

    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
  });

  it('requires the second factor once enrolled, and rotates the session again after it', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(context.app);
    await client.signIn(user);
    const setup = await client.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Osservatorio:/);
    expect(qrSvg).toMatch(/^<svg/);
    expect((await client.post('/api/auth/totp/enable', { code: '000000' })).statusCode).toBe(401);
    expect(
      (await client.post('/api/auth/totp/enable', { code: currentCode(secret) })).statusCode,
    ).toBe(204);
    const stored = await context.database.handle.db
      .selectFrom('users')
      .select('totp_secret_encrypted')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret_encrypted).not.toContain(secret);
    await client.post('/api/auth/logout');

    const login = await client.signIn(user);
    expect(login.json()).toMatchObject({ status: 'second_factor_required' });
    const halfOpen = client.cookies.get(SESSION_COOKIE);
    expect((await client.get('/api/auth/session')).json().user).toBeNull();

    const wrong = await client.post('/api/auth/second-factor', { code: '123456' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('second_factor_invalid');

    const done = await client.post('/api/auth/second-factor', { code: currentCode(secret) });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.totpEnabled).toBe(true);
    expect(client.cookies.get(SESSION_COOKIE)).not.toBe(halfOpen);
  });

  it('signs out the other sessions when the password changes', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const laptop = new TestClient(context.app);
    const phone = new TestClient(context.app);
    await laptop.signIn(user);
    await phone.signIn(user);
    const wrongCurrent = await laptop.post('/api/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new passphrase',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.fields[0].field).toBe('currentPassword');
    const tooShort = await laptop.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect(tooShort.json().error.fields[0]).toMatchObject({ field: 'newPassword' });
    const changed = await laptop.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.statusCode).toBe(204);
    expect((await laptop.get('/api/auth/session')).json().user.email).toBe(user.email);
    expect((await phone.get('/api/auth/session')).json().user).toBeNull();
  });

  it('sends strict security headers', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('demo accounts in production', () => {
  it('refuses them even with the right password', async () => {
    const context = await createTestApp({ environment: 'production' });
    try {
      const user = await createUser(context, { roles: ['network_admin'] });
      await context.database.handle.db
        .updateTable('users')
        .set({ is_demo: true })
        .where('id', '=', user.id)
        .execute();
      const response = await new TestClient(context.app).signIn(user);
      expect(response.statusCode).toBe(401);
    } finally {
      await context.close();
    }
  });
});
