import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrossTabResult } from '../../../src/modules/stats/schemas.ts';
import type { StatsMap } from '../../../web/src/api/stats.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { setUpCaseWorld, type CaseWorld } from '../cases/case-fixtures.ts';
import {
  FIRENZE,
  generateCases,
  insertCases,
  seatLeadInTuscany,
  LUCCA,
  PISA,
  romeMonth,
  staffFigure,
  type GeneratedCase,
} from './stats-fixtures.ts';

describe(`the back office's map of equality data on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let cases: GeneratedCase[];
  beforeAll(async () => {
    world = await setUpCaseWorld();
    await seatLeadInTuscany(world.db, world.lead.id);
    cases = generateCases(500, 31);
    await insertCases(world.db, cases);
  });
  afterAll(() => world.context.close());

  const getMap = async (query: string) => {
    const response = await world.analyst.client.get(`/api/stats/map?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<StatsMap>();
  };

  it('colours the region by counts that match an independent count, the rest in one row', async () => {
    const map = await getMap('metric=count&from=2025-01&to=2025-12');
    expect(map.regionName).toBe('Toscana');
    expect(map.threshold).toBe(5);
    const inYear = cases.filter(
      (c) => c.statisticsAllowed && romeMonth(c.receivedAt).startsWith('2025-'),
    );
    expect(map.perturbed).toBe(true);
    const casesIn = (code: string | null) => inYear.filter((c) => c.municipalityCode === code);
    for (const code of [PISA, FIRENZE, LUCCA]) {
      const row = map.rows.find((candidate) => candidate.code === code)!;
      expect(row.count === null || row.count === staffFigure(casesIn(code)), code).toBe(true);
      if (row.count !== null) expect(row.count === 0 || row.count >= 5).toBe(true);
    }
    // Milan and the reports without a place are outside the region: one protected row.
    const outside = inYear.filter(
      (c) => ![PISA, FIRENZE, LUCCA].includes(c.municipalityCode ?? ''),
    );
    expect(map.other?.count === null || map.other?.count === staffFigure(outside)).toBe(true);
    expect(map.total).toBe(staffFigure(inYear));
    expect(map.svg).toMatch(/^<svg[^>]* role="img"/);
    expect(map.svg).not.toMatch(/ style=/);
    expect(map.legend.reduce((sum, entry) => sum + entry.count, 0)).toBeGreaterThan(200);
    expect(map.legend[0]!.label).toMatch(/segnalazion/);
  });

  it('gives rates per 100,000 inhabitants with the population year, small numbers flagged', async () => {
    const map = await getMap('from=2025-01&to=2025-12');
    expect(map.metric).toBe('rate');
    expect(map.populationYear).toBeGreaterThan(2000);
    for (const row of map.rows) {
      if (row.count === null) {
        expect(row.rate).toBeNull();
        continue;
      }
      expect(row.rate).toBeCloseTo((row.count / row.population) * 100_000, 6);
      expect(row.unstable).toBe(row.count < 20);
    }
    expect(map.legend[0]!.label).toMatch(/100\.000/);
  });

  it('hides exactly what the cross-tab by municipality hides, so the two cannot be combined', async () => {
    const query = 'from=2025-01&to=2025-12&domain=housing';
    const map = await getMap(`metric=count&${query}`);
    const response = await world.analyst.client.get(
      `/api/stats/crosstab?rows=municipality&${query}`,
    );
    const table = response.json<CrossTabResult>();
    const crossTabCount = new Map(
      table.rows.map(([place], index) => [place!.code, table.rowTotals[index]!.value]),
    );
    for (const row of map.rows) expect(row.count, row.name).toBe(crossTabCount.get(row.code));
    const inMap = new Set(map.rows.map((row) => row.code));
    const outside = table.rows
      .map(([place], index) => ({ code: place!.code, count: table.rowTotals[index]!.value }))
      .filter(({ code }) => ![PISA, FIRENZE, LUCCA].includes(code) && !inMap.has(code));
    // The rest is shown only when each place in it is, as the figure of all its cases.
    const restCases = cases.filter(
      (c) =>
        c.statisticsAllowed &&
        romeMonth(c.receivedAt).startsWith('2025-') &&
        c.domains.includes('housing') &&
        ![PISA, FIRENZE, LUCCA].includes(c.municipalityCode ?? ''),
    );
    if (outside.some(({ count }) => count === null)) expect(map.other?.count).toBeNull();
    else expect(map.other?.count).toBe(staffFigure(restCases));
    expect(map.total).toBe(table.grandTotal.value);
  });

  it('follows the filters, refuses what it cannot answer and is for staff only', async () => {
    const housing = await getMap('metric=count&domain=housing&from=2025-01&to=2025-12');
    const all = await getMap('metric=count&from=2025-01&to=2025-12');
    expect(housing.total === null || housing.total <= all.total!).toBe(true);
    const refused = await world.analyst.client.get('/api/stats/map?metric=area');
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { fields: { field: string }[] } }>().error.fields[0]!.field).toBe(
      'metric',
    );
    expect((await world.operator.client.get('/api/stats/map')).statusCode).toBe(404);
  });
});
