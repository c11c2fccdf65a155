import { Writable } from 'node:stream';
import { generateReceiptCode } from '../../../src/core/cases/receipt-code.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/http/app.ts';
import { loggerOptions } from '../../../src/http/logging.ts';
import {
  receiptAddressRule,
  receiptBucketKey,
  receiptBucketRule,
  receiptCodeBucket,
  receiptNetworkRule,
} from '../../../src/modules/receipt/sign-in.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.ts';
import { testConfig, type TestContext } from '../../helpers/test-app.ts';
import {
  FormBrowser,
  formToken,
  reportWithReceipt,
  setUpDesk,
  withSpaces,
} from './receipt-fixtures.ts';

/** A code that is not any report's (one digit changed). */
function wrongCode(code: string, index: number): string {
  const digits = code.split('');
  const position = index % 16;
  digits[position] = String((Number(digits[position]) + 1 + Math.floor(index / 16)) % 10);
  return digits.join('');
}

describe('receipt codes cannot be guessed, and never leak', () => {
  let database: TestDatabase;
  let app: App;
  const logLines: string[] = [];
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig({ database: database.config, logLevel: 'debug' });
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logLines.push(chunk.toString('utf8'));
        callback();
      },
    });
    app = await buildApp({
      config,
      database: database.handle,
      version: '0.0.0-test',
      logger: loggerOptions(config, stream),
    });
    await app.ready();
    await setUpDesk({ app, config, database } as unknown as TestContext);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('locks an address after 10 wrong codes, says when to retry, and stores only keyed hashes', async () => {
    const report = await reportWithReceipt(db(), app.deps.config);
    const guesser = new FormBrowser(app);
    guesser.address = '192.0.2.77';
    const page = await guesser.get('/it/ricevuta');
    const token = formToken(page.body);
    for (let attempt = 0; attempt < 9; attempt += 1) {
      const response = await guesser.postForm('/it/ricevuta', {
        _csrf: token,
        code: wrongCode(report.code, attempt),
      });
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain('non corrisponde a nessuna segnalazione aperta');
    }
    const tenth = await guesser.postForm('/it/ricevuta', {
      _csrf: token,
      code: wrongCode(report.code, 9),
    });
    expect(tenth.statusCode).toBe(429);
    expect(tenth.body).toContain('Troppi tentativi con codici sbagliati');
    expect(tenth.body).toContain('15 minuti');
    expect(Number(tenth.headers['retry-after'])).toBeGreaterThan(800);
    // Even the right code waits now: the lock is checked before anything is looked up.
    const right = await guesser.postForm('/it/ricevuta', { _csrf: token, code: report.code });
    expect(right.statusCode).toBe(429);
    expect(guesser.cookies.has('osservatorio_receipt')).toBe(false);

    // Another address is not affected.
    const reporter = new FormBrowser(app);
    reporter.address = '192.0.2.78';
    expect((await reporter.signIn(withSpaces(report.code))).statusCode).toBe(303);

    const throttles = await db().selectFrom('login_throttles').selectAll().execute();
    expect(throttles.length).toBeGreaterThanOrEqual(2);
    for (const row of throttles) expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(throttles);
    expect(dump).not.toContain('192.0.2.77');

    const failures = await db()
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_label', 'outcome', 'details'])
      .where('action', '=', 'receipt.sign_in_failed')
      .execute();
    expect(failures).toHaveLength(10);
    for (const row of failures) {
      expect(row).toMatchObject({
        actor_user_id: null,
        actor_label: 'anonymous',
        outcome: 'failure',
      });
      expect(row.details).toEqual({ reason: 'unknown_code' });
    }
  });

  it('lets nobody lock every reporter out: no site-wide lock however many codes are wrong', async () => {
    await db().deleteFrom('login_throttles').execute();
    const report = await reportWithReceipt(db(), app.deps.config);
    // 300 wrong codes from 30 addresses: more than the site-wide lock there used to be (200).
    for (let address = 0; address < 30; address += 1) {
      const guesser = new FormBrowser(app);
      guesser.address = `198.18.0.${address + 1}`;
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const response = await guesser.signIn(generateReceiptCode());
        expect([401, 429]).toContain(response.statusCode);
      }
    }
    const reporter = new FormBrowser(app);
    reporter.address = '203.0.113.90';
    expect((await reporter.signIn(report.code)).statusCode).toBe(303);
  }, 120_000);

  it('leaves no row keyed by the address behind a right code', async () => {
    await db().deleteFrom('login_throttles').execute();
    const report = await reportWithReceipt(db(), app.deps.config);
    const reporter = new FormBrowser(app);
    reporter.address = '203.0.113.91';
    expect((await reporter.signIn(report.code)).statusCode).toBe(303);
    expect(await db().selectFrom('login_throttles').selectAll().execute()).toEqual([]);
  });

  it('bounds guessing site-wide per bucket of codes, keeping waiting only the codes of that bucket', async () => {
    await db().deleteFrom('login_throttles').execute();
    const config = app.deps.config;
    const report = await reportWithReceipt(db(), config);
    const bucket = receiptCodeBucket(config, report.code);
    const sameBucket: string[] = [];
    for (let index = 0; sameBucket.length < receiptBucketRule.maxFailures; index += 1) {
      const candidate = generateReceiptCode();
      if (candidate !== report.code && receiptCodeBucket(config, candidate) === bucket) {
        sameBucket.push(candidate);
      }
      if (index > 10_000_000) throw new Error('no code in the same bucket');
    }
    // Spread over ten addresses, so no address limit is reached.
    for (const [index, code] of sameBucket.entries()) {
      const guesser = new FormBrowser(app);
      guesser.address = `198.18.1.${index + 1}`;
      const response = await guesser.signIn(code);
      expect(response.statusCode).toBe(index === sameBucket.length - 1 ? 429 : 401);
    }
    const reporter = new FormBrowser(app);
    reporter.address = '203.0.113.91';
    const waiting = await reporter.signIn(report.code);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.body).toContain('15 minuti');

    // A reporter whose code is in another bucket is not kept waiting.
    let other = await reportWithReceipt(db(), config);
    while (receiptCodeBucket(config, other.code) === bucket) {
      other = await reportWithReceipt(db(), config);
    }
    expect((await reporter.signIn(other.code)).statusCode).toBe(303);
    await db()
      .deleteFrom('login_throttles')
      .where('key_hash', '=', receiptBucketKey(config, bucket))
      .execute();
    expect((await new FormBrowser(app).signIn(report.code)).statusCode).toBe(303);
  }, 120_000);

  it('limits an IPv6 site (/48) as a whole, so rotating through its /64s buys nothing', async () => {
    await db().deleteFrom('login_throttles').execute();
    const report = await reportWithReceipt(db(), app.deps.config);
    for (let subnet = 0; subnet < receiptNetworkRule.maxFailures / 10; subnet += 1) {
      const guesser = new FormBrowser(app);
      guesser.address = `2001:db8:77:${subnet.toString(16)}::1`;
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await guesser.signIn(generateReceiptCode());
      }
    }
    const fresh = new FormBrowser(app);
    fresh.address = '2001:db8:77:ffff::1';
    expect((await fresh.signIn(report.code)).statusCode).toBe(429);
    const elsewhere = new FormBrowser(app);
    elsewhere.address = '2001:db8:78::1';
    expect((await elsewhere.signIn(report.code)).statusCode).toBe(303);
  }, 120_000);

  it('counts concurrent guesses from one address before looking them up: at most 10 are tried', async () => {
    await db().deleteFrom('login_throttles').execute();
    const tried = async () =>
      Number(
        (
          await db()
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', 'receipt.sign_in_failed')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await tried();
    const guesser = new FormBrowser(app);
    guesser.address = '192.0.2.150';
    const page = await guesser.get('/it/ricevuta');
    const token = formToken(page.body);
    const responses = await Promise.all(
      Array.from({ length: 25 }, () =>
        guesser.postForm('/it/ricevuta', {
          _csrf: token,
          code: generateReceiptCode(),
        }),
      ),
    );
    expect(await tried()).toBe(before + receiptAddressRule.maxFailures);
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(
      receiptAddressRule.maxFailures - 1,
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(
      25 - receiptAddressRule.maxFailures + 1,
    );
  });

  it('asks for 16 digits without counting a malformed entry as a guess', async () => {
    const browser = new FormBrowser(app);
    browser.address = '203.0.113.201';
    const response = await browser.signIn('1234 5678');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('è fatto di 16 cifre');
    expect(response.body).toContain('value="1234 5678"');
    expect(response.body).toContain('aria-invalid="true"');
  });

  it('keeps the code out of every address, log line and audit row', async () => {
    const report = await reportWithReceipt(db(), app.deps.config);
    const browser = new FormBrowser(app);
    browser.address = '203.0.113.254';
    logLines.length = 0;
    const response = await browser.signIn(withSpaces(report.code));
    expect(response.statusCode).toBe(303);
    expect(String(response.headers.location)).not.toContain(report.code.slice(0, 8));
    await browser.get('/it/ricevuta/stato');
    const stranger = new FormBrowser(app);
    stranger.address = '203.0.113.254';
    expect((await stranger.signIn(wrongCode(report.code, 3))).statusCode).toBe(401);
    expect(logLines.length).toBeGreaterThan(3);
    const all = logLines.join('\n');
    for (const secret of [
      report.code,
      withSpaces(report.code),
      report.code.slice(0, 8),
      wrongCode(report.code, 3),
      '203.0.113.254',
      browser.cookies.get('osservatorio_receipt')!,
      'osservatorio_receipt=',
    ]) {
      expect(all).not.toContain(secret);
    }
    for (const line of logLines) {
      const entry = JSON.parse(line) as { req?: { path?: string } };
      if (entry.req?.path) expect(entry.req.path).toMatch(/^\/(it|en)\/(ricevuta|receipt)/);
    }
    const audit = JSON.stringify(await db().selectFrom('audit_log').selectAll().execute());
    expect(audit).not.toContain(report.code);
    expect(audit).not.toContain(report.code.slice(0, 8));
    expect(audit).not.toContain('203.0.113.254');
  });
});
