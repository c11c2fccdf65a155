import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../../src/jobs/registry.ts';
import { insertFile } from '../../../src/modules/files/store-file.ts';
import { createReporterSession } from '../../../src/modules/receipt/reporter-session.ts';
import { DRAFT_COOKIE } from '../../../src/modules/report-form/draft-store.ts';
import { purgeExpiredDraftsJob } from '../../../src/modules/report-form/purge-expired-drafts.ts';
import { createTestApp, TestClient, type TestContext } from '../../helpers/test-app.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { reportWithReceipt, setUpDesk } from '../receipt/receipt-fixtures.ts';
import { postForm } from '../report-form/report-client.ts';

describe(`purging expired public-side state on ${testDatabaseKind}`, () => {
  let context: TestContext;
  const db = () => context.database.handle.db;
  beforeAll(async () => {
    context = await createTestApp();
    await setUpDesk(context);
  }, 240_000);
  afterAll(() => context.close());

  it('renews the draft cookie on every save, not only the first', async () => {
    const client = new TestClient(context.app);
    const draftCookie = (response: { cookies: Array<{ name: string; maxAge?: number }> }) =>
      response.cookies.filter((cookie) => cookie.name === DRAFT_COOKIE);
    let page = (await client.get('/it/segnala/1')).body;
    const first = await postForm(client, '/it/segnala/1', page, { narrative: 'Primo salvataggio' });
    expect(first.statusCode).toBe(303);
    expect(draftCookie(first)[0]?.maxAge).toBe(4 * 60 * 60);
    page = (await client.get('/it/segnala/1')).body;
    const second = await postForm(client, '/it/segnala/1', page, { narrative: 'Secondo' });
    expect(second.statusCode).toBe(303);
    const renewed = draftCookie(second);
    expect(renewed.length).toBeGreaterThan(0);
    expect(renewed.every((cookie) => cookie.maxAge === 4 * 60 * 60)).toBe(true);
    expect(renewed[0] && 'value' in renewed[0] ? renewed[0].value : '').toBe(
      client.cookies.get(DRAFT_COOKIE),
    );
  });

  it('deletes expired drafts (erasing their evidence), nonces and reporter sessions; twice is harmless', async () => {
    await db().deleteFrom('report_drafts').execute();
    const now = Date.now();
    const evidence = await insertFile(
      db(),
      context.config.masterKeys,
      {
        family: 'pdf',
        mediaType: 'application/pdf',
        fileName: 'prova.pdf',
        clean: Buffer.from('%PDF-1.7'),
      },
      { purpose: 'report_evidence', actorId: null },
    );
    // More than one batch of 100, so the handler has to loop.
    const expired = Array.from({ length: 150 }, (_, index) => ({
      id_hash: `expired-${index}`,
      data_enc: 'sealed',
      file_ids: index === 0 ? [evidence.id] : [],
      expires_at: new Date(now - 60_000),
    }));
    await db()
      .insertInto('report_drafts')
      .values([
        ...expired,
        { id_hash: 'fresh', data_enc: 'sealed', file_ids: [], expires_at: new Date(now + 60_000) },
      ])
      .execute();
    await db()
      .insertInto('report_form_nonces')
      .values([
        { nonce_hash: randomUUID(), expires_at: new Date(now - 60_000) },
        { nonce_hash: 'fresh-nonce', expires_at: new Date(now + 60_000) },
      ])
      .execute();
    await db().deleteFrom('reporter_sessions').execute();
    const report = await reportWithReceipt(db(), context.config);
    // Past the sliding 20 minutes; past the absolute two hours though still active; fresh.
    await createReporterSession(db(), context.config, report.id, new Date(now - 30 * 60_000));
    await createReporterSession(db(), context.config, report.id, new Date(now - 3 * 60 * 60_000));
    await db()
      .updateTable('reporter_sessions')
      .set({ expires_at: new Date(now + 10 * 60_000) })
      .where('created_at', '<', new Date(now - 2 * 60 * 60_000))
      .execute();
    await createReporterSession(db(), context.config, report.id, new Date(now));

    expect(jobDefinitions).toContain(purgeExpiredDraftsJob);
    const deps = {
      database: context.database.handle,
      config: context.config,
      logger: context.app.log,
    };
    const run = { id: 'direct', data: null, retryCount: 0 };
    expect(await purgeExpiredDraftsJob.handler(deps, run)).toEqual({
      drafts: 150,
      nonces: 1,
      reporterSessions: 2,
    });
    expect(await purgeExpiredDraftsJob.handler(deps, run)).toEqual({
      drafts: 0,
      nonces: 0,
      reporterSessions: 0,
    });
    const drafts = await db().selectFrom('report_drafts').select('id_hash').execute();
    expect(drafts.map((row) => row.id_hash)).toEqual(['fresh']);
    const file = await db()
      .selectFrom('stored_files')
      .select(['content', 'erased_at'])
      .where('id', '=', evidence.id)
      .executeTakeFirstOrThrow();
    expect(file.content).toBeNull();
    expect(file.erased_at).not.toBeNull();
    const sessions = await db().selectFrom('reporter_sessions').select('created_at').execute();
    expect(sessions.map((row) => row.created_at.getTime())).toEqual([now]);
  });
});
