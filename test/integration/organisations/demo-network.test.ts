import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDataDir } from '../../../src/modules/reference/paths.ts';
import { demoAccounts, demoOrganisations, demoReferrals } from '../../../src/seed/demo-network.ts';
import { seedDemoData } from '../../../src/seed/demo.ts';
import { createTestApp, TestClient, type TestContext } from '../../helpers/test-app.ts';

interface Organisation {
  id: string;
  name: string;
  networkRole: string | null;
  networkJoinedOn: string | null;
  unarProtocolSignedOn: string | null;
  territories: { code: string; name: string }[];
  referralsTo: { name: string }[];
  referralsFrom: { name: string }[];
  [field: string]: unknown;
}

describe('the demo network as the organisations API shows it', () => {
  let context: TestContext;
  let admin: TestClient;

  beforeAll(async () => {
    context = await createTestApp();
    await seedDemoData(context.database.handle.db);
    admin = new TestClient(context.app);
    const account = demoAccounts.find((a) => a.role === 'network_admin')!;
    expect((await admin.signIn(account)).statusCode).toBe(200);
  });
  afterAll(() => context.close());

  async function all(): Promise<Organisation[]> {
    const page = await admin.get('/api/organisations?limit=500');
    const summaries = page.json<{ items: { id: string }[] }>().items;
    return Promise.all(
      summaries.map(async (s) =>
        (await admin.get(`/api/organisations/${s.id}`)).json<Organisation>(),
      ),
    );
  }

  it('uses only territory codes that exist in comuni.csv', () => {
    const csv = readFileSync(join(referenceDataDir, 'comuni.csv'), 'utf8');
    const codes = new Set(csv.split('\n').map((line) => line.split(',')[0]));
    for (const organisation of demoOrganisations) {
      for (const code of organisation.territoryCodes ?? []) {
        expect(codes.has(code), `${organisation.name} ${code}`).toBe(true);
      }
    }
  });

  it('has membership dates, protocols signed by most members, territories and referrals', async () => {
    const organisations = await all();
    expect(organisations).toHaveLength(demoOrganisations.length);
    for (const organisation of organisations) {
      expect(organisation.networkJoinedOn, organisation.name).toMatch(/^202[4-6]-/);
    }
    const signed = organisations.filter((o) => o.unarProtocolSignedOn !== null);
    expect(signed.length).toBeGreaterThan(organisations.length / 2);
    const valdera = organisations.find((o) => o.name === 'Unione dei Comuni della Valdera')!;
    expect(valdera.territories.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Bientina', 'Buti', 'Ponsacco', 'Casciana Terme Lari']) as unknown,
    );
    const pontedera = organisations.find(
      (o) => o.name === 'Sportello antidiscriminazioni della Valdera',
    )!;
    expect(pontedera.referralsTo.map((r) => r.name)).toContain(
      'Sportello antidiscriminazioni di Pisa',
    );
    const legal = organisations.find((o) => o.name.includes("L'Altro Diritto"))!;
    expect(legal.referralsFrom.length).toBeGreaterThanOrEqual(5);
    expect(demoReferrals.length).toBeGreaterThan(5);
  });

  it('passes the validation of the API: sending every record back changes nothing', async () => {
    for (const organisation of await all()) {
      const response = await admin.request({
        method: 'PATCH',
        url: `/api/organisations/${organisation.id}`,
        body: {
          name: organisation.name,
          kind: organisation['kind'],
          status: organisation['status'],
          municipalityCode: organisation['municipalityCode'],
          email: organisation['email'],
          phone: organisation['phone'],
          website: organisation['website'],
          address: organisation['address'],
          postalCode: organisation['postalCode'],
          latitude: organisation['latitude'],
          longitude: organisation['longitude'],
          territoryCodes: organisation.territories.map((t) => t.code),
          networkRole: organisation.networkRole,
          networkJoinedOn: organisation.networkJoinedOn,
          unarProtocolSignedOn: organisation.unarProtocolSignedOn,
          unarProtocolReference: organisation['unarProtocolReference'],
        },
      });
      expect(response.statusCode, `${organisation.name}: ${response.body}`).toBe(200);
    }
    const history = await context.database.handle.db
      .selectFrom('network_history')
      .select('id')
      .where('entity_type', '=', 'organisation')
      .execute();
    expect(history).toHaveLength(0);
  });
});
