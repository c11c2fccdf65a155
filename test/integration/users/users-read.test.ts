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
  lastLoginAt: string | null;
  id: string;
  email: string;
  displayName: string;
  memberships: { organisationId: string; organisationName: string; role: string }[];
}

describe('reading user accounts', () => {
  let context: TestContext;
  let admin: TestUser;
  let orgA: { id: string; name: string };
  let orgB: { id: string; name: string };
  let coordinatorA: TestUser;
  let operatorA: TestUser;
  let operatorB: TestUser;

  beforeAll(async () => {
    context = await createTestApp();
    orgA = await createOrganisation(context, 'Sportello Alfa');
    orgB = await createOrganisation(context, 'Sportello Beta');
    admin = await createUser(context, { roles: ['network_admin'] });
    coordinatorA = await createUser(context, {
      roles: ['node_coordinator'],
      organisationId: orgA.id,
    });
    operatorA = await createUser(context, { roles: ['operator'], organisationId: orgA.id });
    operatorB = await createUser(context, { roles: ['operator'], organisationId: orgB.id });
  });
  afterAll(() => context.close());

  async function signedIn(user: TestUser) {
    const client = new TestClient(context.app);
    expect((await client.signIn(user)).statusCode).toBe(200);
    return client;
  }

  async function listAll(client: TestClient, query = '', limit = 200): Promise<Summary[]> {
    const items: Summary[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ limit: String(limit) });
      if (query) params.set('query', query);
      if (cursor) params.set('cursor', cursor);
      const response = await client.get(`/api/users?${params.toString()}`);
      expect(response.statusCode).toBe(200);
      const body = response.json<{ items: Summary[]; nextCursor: string | null }>();
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }

  it('lists every account to an admin, with memberships, in keyset pages ordered by name', async () => {
    const client = await signedIn(admin);
    const onePage = await listAll(client);
    const paged = await listAll(client, '', 2);
    expect(paged.map((item) => item.id)).toEqual(onePage.map((item) => item.id));
    const names = onePage.map((item) => item.displayName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(onePage.map((item) => item.id)).toEqual(
      expect.arrayContaining([admin.id, coordinatorA.id, operatorA.id, operatorB.id]),
    );
    const first = (await client.get('/api/users?limit=1')).json<{ nextCursor: string }>();
    expect(first.nextCursor).toEqual(expect.any(String));

    const operator = onePage.find((item) => item.id === operatorA.id)!;
    expect(operator).toEqual({
      id: operatorA.id,
      email: operatorA.email,
      displayName: anyString,
      preferredLanguage: 'it',
      disabled: false,
      totpEnabled: false,
      lastLoginAt: null,
      memberships: [
        { organisationId: orgA.id, organisationName: 'Sportello Alfa', role: 'operator' },
      ],
    });
    const self = onePage.find((item) => item.id === admin.id)!;
    expect(self.lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('searches names and e-mails case-insensitively, and takes % and _ literally', async () => {
    const client = await signedIn(admin);
    const byEmail = await listAll(client, operatorB.email.toUpperCase());
    expect(byEmail.map((item) => item.id)).toEqual([operatorB.id]);
    await context.database.handle.db
      .updateTable('users')
      .set({ display_name: 'Zoë 100% Ferri_Test' })
      .where('id', '=', operatorB.id)
      .execute();
    expect((await listAll(client, 'zoË 100%')).map((item) => item.id)).toEqual([operatorB.id]);
    expect(await listAll(client, '100_')).toEqual([]);
    expect((await listAll(client, 'ferri_')).map((item) => item.id)).toEqual([operatorB.id]);
  });

  it('shows a node coordinator only the members of their organisations and themself', async () => {
    const client = await signedIn(coordinatorA);
    const ids = (await listAll(client)).map((item) => item.id).sort();
    expect(ids).toEqual([coordinatorA.id, operatorA.id].sort());
    expect((await client.get(`/api/users/${operatorA.id}`)).statusCode).toBe(200);
    expect((await client.get(`/api/users/${operatorB.id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/users/${admin.id}`)).statusCode).toBe(404);
  });

  it('lets an auditor read every account', async () => {
    const auditor = await createUser(context, { roles: ['auditor'] });
    const client = await signedIn(auditor);
    const response = await client.get(`/api/users/${operatorB.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json<Summary>().email).toBe(operatorB.email);
  });

  it('answers 404 alike for a missing, a malformed and a forbidden id, and records each read', async () => {
    const client = await signedIn(admin);
    const found = await client.get(`/api/users/${operatorA.id}`);
    expect(found.statusCode).toBe(200);
    expect((await client.get('/api/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    const malformed = await client.get('/api/users/not-a-uuid');
    expect(malformed.statusCode).toBe(404);
    expect(malformed.json()).toMatchObject({ error: { code: 'not_found' } });

    const reads = await context.database.handle.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'outcome', 'target_type', 'target_id'])
      .where('action', '=', 'users.read')
      .where('actor_user_id', '=', admin.id)
      .orderBy('id')
      .execute();
    expect(reads).toEqual([
      { actor_user_id: admin.id, outcome: 'success', target_type: 'user', target_id: operatorA.id },
      {
        actor_user_id: admin.id,
        outcome: 'denied',
        target_type: 'user',
        target_id: '00000000-0000-4000-8000-000000000000',
      },
      { actor_user_id: admin.id, outcome: 'denied', target_type: null, target_id: null },
    ]);
  });

  it('records which accounts a list showed, never the search text', async () => {
    const client = await signedIn(admin);
    await client.get(`/api/users?query=${encodeURIComponent(operatorA.email)}`);
    const row = await context.database.handle.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'users.list')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.details).toMatchObject({ count: 1, userIds: [operatorA.id], searched: true });
    expect(JSON.stringify(row.details)).not.toContain(operatorA.email);
  });

  it('refuses a tampered cursor and an out-of-range limit with a validation error', async () => {
    const client = await signedIn(admin);
    const cursor = await client.get('/api/users?cursor=bm90LWEtY3Vyc29y');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json()).toMatchObject({
      error: { code: 'validation_failed', fields: [{ field: 'cursor' }] },
    });
    expect((await client.get('/api/users?limit=201')).statusCode).toBe(400);
    expect((await client.get('/api/users?limit=0')).statusCode).toBe(400);
  });

  it('refuses the list to roles without users.read', async () => {
    const client = await signedIn(operatorA);
    expect((await client.get('/api/users')).statusCode).toBe(404);
    expect((await client.get(`/api/users/${operatorA.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/organisations', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestApp();
  });
  afterAll(() => context.close());

  it('lists organisations by name with their municipality name', async () => {
    const { db } = context.database.handle;
    await db
      .insertInto('municipalities')
      .values({
        istat_code: '050026',
        name: 'Pisa',
        search_name: 'pisa',
        province_code: '050',
        province_name: 'Pisa',
        province_acronym: 'PI',
        region_code: '09',
        region_name: 'Toscana',
        cadastral_code: 'G702',
        population: 89158,
        population_year: 2011,
      })
      .onConflict((conflict) => conflict.column('istat_code').doNothing())
      .execute();
    const pisa = await db
      .insertInto('organisations')
      .values({
        name: 'Comune di Pisa',
        kind: 'municipality',
        municipality_code: '050026',
        network_role: 'partner',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await createOrganisation(context, 'Associazione Arcobaleno');
    const operator = await createUser(context, { roles: ['operator'], organisationId: other.id });
    const client = new TestClient(context.app);
    await client.signIn(operator);
    const response = await client.get('/api/organisations');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      items: [
        {
          id: other.id,
          name: 'Associazione Arcobaleno',
          kind: 'association',
          municipalityCode: null,
          municipalityName: null,
          status: 'active',
          networkRole: null,
        },
        {
          id: pisa.id,
          name: 'Comune di Pisa',
          kind: 'municipality',
          municipalityCode: '050026',
          municipalityName: 'Pisa',
          status: 'active',
          networkRole: 'partner',
        },
      ],
    });
  });

  it('is refused to an analyst', async () => {
    const analyst = await createUser(context, { roles: ['analyst'] });
    const client = new TestClient(context.app);
    await client.signIn(analyst);
    expect((await client.get('/api/organisations')).statusCode).toBe(404);
  });
});
