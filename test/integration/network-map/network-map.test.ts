import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createTestApp, createUser, TestClient, type TestContext } from '../../helpers/test-app.ts';

interface NetworkMap {
  regionCode: string;
  regionName: string;
  svg: string;
  legend: { key: string; label: string; count: number }[];
  rows: { istatCode: string; name: string; provinceAcronym: string | null; category: string }[];
  attribution: string;
}

describe('GET /api/network/map', () => {
  let context: TestContext;
  let operator: TestClient;
  const db = () => context.database.handle.db;

  async function map(query = '', headers?: Record<string, string>): Promise<NetworkMap> {
    const response = await operator.get(`/api/network/map${query}`, headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<NetworkMap>();
  }
  const count = (result: NetworkMap, key: string) =>
    result.legend.find((entry) => entry.key === key)?.count ?? 0;
  const category = (result: NetworkMap, istatCode: string) =>
    result.rows.find((row) => row.istatCode === istatCode)?.category;

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    const lead = await db()
      .insertInto('organisations')
      .values({
        name: 'Regione Toscana',
        kind: 'region',
        municipality_code: '048017', // Firenze
        network_role: 'lead_partner',
        network_joined_on: '2023-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const association = await db()
      .insertInto('organisations')
      .values({
        name: 'Associazione di Prato',
        kind: 'association',
        municipality_code: '100005', // Prato
        network_role: 'associate',
        network_joined_on: '2024-01-01',
        unar_protocol_signed_on: '2024-02-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('organisation_territories')
      .values({ organisation_id: association.id, municipality_code: '048033' }) // a covered territory
      .execute();
    const desk = await db()
      .insertInto('help_desks')
      .values({
        organisation_id: association.id,
        name: 'Sportello di Prato',
        municipality_code: '100005',
        channels: ['phone'],
        access_mode: 'walk_in',
        opening_hours: JSON.stringify({ weekly: [], exceptions: [] }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('help_desk_municipalities')
      .values({ help_desk_id: desk.id, municipality_code: '100005' })
      .execute();
    const user = await createUser(context, { roles: ['operator'], organisationId: lead.id });
    operator = new TestClient(context.app);
    expect((await operator.signIn(user)).statusCode).toBe(200);
  });
  afterAll(() => context.close());

  it('answers the whole region by network status, as the public map', async () => {
    const result = await map();
    expect(result.regionCode).toBe('09');
    expect(result.regionName).toBe('Toscana');
    expect(result.rows.length).toBe(273);
    expect(category(result, '048017')).toBe('member');
    expect(category(result, '100005')).toBe('help-desk');
    expect(count(result, 'help-desk')).toBe(1);
    expect(count(result, 'member')).toBe(2);
    const total = result.legend.reduce((sum, entry) => sum + entry.count, 0);
    expect(total).toBe(result.rows.length);
    expect(result.attribution).toContain('ISTAT');
  });

  it('counts only the organisations the filters select', async () => {
    const associations = await map('?kind=association');
    expect(category(associations, '048017')).toBe('not-member');
    expect(count(associations, 'help-desk')).toBe(1);
    expect(count(associations, 'member')).toBe(1);

    const regions = await map('?kind=region');
    expect(category(regions, '100005')).toBe('not-member');
    expect(count(regions, 'help-desk')).toBe(0);
    expect(count(regions, 'member')).toBe(1);

    const lead = await map('?role=lead_partner&unar=no');
    expect(count(lead, 'member')).toBe(1);
    expect(category(lead, '048017')).toBe('member');

    const none = await map('?member=no');
    expect(count(none, 'member') + count(none, 'help-desk')).toBe(0);
  });

  it('rejects unknown filter values', async () => {
    const response = await operator.get('/api/network/map?kind=planet');
    expect(response.statusCode).toBe(400);
  });

  it('draws an accessible SVG without style attributes, in the asked language', async () => {
    const result = await map('', { 'accept-language': 'en' });
    expect(result.svg).toMatch(/^<svg[^>]*role="img"/);
    expect(result.svg).not.toMatch(/\sstyle=/);
    expect(result.svg).toContain('<title');
    expect(result.legend.map((entry) => entry.label)).toContain('Member of the network');
    const italian = await map('', { 'accept-language': 'it' });
    expect(italian.legend.map((entry) => entry.label)).not.toContain('Member of the network');
  });

  it('refuses anonymous requests', async () => {
    const anonymous = new TestClient(context.app);
    const response = await anonymous.get('/api/network/map');
    expect(response.statusCode).toBe(401);
  });
});
