import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  issueFormToken,
  MAX_DRAFT_EVIDENCE_BYTES,
  solveProofOfWork,
} from '../../../src/core/intake-guard.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import {
  draftAddressRule,
  evidenceAddressRule,
} from '../../../src/modules/report-form/intake-limits.ts';
import { reportAddressRule } from '../../../src/modules/report-form/send-report.ts';
import { createTestApp, TestClient, type TestContext } from '../../helpers/test-app.ts';
import { fillMinimalReport, postForm, upload } from './report-client.ts';

const text = (name: string, bytes = 2_000) => ({
  name,
  type: 'text/plain',
  bytes: Buffer.from('Testimonianza scritta. '.repeat(Math.ceil(bytes / 23)).slice(0, bytes)),
});

describe('what one anonymous address may start and upload before sending', () => {
  let context: TestContext;
  const db = () => context.database.handle.db;
  const count = async (table: 'report_drafts' | 'stored_files' | 'cases') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
  }, 240_000);
  afterAll(() => context.close());

  it('limits new drafts per address, showing the page again with what was typed', async () => {
    await db().deleteFrom('login_throttles').execute();
    const before = await count('report_drafts');
    for (let index = 0; index < draftAddressRule.maxFailures; index += 1) {
      const client = new TestClient(context.app);
      client.address = '192.0.2.61';
      const page = (await client.get('/it/segnala/1')).body;
      const saved = await postForm(client, '/it/segnala/1', page, { narrative: `Bozza ${index}` });
      expect(saved.statusCode, `draft ${index}`).toBe(303);
    }
    const client = new TestClient(context.app);
    client.address = '192.0.2.61';
    const page = (await client.get('/it/segnala/1')).body;
    const refused = await postForm(client, '/it/segnala/1', page, {
      narrative: 'Una bozza di troppo, da non perdere',
    });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toContain('troppe segnalazioni');
    expect(refused.body).toContain('Una bozza di troppo, da non perdere');
    expect(await count('report_drafts')).toBe(before + draftAddressRule.maxFailures);

    // A draft already started goes on; another address starts its own.
    const other = new TestClient(context.app);
    other.address = '192.0.2.62';
    const otherPage = (await other.get('/it/segnala/1')).body;
    expect(
      (await postForm(other, '/it/segnala/1', otherPage, { narrative: 'Altra' })).statusCode,
    ).toBe(303);
  });

  it('limits evidence files per address, keeping the draft and the files it holds', async () => {
    await db().deleteFrom('login_throttles').execute();
    await db().deleteFrom('report_drafts').execute();
    const client = new TestClient(context.app);
    client.address = '192.0.2.63';
    let page = (await client.get('/it/segnala/1')).body;
    await postForm(client, '/it/segnala/1', page, { narrative: 'Con prove' });
    // Upload five files and remove them, until the address has stored its quota.
    const rounds = evidenceAddressRule.maxFailures / 5;
    for (let round = 0; round < rounds; round += 1) {
      page = (await client.get('/it/segnala/6')).body;
      const files = Array.from({ length: 5 }, (_, index) => text(`prova-${round}-${index}.txt`));
      const stored = await upload(client, '/it/segnala/prove', page, { go: 'upload' }, files);
      expect(stored.statusCode, `round ${round}`).toBe(303);
      if (round === rounds - 1) break;
      const draft = await db().selectFrom('report_drafts').select('file_ids').execute();
      const ids = draft.flatMap((row) => row.file_ids);
      for (const id of ids) {
        page = (await client.get('/it/segnala/6')).body;
        await upload(client, '/it/segnala/prove', page, { remove: id }, []);
      }
    }
    page = (await client.get('/it/segnala/6')).body;
    const [kept] = await db().selectFrom('report_drafts').select('file_ids').execute();
    // The draft is full: remove one to make room, then try once more.
    await upload(client, '/it/segnala/prove', page, { remove: kept!.file_ids[0]! }, []);
    const filesBefore = await count('stored_files');
    page = (await client.get('/it/segnala/6')).body;
    const refused = await upload(client, '/it/segnala/prove', page, { go: 'upload' }, [
      text('una-di-troppo.txt'),
    ]);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('troppi file');
    expect(refused.body).toContain('prova-');
    expect(await count('stored_files')).toBe(filesBefore);
    const [after] = await db().selectFrom('report_drafts').select('file_ids').execute();
    expect(after!.file_ids).toHaveLength(4);
  }, 120_000);

  it('caps the total size of the evidence of one draft', async () => {
    await db().deleteFrom('login_throttles').execute();
    await db().deleteFrom('report_drafts').execute();
    const client = new TestClient(context.app);
    client.address = '192.0.2.64';
    let page = (await client.get('/it/segnala/1')).body;
    await postForm(client, '/it/segnala/1', page, { narrative: 'Prove pesanti' });
    const big = Math.floor(MAX_DRAFT_EVIDENCE_BYTES / 3) + 1024;
    page = (await client.get('/it/segnala/6')).body;
    const first = await upload(client, '/it/segnala/prove', page, { go: 'upload' }, [
      text('uno.txt', big),
      text('due.txt', big),
    ]);
    expect(first.statusCode).toBe(303);
    page = (await client.get('/it/segnala/6')).body;
    const third = await upload(client, '/it/segnala/prove', page, { go: 'upload' }, [
      text('tre.txt', big),
    ]);
    expect(third.statusCode).toBe(400);
    expect(third.body).toContain('“tre.txt” non è stato caricato');
    expect(third.body).toContain('25 MB in tutto');
    const [draft] = await db().selectFrom('report_drafts').select('file_ids').execute();
    expect(draft!.file_ids).toHaveLength(2);
  }, 120_000);

  it('decides concurrent submissions from one address on the counted value: at most the limit go through', async () => {
    await db().deleteFrom('login_throttles').execute();
    const reviews: { client: TestClient; review: string }[] = [];
    for (let index = 0; index < reportAddressRule.maxFailures + 4; index += 1) {
      const client = new TestClient(context.app);
      client.address = '192.0.2.65';
      reviews.push({ client, review: await fillMinimalReport(client, `Concorrente ${index}`) });
    }
    const before = await count('cases');
    const responses = await Promise.all(
      reviews.map(({ client, review }) => {
        const token = issueFormToken(context.config.hashKey, Date.now() - 10_000);
        return postForm(client, '/it/segnala/invia', review, {
          form_token: token,
          pow_solution: solveProofOfWork(token),
        });
      }),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(reportAddressRule.maxFailures);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    expect(await count('cases')).toBe(before + reportAddressRule.maxFailures);
  }, 180_000);
});
