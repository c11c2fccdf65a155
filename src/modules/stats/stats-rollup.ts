import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Dimension } from '../../core/stats/dimensions.ts';
import { KEY_MODULUS } from '../../core/stats/perturbation.ts';
import type { DB } from '../../db/schema.ts';
import type { JobDefinition } from '../../jobs/job-definition.ts';
import type { StatsFilters } from './case-groups.ts';

/**
 * The equality-data rollup: cases that allow statistics counted by month received, taken in
 * charge or not, and the raw arrays of grounds and areas, with the sum of their record keys. A cross-tab of those (with periods and
 * ground or area filters) reads a few thousand rows instead of every case. It is used only
 * while fresh: the change count a trigger keeps on `cases` must equal the one the rollup was
 * built at, and the time zone its months were cut in must be the network's. Otherwise readers
 * count from the cases themselves. The trigger counts a change when its statement runs, not
 * when it commits, so a rebuild first waits for every transaction in progress when it read the
 * count to end: the cases it then reads hold every change that count includes.
 */
export const rollupDimensions: ReadonlySet<Dimension> = new Set([
  'ground',
  'ground_detail',
  'domain',
  'month',
  'quarter',
  'year',
]);

/** Whether a question can be answered from the rollup (dimensions and filters it holds). */
export function rollupCanAnswer(dimensions: readonly Dimension[], filters: StatsFilters): boolean {
  return (
    dimensions.every((dimension) => rollupDimensions.has(dimension)) &&
    !filters.types?.length &&
    !filters.channels?.length &&
    filters.regionCode === undefined &&
    filters.provinceCode === undefined &&
    filters.municipalityCode === undefined
  );
}

async function changeCount(db: Kysely<DB>): Promise<number> {
  const row = await sql<{ last_value: string | number; is_called: boolean }>`
    SELECT last_value, is_called FROM case_stats_changes`.execute(db);
  const state = row.rows[0]!;
  return state.is_called ? Number(state.last_value) : 0;
}

export async function rollupIsFresh(db: Kysely<DB>, timeZone: string): Promise<boolean> {
  const state = await db
    .selectFrom('case_stats_rollup_state')
    .select(['changes', 'time_zone'])
    .executeTakeFirst();
  if (!state || state.time_zone !== timeZone) return false;
  return Number(state.changes) === (await changeCount(db));
}

/**
 * Waits until every transaction that has written anything so far has ended (committed or
 * rolled back); false when one is still running after `timeoutMs` (a long backup, a stuck
 * session). A new transaction id is larger than every id given out before it, so once the
 * oldest transaction still running is younger than that id, all the earlier ones are done.
 */
async function waitForTransactionsInProgress(db: Kysely<DB>, timeoutMs: number): Promise<boolean> {
  const horizon = await db
    .transaction()
    .execute(
      async (trx) =>
        (await sql<{ id: string }>`SELECT pg_current_xact_id()::text AS id`.execute(trx)).rows[0]!
          .id,
    );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const check = await sql<{ done: boolean }>`
      SELECT pg_snapshot_xmin(pg_current_snapshot()) > ${horizon}::xid8 AS done`.execute(db);
    if (check.rows[0]!.done) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}

/**
 * Rebuilds the rollup in one transaction. The change count is read first, then the rebuild
 * waits for the transactions in progress at that moment, so the cases it reads hold every
 * change counted, and a change made later leaves it marked stale rather than fresh. When a
 * transaction outlasts `waitMs`, nothing is rebuilt (readers keep counting the cases).
 * Idempotent: a second run rebuilds the same rows.
 */
export async function rebuildStatsRollup(
  db: Kysely<DB>,
  timeZone: string,
  now = new Date(),
  waitMs = 60_000,
): Promise<{ rows: number; changes: number; skipped?: true }> {
  const changes = await changeCount(db);
  if (!(await waitForTransactionsInProgress(db, waitMs)))
    return { rows: 0, changes, skipped: true };
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('case_stats_rollup').execute();
    const inserted = await sql`
      INSERT INTO case_stats_rollup
        (month, taken_in_charge, ground_codes, domain_codes, cases, key_sum)
      SELECT to_char(received_at AT TIME ZONE ${timeZone}, 'YYYY-MM'),
        taken_in_charge_at IS NOT NULL, ground_codes, domain_codes, count(*),
        sum(stats_key) % ${sql.lit(KEY_MODULUS)}
      FROM cases
      WHERE statistics_allowed
      GROUP BY 1, 2, 3, 4`.execute(trx);
    await trx
      .insertInto('case_stats_rollup_state')
      .values({ id: true, changes, time_zone: timeZone, built_at: now })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ changes, time_zone: timeZone, built_at: now }),
      )
      .execute();
    return { rows: Number(inserted.numAffectedRows ?? 0), changes };
  });
}

export const rebuildStatsRollupJob: JobDefinition = {
  name: 'stats.rebuild-rollup',
  // Figures are exact whatever the rollup's age; a rebuild only makes them fast again.
  schedule: { cron: '*/10 * * * *' },
  retry: { limit: 2, delaySeconds: 60 },
  expireInSeconds: 600,
  handler: async ({ database, config }) => rebuildStatsRollup(database.db, config.cases.timeZone),
};
