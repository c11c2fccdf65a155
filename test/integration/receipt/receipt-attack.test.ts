import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReporterSession } from '../../../src/modules/receipt/reporter-session.ts';
import { keyedHash } from '../../../src/core/keyed-hash.ts';
import { createTestApp, type TestContext } from '../../helpers/test-app.ts';
import { FormBrowser, formToken, reportWithReceipt, setUpDesk } from './receipt-fixtures.ts';

const RUNS = 1_000;

const endpoints: { method: 'GET' | 'POST'; url: string }[] = [
  { method: 'GET', url: '/it/ricevuta' },
  { method: 'POST', url: '/it/ricevuta' },
  { method: 'GET', url: '/it/ricevuta/stato' },
  { method: 'GET', url: '/it/ricevuta/messaggi' },
  { method: 'POST', url: '/it/ricevuta/messaggi' },
  { method: 'GET', url: '/it/ricevuta/aggiungi' },
  { method: 'POST', url: '/it/ricevuta/aggiungi' },
  { method: 'GET', url: '/it/ricevuta/consensi' },
  { method: 'POST', url: '/it/ricevuta/consensi' },
  { method: 'GET', url: '/it/ricevuta/ritira' },
  { method: 'POST', url: '/it/ricevuta/ritira' },
  { method: 'POST', url: '/it/ricevuta/esci' },
];

const fieldNames = fc.constantFrom(
  '_csrf',
  'code',
  'body',
  'purpose',
  'confirm',
  'information',
  'files',
  'done',
  '__proto__',
  'constructor',
  '',
);

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.stringMatching(/^[0-9 \-.]{0,30}$/),
  fc.constantFrom(
    'statistics',
    'handling',
    'sharing',
    'contact',
    'yes',
    '\u0000',
    '%00',
    'a'.repeat(6_000),
  ),
);

interface Attack {
  contentType: string | null;
  payload: string | Buffer | undefined;
  query: string;
  session: 'none' | 'random' | 'valid';
  csrf: 'none' | 'random' | 'valid';
}

function multipart(boundary: string, parts: [string, string, boolean][], broken: boolean): Buffer {
  let body = '';
  for (const [name, value, isFile] of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"`;
    body += isFile
      ? `; filename="${value.slice(0, 10)}"\r\nContent-Type: image/png\r\n\r\n`
      : '\r\n\r\n';
    body += `${value}\r\n`;
  }
  if (!broken) body += `--${boundary}--\r\n`;
  return Buffer.from(body, 'latin1');
}

const attack: fc.Arbitrary<Attack> = fc
  .record({
    body: fc.oneof(
      // A plausible form with hostile values, to reach the handlers past the schemas.
      fc
        .record(
          { code: text, body: text, purpose: text, confirm: text, information: text },
          { requiredKeys: [] },
        )
        .map((fields) => ({
          contentType: 'application/x-www-form-urlencoded',
          payload: new URLSearchParams(fields).toString(),
        })),
      fc.array(fc.tuple(fieldNames, text), { maxLength: 6 }).map((pairs) => ({
        contentType: 'application/x-www-form-urlencoded',
        payload: new URLSearchParams(pairs).toString(),
      })),
      fc.string({ unit: 'binary', maxLength: 300 }).map((raw) => ({
        contentType: 'application/x-www-form-urlencoded',
        payload: raw,
      })),
      fc.jsonValue({ maxDepth: 3 }).map((value) => ({
        contentType: 'application/json',
        payload: JSON.stringify(value) ?? 'null',
      })),
      fc
        .tuple(
          fc.stringMatching(/^[A-Za-z0-9-]{1,30}$/),
          fc.array(fc.tuple(fieldNames, text, fc.boolean()), { maxLength: 8 }),
          fc.boolean(),
        )
        .map(([boundary, parts, broken]) => ({
          contentType: `multipart/form-data; boundary=${boundary}`,
          payload: multipart(boundary, parts, broken),
        })),
      fc
        .tuple(
          fc.constantFrom(
            'multipart/form-data',
            'text/plain',
            'application/xml',
            'application/json',
            'application/x-www-form-urlencoded; charset=utf-16',
            'image/png',
          ),
          fc.uint8Array({ maxLength: 300 }),
        )
        .map(([contentType, bytes]) => ({ contentType, payload: Buffer.from(bytes) })),
      fc.constant({ contentType: null, payload: undefined }),
    ),
    query: fc.oneof(
      fc.constant(''),
      fc
        .array(fc.tuple(fieldNames, text), { maxLength: 3 })
        .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : '')),
    ),
    session: fc.constantFrom('none', 'random', 'valid'),
    csrf: fc.constantFrom('none', 'random', 'valid'),
  })
  .map(({ body, query, session, csrf }) => ({ ...body, query, session, csrf }));

describe('receipt endpoints under generated malformed requests', () => {
  let context: TestContext;
  let caseId: string;
  let anonymousCookie: string;
  let anonymousToken: string;

  beforeAll(async () => {
    context = await createTestApp();
    await setUpDesk(context);
    caseId = (await reportWithReceipt(context.database.handle.db, context.config)).id;
    const browser = new FormBrowser(context.app);
    const page = await browser.get('/it/ricevuta');
    anonymousToken = formToken(page.body);
    anonymousCookie = browser.cookies.get('osservatorio_csrf')!;
  });
  afterAll(() => context.close());

  for (const endpoint of endpoints) {
    it(`${endpoint.method} ${endpoint.url}: ${RUNS} requests, no server error`, async () => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(attack, async (request) => {
          const cookies = [`osservatorio_csrf=${anonymousCookie}`];
          let csrfToken = anonymousToken;
          if (request.session === 'valid') {
            const id = await createReporterSession(
              context.database.handle.db,
              context.config,
              caseId,
            );
            cookies.push(`osservatorio_receipt=${id}`);
            // The sign-in form keeps the anonymous token; the others use the session's.
            if (endpoint.url !== '/it/ricevuta') {
              csrfToken = keyedHash(context.config.hashKey, 'receipt-csrf', id);
            }
          } else if (request.session === 'random') {
            cookies.push('osservatorio_receipt=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
          }
          const headers: Record<string, string> = { cookie: cookies.join('; ') };
          if (request.contentType) headers['content-type'] = request.contentType;
          if (request.csrf !== 'none') {
            headers['x-csrf-token'] = request.csrf === 'valid' ? csrfToken : 'forged';
          }
          const response = await context.app.inject({
            method: endpoint.method,
            url: `${endpoint.url}${request.query}`,
            headers,
            ...(endpoint.method === 'POST' && request.payload !== undefined
              ? { payload: request.payload }
              : {}),
          });
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          expect(response.statusCode, JSON.stringify(request).slice(0, 500)).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
      expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    }, 300_000);
  }
});
