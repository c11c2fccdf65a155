import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../src/modules/auth/sessions.ts';
import { createTestApp, createUser, TestClient, type TestContext } from '../../helpers/test-app.ts';

describe('sign-in and sessions', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestApp();
  });
  afterAll(() => context.close());

  const db = () => context.database.handle.db;

  it('signs in, reports the user, and signs out', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(context.app);
    const login = await client.signIn(user);
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({
      status: 'signed_in',
      user: { email: user.email, permissions: expect.arrayContaining(['signed_in']) },
    });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const session = await client.get('/api/auth/session');
    expect(session.json().user.email).toBe(user.email);

    const logout = await client.post('/api/auth/logout');
    expect(logout.statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).json().user).toBeNull();
  });

  it('rotates the session id at sign-in, so a planted session id is worthless', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const victim = new TestClient(context.app);
    await victim.signIn(user);
    const before = victim.cookies.get(SESSION_COOKIE)!;
    await victim.signIn(user);
    const after = victim.cookies.get(SESSION_COOKIE)!;
    expect(after).not.toBe(before);

    const attacker = new TestClient(context.app);
    attacker.cookies.set(SESSION_COOKIE, before);
    expect((await attacker.get('/api/auth/session')).json().user).toBeNull();
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const idle = new TestClient(context.app);
    await idle.signIn(user);
    await db()
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await idle.get('/api/auth/session')).json().user).toBeNull();

    const old = new TestClient(context.app);
    await old.signIn(user);
    await db()
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect((await old.get('/api/auth/session')).json().user).toBeNull();

    const expiries = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.session_expired')
      .where('target_id', '=', user.id)
      .execute();
    expect(expiries).toHaveLength(2);
  });

  it('keeps a session alive while it is used within the idle limit', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(context.app);
    await client.signIn(user);
    await db()
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 20 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await client.get('/api/auth/session')).json().user.email).toBe(user.email);
    const row = await db()
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Date.now() - row.last_seen_at.getTime()).toBeLessThan(60_000);
  });

  it('answers the same for a wrong password and an unknown account', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(context.app);
    const wrong = await client.signIn({ email: user.email, password: 'not the password!' });
    const unknown = await client.signIn({ email: 'nobody@example.org', password: 'whatever1234' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('refuses a disabled account and ends its open sessions', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(context.app);
    await client.signIn(user);
    await db()
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    expect((await client.get('/api/auth/session')).json().user).toBeNull();
    const again = await new TestClient(context.app).signIn(user);
    expect(again.statusCode).toBe(401);
  });

  it('writes sign-in, failed sign-in and sign-out to the audit log', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(context.app);
    await client.signIn({ email: user.email, password: 'wrong password here' });
    await client.signIn(user);
    await client.post('/api/auth/logout');
    const rows = await db()
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_label'])
      .where('target_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(rows.map((row) => `${row.action}:${row.outcome}`)).toEqual([
      'auth.login_failed:failure',
      'auth.login:success',
      'auth.logout:success',
    ]);
    expect(rows[2]!.actor_label).toBe(user.email);
  });

  it('names the invalid field in the language of the request', async () => {
    const client = new TestClient(context.app);
    await client.get('/api/auth/session');
    const italian = await client.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: '', password: 'x' },
      headers: { 'accept-language': 'it-IT,it;q=0.9' },
    });
    expect(italian.statusCode).toBe(400);
    const body = italian.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toMatch(/campi/);
    expect(body.error.fields[0].field).toBe('email');
    const english = await client.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: '', password: 'x' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.message).toMatch(/fields/);
    expect(english.json().error.fields[0].message).not.toBe(body.error.fields[0].message);
  });

  it('never answers 500 or a stack trace to malformed input', async () => {
    const client = new TestClient(context.app);
    await client.get('/api/auth/session');
    for (const payload of ['{not json', '[]', '"text"', 'null']) {
      const response = await client.request({
        method: 'POST',
        url: '/api/auth/login',
        body: payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    }
    const wrongType = await client.request({
      method: 'POST',
      url: '/api/auth/login',
      body: 'email=a',
      headers: { 'content-type': 'text/xml' },
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('unsupported_media_type');
  });
});
