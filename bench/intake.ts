import autocannon from 'autocannon';
import { loadReferenceData } from '../src/modules/reference/load-reference-data.ts';
import { createCase, type NewCase } from '../src/modules/cases/create-case.ts';
import {
  createOrganisation,
  createTestApp,
  createUser,
  TestClient,
} from '../test/helpers/test-app.ts';

/**
 * Budget: report intake (validate, encrypt, store, receipt) at ≥ 50 % of the throughput of a
 * bare INSERT of the same row through the same driver, and p99 < 100 ms at 100 requests/s.
 *
 * 1. In-process: `createCase` (routing, due dates, envelope encryption of every personal field,
 *    consents, fingerprints, receipt hash: one row, which also holds what the `received` event
 *    shows) against a bare INSERT of the same case row with the same values already encrypted,
 *    both sequential through the same Kysely driver, each after a warm-up of 200.
 * 2. Over HTTP: autocannon at a fixed 100 requests/s for 10 s, after a 3-s warm-up at the same
 *    rate, against POST /api/cases (the operator intake, the same `createCase` behind session,
 *    CSRF, validation and audit, written with its audit row in one transaction).
 * `TEST_DB=postgresql` runs it on the server; `INTAKE_CASES` sets the in-process count.
 */
const narrative =
  "Ho chiamato per un appartamento in affitto. Quando ha sentito il mio accento l'agente ha detto che il proprietario non affitta a stranieri e ha chiuso la telefonata.";

export async function benchIntake(): Promise<Record<string, number | string>> {
  const count = Number(process.env['INTAKE_CASES'] ?? 1_000);
  const context = await createTestApp();
  const db = context.database.handle.db;
  await loadReferenceData(db);
  const organisation = await createOrganisation(context, 'Bench node');
  const operator = await createUser(context, {
    roles: ['operator'],
    organisationId: organisation.id,
  });

  const input: NewCase = {
    source: 'public_form',
    channel: 'web_form',
    narrative,
    municipalityCode: '050026',
    online: false,
    placeDetail: 'Telefonata all’agenzia',
    perpetratorDetail: 'Agente immobiliare',
    contact: { name: 'Bench', email: 'bench@example.org', phone: null, preference: null },
    locale: 'it',
    reporterRole: 'victim',
    grounds: ['racial_ethnic_origin', 'language'],
    domains: ['housing'],
    perpetratorSectors: ['company'],
    consents: { handling: true, sharing: false, statistics: true, contact: true },
    createdBy: null,
    issueReceipt: true,
    queue: { organisationId: organisation.id, helpDeskId: null },
  };

  // Warm-up: the first statements of each kind pay for the pool, the plan cache and the JIT.
  for (let index = 0; index < 200; index += 1) await createCase(db, context.config, input);
  let started = performance.now();
  for (let index = 0; index < count; index += 1) await createCase(db, context.config, input);
  const intakePerSecond = count / ((performance.now() - started) / 1000);

  const template = await db.selectFrom('cases').selectAll().limit(1).executeTakeFirstOrThrow();
  const { id: _id, search_vector: _vector, intersectional: _x, row_version: _v, ...row } = template;
  const bareInsert = (reference: string) =>
    db
      .insertInto('cases')
      .values({ ...row, reference, receipt_hash: null })
      .execute();
  for (let index = 0; index < 200; index += 1) await bareInsert(`WARM-${index}`);
  started = performance.now();
  for (let index = 0; index < count; index += 1) await bareInsert(`BARE-${index}`);
  const barePerSecond = count / ((performance.now() - started) / 1000);

  await context.app.listen({ host: '127.0.0.1', port: 0 });
  const address = context.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const client = new TestClient(context.app);
  await client.signIn(operator);
  const load = (duration: number) =>
    autocannon({
      url: `http://127.0.0.1:${address.port}/api/cases`,
      method: 'POST',
      duration,
      connections: 10,
      overallRate: 100,
      headers: {
        'content-type': 'application/json',
        cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        'x-csrf-token': client.csrfToken,
      },
      body: JSON.stringify({
        channel: 'phone',
        narrative,
        municipalityCode: '050026',
        online: false,
        reporterRole: 'victim',
        grounds: ['racial_ethnic_origin'],
        domains: ['housing'],
        contact: null,
        consents: { handling: true, sharing: false, statistics: true, contact: false },
        queue: { organisationId: organisation.id },
        issueReceipt: true,
      }),
    });
  // Warm-up first: the pool opens its connections and the code paths get compiled, which
  // would otherwise be the slowest 1 % of a 10-second run.
  await load(3);
  const http = await load(10);
  await context.close();
  return {
    database: context.database.config.kind,
    intakePerSecond: Math.round(intakePerSecond),
    bareInsertPerSecond: Math.round(barePerSecond),
    ratio: Math.round((intakePerSecond / barePerSecond) * 100) / 100,
    httpRequestsPerSecond: Math.round(http.requests.average),
    httpP50Ms: http.latency.p50,
    httpP99Ms: http.latency.p99,
    httpErrors: http.errors + http.non2xx,
  };
}
