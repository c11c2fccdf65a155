import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, createUser } from '../../helpers/test-app.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { intakeBody, setUpCaseWorld, type CaseWorld, type SignedIn } from './case-fixtures.ts';

interface Row {
  id: string;
  grounds: string[] | null;
  domains: string[] | null;
  access: string;
}

/**
 * In the referred queue, grounds and domains are read (and so filtered on) only through a
 * referral that shares the classification: a filter must not tell what the row hides.
 */
describe(`filtering referred cases by their codes on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let hidden: string;
  let shared: string;
  let mixed: string;
  let leadAndAnalyst: SignedIn;

  const newCase = async () => {
    const created = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, {
        consents: { handling: true, sharing: true, statistics: true, contact: true },
        grounds: ['nationality'],
        domains: ['employment_training'],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string }>().id;
  };
  const refer = async (caseId: string, toOrganisationId: string, shares: string[]) => {
    const sent = await world.operator.client.post(`/api/cases/${caseId}/referrals`, {
      toOrganisationId,
      shares,
    });
    expect(sent.statusCode, sent.body).toBe(201);
  };
  const referred = async (person: SignedIn, filter = '') => {
    const response = await person.client.get(`/api/cases?scope=referred${filter}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Row[] }>().items;
  };

  beforeAll(async () => {
    world = await setUpCaseWorld();
    hidden = await newCase();
    await refer(hidden, world.otherNode.id, ['notes']);
    shared = await newCase();
    await refer(shared, world.otherNode.id, ['classification']);
    // Reaches a lead operator without the classification, and the other node with it: the
    // person below is only an analyst there, which receives no referral.
    mixed = await newCase();
    await refer(mixed, world.lead.id, ['notes']);
    await refer(mixed, world.otherNode.id, ['classification']);
    const user = await createUser(world.context, {
      roles: ['operator'],
      organisationId: world.lead.id,
    });
    await world.db
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: world.otherNode.id, role: 'analyst' })
      .execute();
    const client = new TestClient(world.context.app);
    expect((await client.signIn(user)).statusCode).toBe(200);
    leadAndAnalyst = { user, client };
  });
  afterAll(() => world.context.close());

  it('lists every referred case but shows codes only where the classification is shared', async () => {
    const rows = await referred(world.otherOperator);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(hidden)).toMatchObject({ access: 'referral', grounds: null, domains: null });
    expect(byId.get(shared)).toMatchObject({
      grounds: ['nationality'],
      domains: ['employment_training'],
    });
  });

  it('matches a ground or domain filter only through a referral sharing the classification', async () => {
    for (const filter of ['&ground=nationality', '&domain=employment_training']) {
      const ids = (await referred(world.otherOperator, filter)).map((row) => row.id);
      expect(ids, filter).toContain(shared);
      expect(ids, filter).not.toContain(hidden);
    }
    // A ground the case does not have matches nothing, shared or not.
    expect(await referred(world.otherOperator, '&ground=sex')).toEqual([]);
  });

  it('does not count a referral reaching only an analyst membership as sharing the classification', async () => {
    const rows = await referred(leadAndAnalyst);
    expect(rows.map((row) => row.id)).toEqual([mixed]);
    expect(rows[0]).toMatchObject({ access: 'referral', grounds: null, domains: null });
    expect(await referred(leadAndAnalyst, '&ground=nationality')).toEqual([]);
    expect(await referred(leadAndAnalyst, '&domain=employment_training')).toEqual([]);
  });

  it('keeps the filters working for the team itself', async () => {
    const response = await world.operator.client.get('/api/cases?ground=nationality');
    expect(response.statusCode, response.body).toBe(200);
    const ids = response.json<{ items: Row[] }>().items.map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([hidden, shared, mixed]));
  });
});
