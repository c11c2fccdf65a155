import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../../src/jobs/registry.ts';
import { equalityCrossTab } from '../../../src/modules/stats/equality-crosstab.ts';
import {
  rebuildStatsRollup,
  rebuildStatsRollupJob,
  rollupIsFresh,
} from '../../../src/modules/stats/stats-rollup.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { setUpCaseWorld, type CaseWorld } from '../cases/case-fixtures.ts';
import { generateCases, insertCases } from './stats-fixtures.ts';

const timeZone = 'Europe/Rome';

describe(`the equality-data rollup on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await setUpCaseWorld();
    await insertCases(world.db, generateCases(700, 5));
  });
  afterAll(() => world.context.close());

  /** A staff cross-tab; exact (not perturbed) where the test adds and takes cases one by one. */
  const table = (
    rows: ('ground' | 'domain' | 'year' | 'month')[],
    columns: 'month' | 'year' | null,
    perturbed = false,
  ) =>
    equalityCrossTab(
      world.db,
      { rows, columns, filters: { population: 'reports', from: '2025-01', to: '2026-06' } },
      {
        threshold: 5,
        perturbed,
        timeZone,
        locale: 'it',
        now: new Date('2026-12-06T10:00:00Z'),
      },
    );

  it('answers with the same figures as the cases, and is used only while nothing changed', async () => {
    const fromCases = await table(['ground', 'domain'], 'year');
    // Perturbed figures match too: the rollup keeps the sum of its cases' record keys.
    const perturbedFromCases = await table(['ground', 'domain'], 'year', true);
    expect(perturbedFromCases).not.toEqual(fromCases);
    expect(await rollupIsFresh(world.db, timeZone)).toBe(false);
    const built = await rebuildStatsRollup(world.db, timeZone);
    expect(built.rows).toBeGreaterThan(0);
    expect(built.rows).toBeLessThan(700);
    expect(await rollupIsFresh(world.db, timeZone)).toBe(true);
    expect(await table(['ground', 'domain'], 'year')).toEqual(fromCases);
    expect(await table(['ground', 'domain'], 'year', true)).toEqual(perturbedFromCases);
    const before = await table(['ground'], null);

    // Proof that the rollup is what answers: a change made behind its back shows.
    await sql`UPDATE case_stats_rollup SET cases = cases + 1000`.execute(world.db);
    const tampered = await table(['ground'], null);
    expect(tampered.grandTotal.value).toBeGreaterThan(1000);

    // Any change to cases makes it stale: the next answer counts the cases again, exactly.
    await insertCases(
      world.db,
      generateCases(1, 77).map((c) => ({
        ...c,
        statisticsAllowed: true,
        receivedAt: new Date('2025-05-05T10:00:00Z'),
      })),
    );
    expect(await rollupIsFresh(world.db, timeZone)).toBe(false);
    const afterInsert = await table(['ground'], null);
    expect(afterInsert.grandTotal.value).toBe(before.grandTotal.value! + 1);
    const perturbedAfterInsert = await table(['ground'], null, true);
    await rebuildStatsRollup(world.db, timeZone);
    expect(await table(['ground'], null)).toEqual(afterInsert);
    expect(await table(['ground'], null, true)).toEqual(perturbedAfterInsert);

    // Withdrawing the statistics consent takes a case out at once.
    await sql`UPDATE cases SET statistics_allowed = false WHERE reference = (SELECT min(reference) FROM cases WHERE statistics_allowed AND received_at >= '2025-01-01' AND received_at < '2026-06-01')`.execute(
      world.db,
    );
    expect((await table(['ground'], null)).grandTotal.value).toBe(
      afterInsert.grandTotal.value! - 1,
    );
  });

  it('stays fresh through changes to what it does not hold', async () => {
    await rebuildStatsRollup(world.db, timeZone);
    await sql`UPDATE cases SET title = 'Titolo aggiornato' WHERE reference = (SELECT min(reference) FROM cases)`.execute(
      world.db,
    );
    expect(await rollupIsFresh(world.db, timeZone)).toBe(true);
    await sql`UPDATE cases SET domain_codes = '{housing}' WHERE reference = (SELECT min(reference) FROM cases)`.execute(
      world.db,
    );
    expect(await rollupIsFresh(world.db, timeZone)).toBe(false);
    // New record keys change the sums it keeps: stale too, or the rollup and the cases would
    // give the same cases two different figures.
    await rebuildStatsRollup(world.db, timeZone);
    await sql`UPDATE cases SET stats_key = 42 WHERE reference = (SELECT min(reference) FROM cases)`.execute(
      world.db,
    );
    expect(await rollupIsFresh(world.db, timeZone)).toBe(false);
  });

  it('is not used for another time zone, nor for questions it cannot answer', async () => {
    await rebuildStatsRollup(world.db, 'Europe/London');
    expect(await rollupIsFresh(world.db, timeZone)).toBe(false);
    await rebuildStatsRollup(world.db, timeZone);
    const byMunicipality = await equalityCrossTab(
      world.db,
      { rows: ['municipality'], columns: null, filters: { population: 'reports' } },
      { threshold: 5, perturbed: false, timeZone, locale: 'it' },
    );
    const counted = await world.db
      .selectFrom('cases')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('statistics_allowed', '=', true)
      .executeTakeFirstOrThrow();
    expect(byMunicipality.grandTotal.value).toBe(counted.n);
  });

  // PGlite has one connection: no transaction can be in progress beside the rebuild.
  it.skipIf(testDatabaseKind === 'pglite')(
    'waits for a change still being committed, so it is never fresh without it',
    async () => {
      const config = world.context.database.config;
      if (config.kind !== 'postgresql') return;
      const other = new pg.Client({ connectionString: config.url });
      await other.connect();
      try {
        // Counted from the cases: the rollup itself may be stale after the tests before.
        const before = await world.db
          .selectFrom('cases')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('statistics_allowed', '=', true)
          .executeTakeFirstOrThrow();
        expect(before.n).toBeGreaterThan(0);
        // A case inserted by a transaction that has not committed yet: its change is counted.
        await other.query('BEGIN');
        await other.query(
          `INSERT INTO cases (reference, source, channel, acknowledge_due_on, take_in_charge_due_on,
             taxonomy_version, statistics_allowed, received_at)
           SELECT 'RACE-1', 'operator', 'phone', '2030-01-01', '2030-01-01', taxonomy_version,
             true, '2025-05-05T10:00:00Z' FROM cases LIMIT 1`,
        );
        let finished = false;
        const rebuild = rebuildStatsRollup(world.db, timeZone).then((result) => {
          finished = true;
          return result;
        });
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(finished).toBe(false);
        await other.query('COMMIT');
        expect((await rebuild).skipped).toBeUndefined();
        expect(await rollupIsFresh(world.db, timeZone)).toBe(true);
        const after = await world.db
          .selectFrom('case_stats_rollup')
          .select(sql<number>`sum(cases)::int`.as('n'))
          .executeTakeFirstOrThrow();
        expect(after.n).toBe(before.n + 1);
        const counted = await world.db
          .selectFrom('cases')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('statistics_allowed', '=', true)
          .executeTakeFirstOrThrow();
        expect(after.n).toBe(counted.n);

        // A transaction that outlasts the wait: nothing is rebuilt, the rollup goes stale.
        await other.query('BEGIN');
        await other.query(`UPDATE cases SET received_at = received_at WHERE reference = 'RACE-1'`);
        const skipped = await rebuildStatsRollup(world.db, timeZone, new Date(), 300);
        expect(skipped.skipped).toBe(true);
        expect(await rollupIsFresh(world.db, timeZone)).toBe(false);
        await other.query('ROLLBACK');
      } finally {
        await other.end();
      }
    },
  );

  it('is rebuilt by a scheduled job', () => {
    expect(jobDefinitions).toContain(rebuildStatsRollupJob);
    expect(rebuildStatsRollupJob.schedule?.cron).toBe('*/10 * * * *');
  });
});
