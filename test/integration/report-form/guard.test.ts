import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFormToken, solveProofOfWork } from '../../../src/core/intake-guard.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { reportAddressKey } from '../../../src/modules/report-form/send-report.ts';
import { createTestApp, TestClient, type TestContext } from '../../helpers/test-app.ts';
import { fillMinimalReport, postForm } from './report-client.ts';

describe('spam protection of the report form', () => {
  let context: TestContext;
  const db = () => context.database.handle.db;
  const casesCount = async () =>
    Number(
      (
        await db()
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A genuine token issued ten seconds ago, as if the reporter had taken that long. */
  const oldToken = () => issueFormToken(context.config.hashKey, Date.now() - 10_000);

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
  }, 240_000);
  afterAll(() => context.close());

  it('refuses a token that is too fresh, forged or replayed, and a filled honeypot, keeping the draft', async () => {
    const client = new TestClient(context.app);
    client.address = '198.51.100.1';
    const review = await fillMinimalReport(client, 'Spam check one');

    // The draft began milliseconds ago: too fast for a person.
    let response = await postForm(client, '/it/segnala/invia', review, {});
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('troppo in fretta');

    const forged = `${oldToken().slice(0, -4)}AAAA`;
    response = await postForm(client, '/it/segnala/invia', review, { form_token: forged });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Invio non valido');

    response = await postForm(client, '/it/segnala/invia', review, { form_token: 'not-a-token' });
    expect(response.statusCode).toBe(400);

    const token = oldToken();
    response = await postForm(client, '/it/segnala/invia', review, {
      form_token: token,
      website: 'http://spam.example',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('deve restare vuoto');
    expect(await casesCount()).toBe(0);

    // Genuine and old enough: accepted once.
    response = await postForm(client, '/it/segnala/invia', review, { form_token: token });
    expect(response.statusCode).toBe(200);
    expect(await casesCount()).toBe(1);

    // The same token on a new draft is a replay.
    const second = await fillMinimalReport(client, 'Spam check two');
    response = await postForm(client, '/it/segnala/invia', second, { form_token: token });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('già stato usato');
    expect(await casesCount()).toBe(1);
    // The draft is still there, with a fresh token, ready to be sent again.
    expect((await client.get('/it/segnala/8')).body).toContain('Spam check two');
  }, 120_000);

  it('limits weighted submissions per address without storing the address', async () => {
    const client = new TestClient(context.app);
    client.address = '127.0.0.1';
    const before = await casesCount();
    // Without the proof of work a submission weighs 3: the fourth reaches the limit of 10.
    for (let index = 0; index < 4; index += 1) {
      const review = await fillMinimalReport(client, `Limit check ${index}`);
      const response = await postForm(client, '/it/segnala/invia', review, {
        form_token: oldToken(),
      });
      expect(response.statusCode, `submission ${index}`).toBe(200);
    }
    const review = await fillMinimalReport(client, 'Limit check refused');
    const refused = await postForm(client, '/it/segnala/invia', review, { form_token: oldToken() });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toContain('Troppe segnalazioni');
    expect(await casesCount()).toBe(before + 4);
    // The draft is kept for later.
    expect((await client.get('/it/segnala/8')).body).toContain('Limit check refused');

    // Another address with the proof of work is not affected, and weighs 1.
    const other = new TestClient(context.app);
    other.address = '192.0.2.44';
    const otherReview = await fillMinimalReport(other, 'With proof of work');
    const token = oldToken();
    const accepted = await postForm(other, '/it/segnala/invia', otherReview, {
      form_token: token,
      pow_solution: solveProofOfWork(token),
    });
    expect(accepted.statusCode).toBe(200);

    const throttles = await db().selectFrom('login_throttles').selectAll().execute();
    const keys = throttles.map((row) => row.key_hash);
    expect(keys).toContain(reportAddressKey(context.config, '127.0.0.1'));
    const withProof = throttles.find(
      (row) => row.key_hash === reportAddressKey(context.config, '192.0.2.44'),
    );
    expect(withProof?.failures).toBe(1);

    // No table holds the address in clear.
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db());
    for (const { table_name } of tables.rows) {
      const found = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM ${sql.table(table_name)} AS t WHERE t::text LIKE '%127.0.0.1%'`.execute(
        db(),
      );
      expect(found.rows[0]!.n, table_name).toBe(0);
    }
  }, 180_000);
});
