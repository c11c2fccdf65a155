import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PERTURBATION } from '../../../src/core/stats/perturbation.ts';
import type { CrossTabResult, IntersectionalResult } from '../../../src/modules/stats/schemas.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { setUpCaseWorld, type CaseWorld } from '../cases/case-fixtures.ts';
import {
  FIRENZE,
  generateCases,
  insertCases,
  MILANO,
  PISA,
  romeMonth,
  staffFigure,
  type GeneratedCase,
} from './stats-fixtures.ts';

const topLevel = (ground: string) => (ground === 'anti_black' ? 'racial_ethnic_origin' : ground);

describe(`equality data cross-tabs on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let cases: GeneratedCase[];
  let counted: GeneratedCase[];
  beforeAll(async () => {
    world = await setUpCaseWorld();
    cases = generateCases(600);
    await insertCases(world.db, cases);
    counted = cases.filter((c) => c.statisticsAllowed);
  });
  afterAll(() => world.context.close());

  const crossTab = async (query: string, client = world.analyst.client) => {
    const response = await client.get(`/api/stats/crosstab?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<CrossTabResult>();
  };

  /**
   * A published count must be what staff are shown for the cases it counts (their number,
   * perturbed with their keys), and 0 or at least the threshold; or it is hidden.
   */
  const expectPublishedOrHidden = (
    count: { value: number | null; suppressed: string | null },
    truth: readonly GeneratedCase[],
    threshold: number,
  ) => {
    if (count.value === null) {
      expect(count.suppressed).not.toBeNull();
    } else {
      expect(count.value).toBe(staffFigure(truth, threshold));
      expect(count.value === 0 || count.value >= threshold).toBe(true);
    }
  };

  it('counts cases by ground and month as an independent count does, each case once in the totals', async () => {
    const result = await crossTab('rows=ground&columns=month&from=2025-01&to=2025-12');
    expect(result.threshold).toBe(5);
    expect(result.perturbed).toBe(true);
    expect(result.columns.map((column) => column.code)).toEqual(
      Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`),
    );
    expect(result.columns[0]!.label).toBe('gennaio 2025');
    expect(result.rowsMaySumToMore).toBe(true);
    const inYear = counted.filter((c) => romeMonth(c.receivedAt).startsWith('2025-'));
    // Grounds are multi-valued: the margins that count each case once would give away, with
    // the cells, how many cases of a month have several grounds. They are hidden here…
    expect(result.grandTotal).toEqual({ value: null, suppressed: 'hidden' });

    result.rows.forEach(([ground], r) => {
      const grounds = (c: GeneratedCase) =>
        c.grounds.length === 0 ? ['not_classified'] : c.grounds.map(topLevel);
      const inRow = inYear.filter((c) => grounds(c).includes(ground!.code));
      expectPublishedOrHidden(result.rowTotals[r]!, inRow, 5);
      result.columns.forEach((month, m) => {
        const truth = inRow.filter((c) => romeMonth(c.receivedAt) === month.code);
        expectPublishedOrHidden(result.cells[r]![m]!, truth, 5);
      });
    });
    result.columns.forEach((month, m) => {
      const truth = inYear.filter((c) => romeMonth(c.receivedAt) === month.code).length;
      expect(result.columnTotals[m]).toEqual(
        truth === 0 ? { value: 0, suppressed: null } : { value: null, suppressed: 'hidden' },
      );
    });
    // …and the table by month alone gives them, each case once.
    const byMonth = await crossTab('rows=month&from=2025-01&to=2025-12');
    expect(byMonth.grandTotal.value).toBe(staffFigure(inYear));
    byMonth.rows.forEach(([month], m) => {
      const truth = inYear.filter((c) => romeMonth(c.receivedAt) === month!.code);
      expectPublishedOrHidden(byMonth.rowTotals[m]!, truth, 5);
    });
    // Cases without a ground are a row of their own, not dropped.
    const unclassified = result.rows.findIndex(([ground]) => ground!.code === 'not_classified');
    expect(unclassified).toBeGreaterThan(-1);
    expect(result.rows[unclassified]![0]!.label).toBe('Non classificato');
  });

  it('hides small counts and the counts that would give them away', async () => {
    const query = 'rows=municipality&columns=gender&population=cases&from=2026-01&to=2026-06';
    const result = await crossTab(query);
    expect(result.suppressedCount).toBeGreaterThan(0);
    const everything = [
      ...result.cells.flat(),
      ...result.rowTotals,
      ...result.columnTotals,
      result.grandTotal,
    ];
    for (const count of everything) {
      if (count.value !== null) expect(count.value === 0 || count.value >= 5).toBe(true);
    }
    // No line is left with a single hidden count.
    const lines = [
      ...result.cells.map((row, r) => [...row, result.rowTotals[r]!]),
      [...result.columnTotals, result.grandTotal],
      ...result.columns.map((_, c) => [
        ...result.cells.map((row) => row[c]!),
        result.columnTotals[c]!,
      ]),
      [...result.rowTotals, result.grandTotal],
    ];
    for (const line of lines) {
      expect(line.filter((count) => count.value === null)).not.toHaveLength(1);
    }
    const taken = counted.filter(
      (c) =>
        c.takenInCharge &&
        romeMonth(c.receivedAt) >= '2026-01' &&
        romeMonth(c.receivedAt) <= '2026-06',
    );
    expect(result.grandTotal.value).toBe(staffFigure(taken));
    expect(result.rows.map(([m]) => m!.label)).toEqual(
      expect.arrayContaining(['Pisa', 'Firenze', 'Milano', 'Comune non indicato o online']),
    );
  });

  it('filters by territory through the ISTAT hierarchy and by ground with its sub-codes', async () => {
    const tuscany = await crossTab('rows=province&region=09&ground=racial_ethnic_origin');
    const matching = counted.filter(
      (c) =>
        c.municipalityCode !== null &&
        c.municipalityCode !== MILANO &&
        c.grounds.some((g) => topLevel(g) === 'racial_ethnic_origin'),
    );
    expect(tuscany.grandTotal.value).toBe(staffFigure(matching));
    const pisa = tuscany.rows.findIndex(([province]) => province!.code === '050');
    expect(tuscany.rows[pisa]![0]!.label).toBe('Pisa');
    expectPublishedOrHidden(
      tuscany.rowTotals[pisa]!,
      matching.filter((c) => c.municipalityCode === PISA),
      5,
    );
    const florence = await crossTab(`rows=channel&municipality=${FIRENZE}&from=2026-01&to=2026-06`);
    expect(florence.grandTotal.value ?? 0).toBeLessThanOrEqual(
      counted.filter((c) => c.municipalityCode === FIRENZE).length + MAX_PERTURBATION,
    );
  });

  it('shows the same cases the same figure however they are asked for', async () => {
    // The cases with the disability ground: a row of the table by ground, and the whole of a
    // table filtered on that ground. Asked again, nothing changes: no noise to average away.
    const byGround = await crossTab('rows=ground&from=2025-01&to=2025-12');
    const row = byGround.rows.findIndex(([ground]) => ground!.code === 'disability');
    const filtered = await crossTab('rows=month&ground=disability&from=2025-01&to=2025-12');
    const withDisability = counted.filter(
      (c) => romeMonth(c.receivedAt).startsWith('2025-') && c.grounds.includes('disability'),
    );
    expect(withDisability.length).toBeGreaterThan(5);
    expect(byGround.rowTotals[row]!.value).toBe(staffFigure(withDisability));
    expect(filtered.grandTotal.value).toBe(byGround.rowTotals[row]!.value);
    expect((await crossTab('rows=ground&from=2025-01&to=2025-12')).rowTotals).toEqual(
      byGround.rowTotals,
    );
  });

  it("labels quarters in the reader's language and keeps empty periods", async () => {
    const result = await crossTab(
      'rows=ground&columns=quarter&from=2024-10&to=2025-06',
      world.coordinator.client,
    );
    expect(result.columns.map((column) => column.code)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(result.columns.map((column) => column.label)).toEqual([
      '4º trimestre 2024',
      '1º trimestre 2025',
      '2º trimestre 2025',
    ]);
    expect(result.columnTotals[0]).toEqual({ value: 0, suppressed: null });
  });

  it('is for analysts and coordinators only, and leaves an audit row of the question', async () => {
    for (const client of [world.operator.client, world.legalExpert.client, world.auditor.client]) {
      expect((await client.get('/api/stats/crosstab?rows=ground')).statusCode).toBe(404);
    }
    await crossTab('rows=domain&columns=year');
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['details', 'outcome'])
      .where('action', '=', 'stats.read')
      .where('actor_user_id', '=', world.analyst.user.id)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows.at(-1)!.details)).toContain('"columns":"year"');
  });

  it('splits cases by how many grounds they involve, each counted once', async () => {
    const response = await world.analyst.client.get('/api/stats/intersectional?from=2025-01');
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<IntersectionalResult>();
    const inPeriod = counted.filter((c) => romeMonth(c.receivedAt) >= '2025-01');
    const groundsOf = (c: GeneratedCase) => [...new Set(c.grounds.map(topLevel))];
    expect(result.perturbed).toBe(true);
    expect(result.total.value).toBe(staffFigure(inPeriod));
    expectPublishedOrHidden(
      result.multipleGrounds,
      inPeriod.filter((c) => groundsOf(c).length >= 2),
      5,
    );
    expectPublishedOrHidden(
      result.singleGround,
      inPeriod.filter((c) => groundsOf(c).length === 1),
      5,
    );
    expectPublishedOrHidden(
      result.notClassified,
      inPeriod.filter((c) => c.grounds.length === 0),
      5,
    );
    expect(result.combinations.length).toBeGreaterThan(0);
    for (const combination of result.combinations) {
      const codes = combination.grounds.map((ground) => ground.code);
      const truth = inPeriod.filter((c) => {
        const own = groundsOf(c).sort();
        return own.length === codes.length && own.every((code, i) => code === codes[i]);
      });
      expectPublishedOrHidden(combination.count, truth, 5);
    }
    expect(result.combinations[0]!.grounds[0]!.label).toBeTruthy();
    expect((await world.operator.client.get('/api/stats/intersectional')).statusCode).toBe(404);
  });

  it('exports the same protected table as CSV for Italian Excel, XLSX with notes, and JSON', async () => {
    const query = 'rows=municipality&columns=gender&population=cases&from=2026-01&to=2026-06';
    const table = await crossTab(query);
    const csv = await world.analyst.client.get(`/api/stats/crosstab/export?${query}&format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="dati-municipality-gender-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('\r\n');
    const rows: string[][] = parse(csv.body, { delimiter: ';', bom: true });
    expect(rows[0]).toEqual(['Comune', ...table.columns.map((column) => column.label), 'Totale']);
    expect(rows).toHaveLength(table.rows.length + 2);
    table.rows.forEach(([municipality], r) => {
      const line = rows[r + 1]!;
      expect(line[0]).toBe(municipality!.label);
      table.cells[r]!.forEach((count, c) => {
        expect(line[c + 1]).toBe(count.value === null ? 'c' : String(count.value));
      });
    });
    expect(rows.at(-1)![0]).toBe('Totale');
    expect(rows.at(-1)!.at(-1)).toBe(String(table.grandTotal.value));
    expect(rows.flat()).toContain('c');

    const xlsx = await world.analyst.client.get(`/api/stats/crosstab/export?${query}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const sheets = await readXlsxFile(xlsx.rawPayload);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Tabella', 'Note']);
    expect(sheets[0]!.data.at(-1)!.at(-1)).toBe(table.grandTotal.value);
    expect(sheets[0]!.data.flat()).toContain('c');
    expect(sheets[1]!.data.flat().join(' ')).toContain('dato riservato');

    const json = await world.analyst.client.get(`/api/stats/crosstab/export?${query}&format=json`);
    const body = json.json<CrossTabResult & { notes: string[] }>();
    expect(body.cells).toEqual(table.cells);
    expect(body.notes.length).toBeGreaterThan(3);

    const audit = await world.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'stats.exported')
      .execute();
    expect(audit).toHaveLength(3);
    expect(
      (await world.operator.client.get(`/api/stats/crosstab/export?${query}`)).statusCode,
    ).toBe(404);
  });

  it('draws the row totals as an SVG chart that needs no inline style, for staff only', async () => {
    const response = await world.analyst.client.get(
      '/api/stats/crosstab/chart?rows=month&from=2025-01&to=2025-12',
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(response.body).toMatch(/^<svg role="img" aria-label="Segnalazioni ricevute per Mese"/);
    expect(response.body).not.toMatch(/ style=|<style|<script/);
    const bars = await world.analyst.client.get('/api/stats/crosstab/chart?rows=ground,domain');
    expect(bars.body).toContain('Origine razziale o etnica · Casa');
    expect(
      (await world.operator.client.get('/api/stats/crosstab/chart?rows=ground')).statusCode,
    ).toBe(404);
  });

  it('names the field of a wrong question', async () => {
    const cases: [string, string][] = [
      ['rows=shoe_size', 'rows'],
      ['rows=ground&columns=ground', 'columns'],
      ['rows=ground&from=2025-13', 'from'],
      ['rows=ground&from=2025-06&to=2025-01', 'to'],
      ['rows=ground,domain,month', 'rows'],
      ['rows=ground&region=Toscana', 'region'],
      ['rows=ground&from=0001-01', 'from'],
      ['rows=month,ground_detail&columns=domain&from=1990-01&to=2100-12', 'rows'],
    ];
    for (const [query, field] of cases) {
      const response = await world.analyst.client.get(`/api/stats/crosstab?${query}`);
      expect(response.statusCode, query).toBe(400);
      const body = response.json<{ error: { fields: { field: string }[] } }>();
      expect(
        body.error.fields.map((f) => f.field.split('.')[0]),
        query,
      ).toContain(field);
    }
  });
});
