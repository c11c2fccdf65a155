import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createTestApp, TestClient, type TestContext } from '../../helpers/test-app.ts';
import { fillMinimalReport, inputValue, multipartBody } from './report-client.ts';

const RUNS = 1_000;
const knownFields = [
  '_csrf',
  'form_token',
  'return',
  'go',
  'narrative',
  'precision',
  'day',
  'month',
  'year',
  'kind',
  'municipality',
  'municipality_code',
  'online_link',
  'domain',
  'place_detail',
  'role',
  'perpetrator',
  'perpetrator_detail',
  'grounds',
  'profile_ageBand',
  'profile_gender',
  'mode',
  'name',
  'email',
  'phone',
  'preference',
  'consents',
  'website',
  'pow_solution',
  'remove',
];

const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e309',
    'NaN',
    '2026-02-30',
    '99999-01-01',
    '\u0000',
    '%00',
    '../../etc',
    'dont_know',
    'victim',
    'town',
    'online',
    'next',
    'review',
    'handling',
    'contact',
  ),
  fc.integer().map(String),
  fc.constant('x'.repeat(12_000)),
  fc.constant('é'.repeat(60_000)),
);
const fieldName = fc.oneof(fc.constantFrom(...knownFields), fc.string({ maxLength: 20 }));
const fields = fc.dictionary(fieldName, fc.oneof(value, fc.array(value, { maxLength: 4 })), {
  maxKeys: 12,
});

type Body = { payload: string | Buffer; contentType: string };

function urlencoded(input: Record<string, string | string[]>, csrf: string | null): Body {
  const params = new URLSearchParams();
  if (csrf !== null) params.append('_csrf', csrf);
  for (const [name, item] of Object.entries(input))
    for (const one of [item].flat()) params.append(name, one);
  return { payload: params.toString(), contentType: 'application/x-www-form-urlencoded' };
}

const bodyOf = (csrf: string) =>
  fc.oneof(
    fc
      .tuple(fields, fc.boolean())
      .map(([input, withCsrf]) => urlencoded(input, withCsrf ? csrf : null)),
    fields.map((input) => ({
      payload: JSON.stringify({ _csrf: csrf, ...input }),
      contentType: 'application/json',
    })),
    fc
      .string({ maxLength: 300 })
      .map((text) => ({ payload: text, contentType: 'application/x-www-form-urlencoded' })),
    fc.string({ maxLength: 300 }).map((text) => ({
      payload: text,
      contentType: fc.sample(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'multipart/form-data',
          'multipart/form-data; boundary=x',
          'application/octet-stream',
        ),
        1,
      )[0]!,
    })),
    fc
      .tuple(
        fields,
        fc.array(
          fc.record({
            name: fc.string({ maxLength: 30 }),
            bytes: fc.uint8Array({ maxLength: 2_000 }),
          }),
          { maxLength: 7 },
        ),
        fc.boolean(),
      )
      .map(([input, files, withCsrf]) => {
        const flat = Object.fromEntries(
          Object.entries(input).map(([key, item]) => [key.replaceAll(/["\r\n]/g, ''), item]),
        );
        const { body, contentType } = multipartBody(
          { ...(withCsrf ? { _csrf: csrf } : {}), ...flat },
          files.map((file) => ({
            name: file.name.replaceAll(/["\r\n]/g, ''),
            type: 'image/jpeg',
            bytes: Buffer.from(file.bytes),
          })),
        );
        return { payload: body, contentType };
      }),
    fc.uint8Array({ maxLength: 3_000 }).map((bytes) => ({
      payload: Buffer.from(bytes),
      contentType: 'multipart/form-data; boundary=----osservatorio',
    })),
  );

describe('the public report endpoints under malformed requests', () => {
  let context: TestContext;
  let client: TestClient;
  let csrf = '';

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(context.database.handle.db);
    client = new TestClient(context.app);
    client.address = '198.51.100.200';
    // A browser with a draft, so requests reach the steps' own validation.
    const review = await fillMinimalReport(client, 'Attack baseline');
    csrf = inputValue(review, '_csrf');
  }, 240_000);
  afterAll(() => context.close());

  const cookieHeader = () =>
    [...client.cookies].map(([name, item]) => `${name}=${item}`).join('; ');

  const endpoints: [string, fc.Arbitrary<string>][] = [
    [
      'POST /it/segnala/:step',
      fc
        .oneof(
          fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9', '0'),
          fc.string({ maxLength: 12 }).map(encodeURIComponent),
        )
        .map((step) => `/it/segnala/${step}`),
    ],
    [
      'POST /en/report/:step',
      fc.constantFrom('1', '3', '5', '7').map((step) => `/en/report/${step}`),
    ],
    ['POST /it/segnala/prove', fc.constant('/it/segnala/prove')],
    ['POST /en/report/evidence', fc.constant('/en/report/evidence')],
    ['POST /it/segnala/invia', fc.constant('/it/segnala/invia')],
    ['POST /en/report/send', fc.constant('/en/report/send')],
  ];

  for (const [label, urls] of endpoints) {
    it(`answers ${RUNS} malformed requests to ${label} without a server error`, async () => {
      await fc.assert(
        fc.asyncProperty(urls, bodyOf(csrf), fc.boolean(), async (url, body, withCookies) => {
          const response = await context.app.inject({
            method: 'POST',
            url,
            headers: {
              'content-type': body.contentType,
              ...(withCookies ? { cookie: cookieHeader() } : {}),
            },
            payload: body.payload,
            remoteAddress: client.address,
          });
          expect(response.statusCode, `${url} ${response.body.slice(0, 200)}`).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
    }, 300_000);
  }

  it(`answers ${RUNS} malformed reads of the form pages without a server error`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/it/segnala', '/en/report', '/it/segnala/', '/en/report/'),
        fc.string({ maxLength: 30 }).map(encodeURIComponent),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }), { maxKeys: 3 }),
        async (base, step, query) => {
          const response = await context.app.inject({
            method: 'GET',
            url: `${base}${base.endsWith('/') ? step : ''}?${new URLSearchParams(query).toString()}`,
            headers: { cookie: cookieHeader() },
          });
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
  }, 300_000);
});
