import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFormToken } from '../../../src/core/intake-guard.ts';
import { purgeThrottlesJob } from '../../../src/modules/auth/purge-throttles.ts';
import { jobDefinitions } from '../../../src/jobs/registry.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createTestApp, TestClient, type TestContext } from '../../helpers/test-app.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { fillMinimalReport, postForm } from '../report-form/report-client.ts';

describe(`throttle rows without a link to reports on ${testDatabaseKind}`, () => {
  let context: TestContext;
  const db = () => context.database.handle.db;
  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
  }, 240_000);
  afterAll(() => context.close());

  it('stores the window slot, not the instant of the submission', async () => {
    const client = new TestClient(context.app);
    client.address = '203.0.113.77';
    const review = await fillMinimalReport(client, 'Slot check');
    const response = await postForm(client, '/it/segnala/invia', review, {
      form_token: issueFormToken(context.config.hashKey, Date.now() - 10_000),
    });
    expect(response.statusCode).toBe(200);
    const created = await db().selectFrom('cases').select('received_at').executeTakeFirstOrThrow();
    const throttles = await db().selectFrom('login_throttles').selectAll().execute();
    expect(throttles.length).toBeGreaterThan(0);
    for (const row of throttles) {
      expect(row.window_started_at.getTime()).not.toBe(created.received_at.getTime());
      // Slots are whole quarters of an hour (the shortest window).
      expect(row.window_started_at.getTime() % (15 * 60_000)).toBe(0);
      if (row.locked_until) expect(row.locked_until.getTime() % 60_000).toBe(0);
    }
  }, 120_000);

  it('purges the rows whose window and lock are both over, and can run twice', async () => {
    expect(jobDefinitions).toContain(purgeThrottlesJob);
    await db().deleteFrom('login_throttles').execute();
    const hours = (count: number) => new Date(Date.now() + count * 3_600_000);
    await db()
      .insertInto('login_throttles')
      .values([
        { key_hash: 'stale', failures: 3, window_started_at: hours(-2), locked_until: null },
        {
          key_hash: 'lock-over',
          failures: 9,
          window_started_at: hours(-3),
          locked_until: hours(-1),
        },
        {
          key_hash: 'still-locked',
          failures: 9,
          window_started_at: hours(-2),
          locked_until: hours(1),
        },
        { key_hash: 'current', failures: 1, window_started_at: hours(-0.25), locked_until: null },
      ])
      .execute();
    const deps = {
      database: context.database.handle,
      config: context.config,
      logger: context.app.log,
    };
    const run = { id: 'direct', data: null, retryCount: 0 };
    expect(await purgeThrottlesJob.handler(deps, run)).toEqual({ deleted: 2 });
    expect(await purgeThrottlesJob.handler(deps, run)).toEqual({ deleted: 0 });
    const left = await db().selectFrom('login_throttles').select('key_hash').execute();
    expect(left.map((row) => row.key_hash).sort()).toEqual(['current', 'still-locked']);
  });
});
