import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import {
  createOrganisation,
  createTestApp,
  createUser,
  TestClient,
  type TestContext,
} from '../../helpers/test-app.ts';

interface Summary {
  id: string;
  name: string;
  kind: string;
  status: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  networkRole: string | null;
  networkJoinedOn: string | null;
  unarProtocolSignedOn: string | null;
  helpDeskCount: number;
}

interface Page {
  items: Summary[];
  nextCursor: string | null;
}

describe('listing and searching organisations', () => {
  let context: TestContext;
  let client: TestClient;
  const db = () => context.database.handle.db;

  const seeded = [
    {
      name: 'Associazione Forlì Solidale',
      kind: 'association' as const,
      municipality_code: '040012',
      network_role: 'node' as const,
      network_joined_on: '2025-01-15',
      unar_protocol_signed_on: '2025-03-01',
    },
    {
      name: 'Comune di Pisa',
      kind: 'municipality' as const,
      municipality_code: '050026',
      network_role: 'associate' as const,
      network_joined_on: '2024-11-20',
    },
    {
      name: 'Unione della Valdera',
      kind: 'union_of_municipalities' as const,
      municipality_code: '050029',
      network_role: 'partner' as const,
      network_joined_on: '2024-06-01',
      unar_protocol_signed_on: '2024-09-01',
    },
    {
      name: 'Circolo Sant’Anna 100%',
      kind: 'association' as const,
      municipality_code: '050026',
      status: 'inactive' as const,
    },
    { name: 'Éducation sans frontières', kind: 'association' as const, municipality_code: null },
    { name: 'zeta_associazione', kind: 'association' as const, municipality_code: null },
  ];

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    const home = await createOrganisation(context, 'Amministrazione di rete');
    const organisations = await db()
      .insertInto('organisations')
      .values(seeded)
      .returning(['id', 'name'])
      .execute();
    const valdera = organisations.find((row) => row.name === 'Unione della Valdera')!;
    await db()
      .insertInto('organisation_territories')
      .values(
        ['050001', '050002'].map((code) => ({
          organisation_id: valdera.id,
          municipality_code: code,
        })),
      )
      .execute();
    const user = await createUser(context, { roles: ['operator'], organisationId: home.id });
    client = new TestClient(context.app);
    expect((await client.signIn(user)).statusCode).toBe(200);
  });
  afterAll(() => context.close());

  async function list(query = ''): Promise<Page> {
    const response = await client.get(`/api/organisations${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  }

  const names = (page: Page) => page.items.map((item) => item.name);

  it('answers summaries in name order, ignoring case and accents', async () => {
    const page = await list();
    expect(names(page)).toEqual([
      'Amministrazione di rete',
      'Associazione Forlì Solidale',
      'Circolo Sant’Anna 100%',
      'Comune di Pisa',
      'Éducation sans frontières',
      'Unione della Valdera',
      'zeta_associazione',
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[1]).toEqual({
      id: expect.any(String) as unknown,
      name: 'Associazione Forlì Solidale',
      kind: 'association',
      status: 'active',
      municipalityCode: '040012',
      municipalityName: 'Forlì',
      networkRole: 'node',
      networkJoinedOn: '2025-01-15',
      unarProtocolSignedOn: '2025-03-01',
      helpDeskCount: 0,
    });
  });

  it('searches with or without accents, in any case, anywhere in the name', async () => {
    expect(names(await list('?query=forli'))).toEqual(['Associazione Forlì Solidale']);
    expect(names(await list('?query=FORLÌ'))).toEqual(['Associazione Forlì Solidale']);
    expect(names(await list(`?query=${encodeURIComponent('  educa ')}`))).toEqual([
      'Éducation sans frontières',
    ]);
    expect(names(await list('?query=valdera'))).toEqual(['Unione della Valdera']);
    expect(names(await list('?query=nessuno'))).toEqual([]);
  });

  it('matches % and _ literally', async () => {
    expect(names(await list(`?query=${encodeURIComponent('100%')}`))).toEqual([
      'Circolo Sant’Anna 100%',
    ]);
    expect(names(await list(`?query=${encodeURIComponent('%')}`))).toEqual([
      'Circolo Sant’Anna 100%',
    ]);
    expect(names(await list('?query=_'))).toEqual(['zeta_associazione']);
  });

  it('filters by kind, status, membership, role, protocol and municipality', async () => {
    expect(names(await list('?kind=municipality'))).toEqual(['Comune di Pisa']);
    expect(names(await list('?status=inactive'))).toEqual(['Circolo Sant’Anna 100%']);
    expect(names(await list('?member=yes'))).toEqual([
      'Associazione Forlì Solidale',
      'Comune di Pisa',
      'Unione della Valdera',
    ]);
    expect(names(await list('?member=no'))).toHaveLength(4);
    expect(names(await list('?role=partner'))).toEqual(['Unione della Valdera']);
    expect(names(await list('?unar=yes'))).toEqual([
      'Associazione Forlì Solidale',
      'Unione della Valdera',
    ]);
    expect(names(await list('?unar=no&member=yes'))).toEqual(['Comune di Pisa']);
    expect(names(await list('?municipality=050026'))).toEqual([
      'Circolo Sant’Anna 100%',
      'Comune di Pisa',
    ]);
    // A territory covered counts as well as the seat.
    expect(names(await list('?municipality=050002'))).toEqual(['Unione della Valdera']);
    expect(names(await list('?kind=association&status=active&query=a'))).toEqual([
      'Amministrazione di rete',
      'Associazione Forlì Solidale',
      'Éducation sans frontières',
      'zeta_associazione',
    ]);
  });

  it('no longer counts an organisation as a member once its leaving date has passed', async () => {
    const left = await createOrganisation(context, 'Associazione Uscita');
    await db()
      .updateTable('organisations')
      .set({ network_role: 'node', network_joined_on: '2024-01-10', network_left_on: '2025-06-30' })
      .where('id', '=', left.id)
      .execute();
    expect(names(await list('?member=yes'))).not.toContain('Associazione Uscita');
    expect(names(await list('?member=no'))).toContain('Associazione Uscita');
    expect(names(await list('?role=node'))).not.toContain('Associazione Uscita');
    await db()
      .updateTable('organisations')
      .set({ network_left_on: '2999-12-31' })
      .where('id', '=', left.id)
      .execute();
    expect(names(await list('?member=yes'))).toContain('Associazione Uscita');
    await db().deleteFrom('organisations').where('id', '=', left.id).execute();
  });

  it('pages with an opaque cursor, without gaps or repeats', async () => {
    const all = names(await list());
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...names(page));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(all);
    expect(pages).toBe(4);
    const filtered = await list('?member=yes&limit=2');
    const next = await list(`?member=yes&limit=2&cursor=${filtered.nextCursor ?? ''}`);
    expect(names(next)).toEqual(['Unione della Valdera']);
    expect(next.nextCursor).toBeNull();
  });

  it('refuses bad parameters with the field named, never with a 500', async () => {
    for (const [query, field] of [
      ['?cursor=garbage', 'cursor'],
      [`?cursor=${Buffer.from('["a","b"]').toString('base64url')}`, 'cursor'],
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?kind=club', 'kind'],
      ['?member=maybe', 'member'],
      ['?municipality=abc', 'municipality'],
      ['?query=%00', 'query'],
    ] as const) {
      const response = await client.get(`/api/organisations${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(
        response
          .json<{ error: { fields: { field: string }[] } }>()
          .error.fields.map((f) => f.field),
        query,
      ).toContain(field);
    }
    expect((await client.get('/api/organisations?limit=500')).statusCode).toBe(200);
  });

  describe('GET /api/municipalities', () => {
    it('finds municipalities by the start of their name, accents optional', async () => {
      const response = await client.get('/api/municipalities?query=forli');
      expect(response.statusCode).toBe(200);
      const items = response.json<{ items: { code: string; name: string }[] }>().items;
      expect(items[0]).toEqual({ code: '040012', name: 'Forlì', provinceAcronym: 'FC' });
      expect(items.map((item) => item.name)).toContain('Forlimpopoli');
      const accented = await client.get(`/api/municipalities?query=${encodeURIComponent('FORLÌ')}`);
      expect(accented.json<{ items: { code: string }[] }>().items[0]?.code).toBe('040012');
    });

    it('limits the answer (default 20, at most 100)', async () => {
      const many = await client.get('/api/municipalities?query=s');
      expect(many.json<{ items: unknown[] }>().items).toHaveLength(20);
      const hundred = await client.get('/api/municipalities?query=s&limit=100');
      expect(hundred.json<{ items: unknown[] }>().items).toHaveLength(100);
      expect((await client.get('/api/municipalities?query=s&limit=101')).statusCode).toBe(400);
      expect((await client.get('/api/municipalities?query=%25')).json()).toEqual({ items: [] });
      expect((await client.get('/api/municipalities')).json()).toEqual({ items: [] });
      expect((await client.get('/api/municipalities?query=%00')).statusCode).toBe(400);
    });
  });
});
