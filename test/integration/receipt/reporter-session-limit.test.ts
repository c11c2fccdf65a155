import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReporterSession,
  lookupReporterSession,
} from '../../../src/modules/receipt/reporter-session.ts';
import { createTestApp, type TestContext } from '../../helpers/test-app.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { reportWithReceipt, setUpDesk } from './receipt-fixtures.ts';

describe(`reporter session limits on ${testDatabaseKind}`, () => {
  let context: TestContext;
  const db = () => context.database.handle.db;
  beforeAll(async () => {
    context = await createTestApp();
    await setUpDesk(context);
  }, 240_000);
  afterAll(() => context.close());

  it('ends a session two hours after sign-in, however active it stays', async () => {
    const report = await reportWithReceipt(db(), context.config);
    const start = Date.now() - 3 * 60 * 60_000;
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    const cookie = await createReporterSession(db(), context.config, report.id, at(0));
    // Used every quarter of an hour, the sliding window keeps it open…
    for (let minutes = 15; minutes < 120; minutes += 15) {
      const session = await lookupReporterSession(db(), context.config, cookie, at(minutes));
      expect(session?.caseId, `after ${minutes} minutes`).toBe(report.id);
    }
    expect(await lookupReporterSession(db(), context.config, cookie, at(119))).not.toBeNull();
    // …until the absolute limit: then it is closed and deleted.
    expect(await lookupReporterSession(db(), context.config, cookie, at(120))).toBeNull();
    const left = await db()
      .selectFrom('reporter_sessions')
      .select('id_hash')
      .where('case_id', '=', report.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('still ends an idle session after 20 minutes', async () => {
    const report = await reportWithReceipt(db(), context.config);
    const start = Date.now();
    const cookie = await createReporterSession(db(), context.config, report.id, new Date(start));
    const later = new Date(start + 21 * 60_000);
    expect(await lookupReporterSession(db(), context.config, cookie, later)).toBeNull();
  });
});
