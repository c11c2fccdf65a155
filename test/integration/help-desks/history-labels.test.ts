import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import {
  createOrganisation,
  createTestApp,
  createUser,
  TestClient,
  type TestContext,
} from '../../helpers/test-app.ts';

interface HistoryPage {
  items: { changes: Record<string, { from: unknown; to: unknown }> }[];
  labels: { municipalities: Record<string, string>; organisations: Record<string, string> };
}

describe('history with names', () => {
  let context: TestContext;
  let admin: TestClient;
  let reader: TestClient;
  const db = () => context.database.handle.db;

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    admin = new TestClient(context.app);
    await admin.signIn(await createUser(context, { roles: ['network_admin'] }));
    reader = new TestClient(context.app);
    await reader.signIn(await createUser(context, { roles: ['operator'] }));
  });
  afterAll(() => context.close());

  const patch = (url: string, body: unknown) => admin.request({ method: 'PATCH', url, body });

  it('names the municipalities of a territory change of an organisation', async () => {
    const created = await admin.post('/api/organisations', {
      name: 'Rete della Valdera',
      kind: 'association',
      municipalityCode: '050026',
      territoryCodes: ['050026'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const changed = await patch(`/api/organisations/${id}`, {
      territoryCodes: ['050008', '050026', '050029'],
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const response = await reader.get(`/api/organisations/${id}/history`);
    expect(response.statusCode, response.body).toBe(200);
    const history = response.json<HistoryPage>();
    const change = history.items[0]!.changes['territoryCodes'];
    expect(change).toEqual({ from: ['050026'], to: ['050008', '050026', '050029'] });
    expect(history.labels.municipalities).toEqual({
      '050008': 'Cascina',
      '050026': 'Pisa',
      '050029': 'Pontedera',
    });
  });

  it('names the municipalities and the organisation of a help desk', async () => {
    const organisation = await createOrganisation(context, 'Rete pisana');
    const created = await admin.post('/api/help-desks', {
      organisationId: organisation.id,
      name: 'Sportello Pisa',
      municipalityCode: '050026',
      channels: ['email'],
      email: 'desk@example.org',
      accessMode: 'both',
      openingHours: { weekly: {}, exceptions: [], closedOnPublicHolidays: true },
      competentMunicipalityCodes: ['050026'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const changed = await patch(`/api/help-desks/${id}`, {
      competentMunicipalityCodes: ['050026', '050008'],
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const history = (await reader.get(`/api/help-desks/${id}/history`)).json<HistoryPage>();
    expect(history.items).toHaveLength(2);
    expect(history.labels.municipalities).toEqual({ '050008': 'Cascina', '050026': 'Pisa' });
    expect(history.labels.organisations).toEqual({ [organisation.id]: 'Rete pisana' });
  });

  it('names every municipality of a long history once, and unknown codes not at all', async () => {
    const id = (
      await admin.post('/api/organisations', { name: 'Rete a tappe', kind: 'association' })
    ).json<{ id: string }>().id;
    const steps = ['050026', '050008', '050029', '048017', '100005'];
    for (const code of steps) {
      const response = await patch(`/api/organisations/${id}`, { territoryCodes: [code] });
      expect(response.statusCode, response.body).toBe(200);
    }
    const history = (await reader.get(`/api/organisations/${id}/history`)).json<HistoryPage>();
    expect(history.items).toHaveLength(steps.length + 1);
    expect(Object.keys(history.labels.municipalities).sort()).toEqual([...steps].sort());
    expect(history.labels.municipalities['100005']).toBe('Prato');
    expect(history.labels.organisations).toEqual({});
  });
});
