import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { regionMunicipalitiesTopoJsonPath } from './boundaries.ts';
import { loadReferenceData } from './load-reference-data.ts';
import { findMunicipality, populationByCode, searchMunicipalities } from './municipalities.ts';
import { referenceDataDir } from './paths.ts';

describe('reference data: ISTAT municipalities', () => {
  let database: TestDatabase;
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads all 7,904 municipalities quickly, then does nothing while the file is unchanged', async () => {
    const startedAt = performance.now();
    expect(await loadReferenceData(db())).toEqual({
      loaded: ['istat-municipalities', 'taxonomy-2026.1'],
    });
    const elapsed = performance.now() - startedAt;
    expect(elapsed).toBeLessThan(2_000);

    const count = await db()
      .selectFrom('municipalities')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count.count)).toBe(7_904);

    const dataset = await db()
      .selectFrom('reference_datasets')
      .selectAll()
      .where('name', '=', 'istat-municipalities')
      .executeTakeFirstOrThrow();
    expect(dataset.checksum).toMatch(/^[0-9a-f]{64}$/);

    expect(await loadReferenceData(db())).toEqual({ loaded: [] });
  });

  it('reloads when the recorded checksum no longer matches, without duplicating rows', async () => {
    await db()
      .updateTable('municipalities')
      .set({ population: 1 })
      .where('istat_code', '=', '048017')
      .execute();
    await db()
      .updateTable('reference_datasets')
      .set({ checksum: 'stale' })
      .where('name', '=', 'istat-municipalities')
      .execute();
    expect(await loadReferenceData(db())).toEqual({ loaded: ['istat-municipalities'] });
    expect((await findMunicipality(db(), '048017'))?.population).toBe(358_079);
    const count = await db()
      .selectFrom('municipalities')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count.count)).toBe(7_904);
  });

  it('finds a municipality by ISTAT code with its province, region and 2011 population', async () => {
    expect(await findMunicipality(db(), '050026')).toEqual({
      istat_code: '050026',
      name: 'Pisa',
      search_name: 'pisa',
      province_code: '050',
      province_name: 'Pisa',
      province_acronym: 'PI',
      region_code: '09',
      region_name: 'Toscana',
      cadastral_code: 'G702',
      population: 85_858,
      population_year: 2011,
    });
    expect(await findMunicipality(db(), '999999')).toBeUndefined();
  });

  it('looks up the population of Tuscan municipalities', async () => {
    const populations = await populationByCode(db(), [
      '048017',
      '100005',
      '049009',
      '053011',
      '000000',
    ]);
    expect(populations).toEqual(
      new Map([
        ['048017', 358_079],
        ['100005', 185_456],
        ['049009', 157_052],
        ['053011', 78_630],
      ]),
    );
    const tuscany = await db()
      .selectFrom('municipalities')
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('population').as('people'),
      ])
      .where('region_code', '=', '09')
      .executeTakeFirstOrThrow();
    expect(Number(tuscany.count)).toBe(273);
    expect(Number(tuscany.people)).toBeGreaterThan(3_600_000);
  });

  it('searches by name prefix ignoring case and accents, keeping apostrophes', async () => {
    const forli = await searchMunicipalities(db(), 'forli');
    expect(forli[0]).toMatchObject({ name: 'Forlì', istat_code: '040012' });
    expect((await searchMunicipalities(db(), 'FORLÌ'))[0]?.name).toBe('Forlì');
    const santAgata = await searchMunicipalities(db(), "sant'agata");
    expect(santAgata.length).toBeGreaterThan(1);
    expect(santAgata.every((m) => m.name.startsWith("Sant'Agata"))).toBe(true);
    expect(await searchMunicipalities(db(), '%')).toEqual([]);
    expect(await searchMunicipalities(db(), '   ')).toEqual([]);
    const inTuscany = await searchMunicipalities(db(), 'pont', { regionCode: '09', limit: 3 });
    expect(inTuscany.map((m) => m.name)).toEqual(['Pontedera', 'Pontassieve', 'Ponte Buggianese']);
  });

  it('folds names exactly like search_text() in the database, so both searches agree', async () => {
    // Municipalities are folded in JavaScript (toSearchName), organisations and desks by SQL.
    const disagreements = await sql<{ name: string }>`
      SELECT name FROM municipalities WHERE search_name <> search_text(name)`.execute(db());
    expect(disagreements.rows).toEqual([]);
  });

  it('points to the municipal boundaries of a region', () => {
    const path = regionMunicipalitiesTopoJsonPath('09');
    expect(path).toBe(join(referenceDataDir, 'geo', 'limits_R_9_municipalities.topo.json'));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveProperty('type', 'Topology');
    expect(() => regionMunicipalitiesTopoJsonPath('21')).toThrow(/No municipal boundaries/);
    expect(() => regionMunicipalitiesTopoJsonPath('../x')).toThrow(/Not an ISTAT region code/);
  });
});
