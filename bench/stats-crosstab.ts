import { sql } from 'kysely';
import { loadReferenceData } from '../src/modules/reference/load-reference-data.ts';
import { equalityCrossTab } from '../src/modules/stats/equality-crosstab.ts';
import { rebuildStatsRollup } from '../src/modules/stats/stats-rollup.ts';
import { createTestDatabase } from '../test/helpers/test-db.ts';

/**
 * Budget: the equality-data cross-tab ground × domain × month over 1,000,000 cases, with
 * disclosure control applied, at most 1.5 × the bare SQL GROUP BY on the same data, and under
 * 300 ms on PostgreSQL. `equalityCrossTab` (what GET /api/stats/crosstab runs) with rows ground
 * and domain and months as columns, against the plain GROUP BY of the same three dimensions
 * (unnesting both arrays), each run 10 times after a warm-up; medians reported. Then the same
 * cross-tab once the rollup is built (`rebuildStatsRollup`, timed too), as the job keeps it.
 * `STATS_CASES` sets the size; `TEST_DB=postgresql` runs it on the server.
 */
export async function benchStatsCrossTab(): Promise<Record<string, number | string>> {
  const total = Number(process.env['STATS_CASES'] ?? 1_000_000);
  const database = await createTestDatabase();
  const db = database.handle.db;
  await loadReferenceData(db);
  const started = Date.now();
  // One to three grounds (a sub-code now and then), one or two domains, five years of months,
  // municipalities of Tuscany, nine in ten with the statistics consent.
  await sql`
    INSERT INTO cases (reference, source, channel, status, received_at, acknowledge_due_on,
      take_in_charge_due_on, taxonomy_version, ground_codes, domain_codes, municipality_code,
      statistics_allowed, taken_in_charge_at)
    SELECT 'SEG-S-' || g, 'public_form', 'web_form', 'closed',
      timestamptz '2021-01-01' + (g * interval '157 seconds'),
      date '2021-01-03', date '2021-01-08', '2026.1',
      (ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[
        (ARRAY['racial_ethnic_origin','anti_black','nationality','religion_belief','disability','sex','age','sexual_orientation'])[1 + g % 8],
        CASE WHEN g % 5 = 0 THEN (ARRAY['sex','religion_belief','disability','age'])[1 + g % 4] END,
        CASE WHEN g % 17 = 0 THEN 'language' END]) AS x WHERE x IS NOT NULL)),
      (ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[
        (ARRAY['housing','employment_training','transport','education','goods_services','health_social_protection'])[1 + g % 6],
        CASE WHEN g % 7 = 0 THEN 'media_internet' END]) AS x WHERE x IS NOT NULL)),
      (ARRAY['050026','048017','046017','049014','051002','052032','053011'])[1 + g % 7],
      g % 10 <> 0,
      timestamptz '2021-01-02'
    FROM generate_series(1, ${total}) AS g`.execute(db);
  await sql`ANALYZE cases`.execute(db);
  console.error(`inserted ${total} cases in ${Date.now() - started} ms on ${database.config.kind}`);

  const median = async (run: () => Promise<unknown>) => {
    await run();
    const times: number[] = [];
    for (let index = 0; index < 10; index += 1) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    return Math.round(times.sort((a, b) => a - b)[5]! * 10) / 10;
  };
  const bare = await median(() =>
    sql`
      SELECT g, d, to_char(c.received_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM') AS month,
        count(*) AS n
      FROM cases c, unnest(c.ground_codes) AS g, unnest(c.domain_codes) AS d
      WHERE c.statistics_allowed
      GROUP BY 1, 2, 3`.execute(db),
  );
  let cells = 0;
  let suppressed = 0;
  const crossTabQuery = async () => {
    const result = await equalityCrossTab(
      db,
      { rows: ['ground', 'domain'], columns: 'month', filters: { population: 'reports' } },
      { threshold: 5, perturbed: true, timeZone: 'Europe/Rome', locale: 'it' },
    );
    cells = result.cells.length * result.columns.length;
    suppressed = result.suppressedCount;
  };
  const crossTab = await median(crossTabQuery);
  const rebuildStarted = performance.now();
  const rollup = await rebuildStatsRollup(db, 'Europe/Rome');
  const rebuildMs = Math.round(performance.now() - rebuildStarted);
  const fromRollup = await median(crossTabQuery);
  await database.drop();
  return {
    database: database.config.kind,
    cases: total,
    cells,
    suppressed,
    bareGroupByMs: bare,
    crossTabMs: crossTab,
    ratio: Math.round((crossTab / bare) * 100) / 100,
    rollupRows: rollup.rows,
    rollupRebuildMs: rebuildMs,
    crossTabFromRollupMs: fromRollup,
    ratioFromRollup: Math.round((fromRollup / bare) * 100) / 100,
  };
}
