import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisation,
  createTestApp,
  createUser,
  TestClient,
  type TestContext,
  type TestUser,
} from '../../helpers/test-app.ts';

// Asymmetric matchers are typed `any`; held as `unknown` they can sit in typed literals.
const anyString: unknown = expect.any(String);

interface Summary {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: string;
  disabled: boolean;
  memberships: { organisationId: string; organisationName: string; role: string }[];
}

describe('managing user accounts', () => {
  let context: TestContext;
  let admin: TestUser;
  let client: TestClient;
  let org: { id: string; name: string };
  let otherOrg: { id: string; name: string };

  beforeAll(async () => {
    context = await createTestApp();
    org = await createOrganisation(context, 'Rete Toscana');
    otherOrg = await createOrganisation(context, 'Sportello Valdera');
    admin = await createUser(context, { roles: ['network_admin'], organisationId: org.id });
    client = new TestClient(context.app);
    expect((await client.signIn(admin)).statusCode).toBe(200);
  });
  afterAll(() => context.close());

  const db = () => context.database.handle.db;

  const newAccount = (overrides: Record<string, unknown> = {}) => ({
    email: `  Nuova.Operatrice.${Math.random().toString(36).slice(2)}@Example.ORG `,
    displayName: ' Nuova Operatrice ',
    password: 'una password lunga abbastanza',
    preferredLanguage: 'en',
    memberships: [{ organisationId: otherOrg.id, role: 'operator' }],
    ...overrides,
  });

  async function create(overrides: Record<string, unknown> = {}) {
    const response = await client.post('/api/users', newAccount(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Summary>();
  }

  it('creates an account with normalised e-mail, memberships and an audit trail', async () => {
    const body = newAccount();
    const response = await client.post('/api/users', body);
    expect(response.statusCode).toBe(201);
    const created = response.json<Summary>();
    expect(created).toEqual({
      id: anyString,
      email: body.email.trim().toLowerCase(),
      displayName: 'Nuova Operatrice',
      preferredLanguage: 'en',
      disabled: false,
      totpEnabled: false,
      lastLoginAt: null,
      memberships: [
        { organisationId: otherOrg.id, organisationName: 'Sportello Valdera', role: 'operator' },
      ],
    });
    const signIn = await new TestClient(context.app).signIn({
      email: created.email,
      password: body.password,
    });
    expect(signIn.statusCode).toBe(200);

    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'actor_label', 'target_id', 'details'])
      .where('target_id', '=', created.id)
      .where('action', 'like', 'users.%')
      .orderBy('id')
      .execute();
    // One row, written in the creating transaction: the guard adds no second one.
    expect(audit).toEqual([
      {
        action: 'users.created',
        actor_user_id: admin.id,
        actor_label: admin.email,
        target_id: created.id,
        details: { memberships: [{ organisationId: otherOrg.id, role: 'operator' }] },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(body.password);
  });

  it('refuses a duplicate e-mail with 409 and writes nothing', async () => {
    const first = await create();
    const before = await db()
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const response = await client.post(
      '/api/users',
      newAccount({ email: first.email.toUpperCase() }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: { code: 'conflict', fields: [{ field: 'email' }] },
    });
    const after = await db()
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(after.count)).toBe(Number(before.count));
  });

  it('names the membership whose organisation does not exist, in the caller language', async () => {
    const response = await client.request({
      method: 'POST',
      url: '/api/users',
      headers: { 'accept-language': 'en' },
      body: newAccount({
        memberships: [
          { organisationId: org.id, role: 'operator' },
          { organisationId: '7d3f2a4e-1b2c-4d5e-8f90-123456789abc', role: 'operator' },
          { organisationId: org.id, role: 'operator' },
        ],
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: anyString,
        fields: [
          { field: 'memberships.1.organisationId', message: 'This organisation does not exist.' },
          {
            field: 'memberships.2',
            message: 'This organisation and role are already in the list.',
          },
        ],
      },
    });
  });

  it('validates e-mail, password length, role and organisation id format', async () => {
    const response = await client.post(
      '/api/users',
      newAccount({
        email: 'not an e-mail',
        password: 'short',
        memberships: [{ organisationId: 'nope', role: 'emperor' }],
      }),
    );
    expect(response.statusCode).toBe(400);
    const fields = response
      .json<{ error: { fields: { field: string; message: string }[] } }>()
      .error.fields.map((field) => field.field)
      .sort();
    expect(fields).toEqual(
      ['email', 'memberships.0.organisationId', 'memberships.0.role', 'password'].sort(),
    );
    const italian = response.json<{ error: { fields: { field: string; message: string }[] } }>();
    expect(italian.error.fields.find((field) => field.field === 'password')?.message).toBe(
      'La password deve avere almeno 12 caratteri.',
    );
  });

  it('changes display name and language, and records the fields changed', async () => {
    const user = await create();
    const response = await client.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      body: { displayName: 'Maria Rossi', preferredLanguage: 'it' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ displayName: 'Maria Rossi', preferredLanguage: 'it' });
    const row = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'users.update')
      .where('target_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.details).toMatchObject({ fields: ['displayName', 'preferredLanguage'] });
  });

  it('replaces memberships and records the roles added and removed', async () => {
    const user = await create();
    const response = await client.request({
      method: 'PUT',
      url: `/api/users/${user.id}/memberships`,
      body: {
        memberships: [
          { organisationId: org.id, role: 'node_coordinator' },
          { organisationId: org.id, role: 'legal_expert' },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json<Summary>()
        .memberships.map((m) => m.role)
        .sort(),
    ).toEqual(['legal_expert', 'node_coordinator']);
    const row = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'users.memberships_changed')
      .where('target_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.details).toMatchObject({
      added: [
        { organisationId: org.id, role: 'node_coordinator' },
        { organisationId: org.id, role: 'legal_expert' },
      ],
      removed: [{ organisationId: otherOrg.id, role: 'operator' }],
    });
  });

  it('disables an account, ending its sessions at once, and enables it again', async () => {
    const target = await createUser(context, { roles: ['operator'], organisationId: org.id });
    const targetClient = new TestClient(context.app);
    await targetClient.signIn(target);
    expect((await targetClient.get('/api/auth/session')).json()).toMatchObject({
      user: { id: target.id },
    });

    const disabled = await client.post(`/api/users/${target.id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ id: target.id, disabled: true });
    expect((await targetClient.get('/api/auth/session')).json()).toMatchObject({ user: null });
    const live = await db()
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', target.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
    expect((await new TestClient(context.app).signIn(target)).statusCode).toBe(401);

    const enabled = await client.post(`/api/users/${target.id}/enable`);
    expect(enabled.json()).toMatchObject({ disabled: false });
    expect((await new TestClient(context.app).signIn(target)).statusCode).toBe(200);
  });

  it("resets a password and ends the account's sessions", async () => {
    const target = await createUser(context, { roles: ['operator'], organisationId: org.id });
    const targetClient = new TestClient(context.app);
    await targetClient.signIn(target);
    const short = await client.post(`/api/users/${target.id}/password`, { password: 'short' });
    expect(short.statusCode).toBe(400);
    const reset = await client.post(`/api/users/${target.id}/password`, {
      password: 'la nuova password scelta',
    });
    expect(reset.statusCode).toBe(204);
    expect((await targetClient.get('/api/auth/session')).json()).toMatchObject({ user: null });
    expect((await new TestClient(context.app).signIn(target)).statusCode).toBe(401);
    const again = new TestClient(context.app);
    expect(
      (await again.signIn({ email: target.email, password: 'la nuova password scelta' }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses changes to the admin own account with a clear validation error', async () => {
    const cases: {
      method: 'POST' | 'PUT' | 'PATCH';
      url: string;
      body?: unknown;
      field: string;
    }[] = [
      { method: 'POST', url: `/api/users/${admin.id}/disable`, field: 'id' },
      {
        method: 'PUT',
        url: `/api/users/${admin.id}/memberships`,
        body: { memberships: [{ organisationId: org.id, role: 'operator' }] },
        field: 'memberships',
      },
      {
        method: 'POST',
        url: `/api/users/${admin.id}/password`,
        body: { password: 'a long enough password' },
        field: 'password',
      },
    ];
    for (const attempt of cases) {
      const response = await client.request({
        method: attempt.method,
        url: attempt.url,
        body: attempt.body ?? {},
        headers: { 'accept-language': 'en' },
      });
      expect(response.statusCode, attempt.url).toBe(400);
      expect(response.json(), attempt.url).toMatchObject({
        error: { code: 'validation_failed', fields: [{ field: attempt.field }] },
      });
    }
    const disable = await client.request({
      method: 'POST',
      url: `/api/users/${admin.id}/disable`,
      headers: { 'accept-language': 'it' },
    });
    expect(disable.json()).toMatchObject({
      error: { fields: [{ message: 'Non puoi disattivare il tuo account.' }] },
    });
    // Name and language are no access rights: the admin corrects their own.
    const renamed = await client.request({
      method: 'PATCH',
      url: `/api/users/${admin.id}`,
      body: { displayName: 'Marta Rossi (Anci)' },
    });
    expect(renamed.statusCode).toBe(200);
    const self = await client.get(`/api/users/${admin.id}`);
    expect(self.json()).toMatchObject({
      displayName: 'Marta Rossi (Anci)',
      disabled: false,
      memberships: [{ organisationId: org.id, role: 'network_admin' }],
    });
  });

  it('answers 404 for unknown and malformed ids on every change', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'x']) {
      expect((await client.post(`/api/users/${id}/disable`)).statusCode).toBe(404);
      expect(
        (await client.post(`/api/users/${id}/password`, { password: 'a long enough password' }))
          .statusCode,
      ).toBe(404);
    }
  });

  it('requires the CSRF token and users.manage', async () => {
    const user = await create();
    const noToken = await client.request({
      method: 'POST',
      url: `/api/users/${user.id}/disable`,
      csrf: false,
    });
    expect(noToken.statusCode).toBe(403);
    const coordinator = await createUser(context, {
      roles: ['node_coordinator'],
      organisationId: otherOrg.id,
    });
    const coordinatorClient = new TestClient(context.app);
    await coordinatorClient.signIn(coordinator);
    expect((await coordinatorClient.post(`/api/users/${user.id}/disable`)).statusCode).toBe(404);
    expect((await coordinatorClient.get(`/api/users/${user.id}`)).statusCode).toBe(200);
  });
});
