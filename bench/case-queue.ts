import { sql } from 'kysely';
import type { Actor } from '../src/core/policy.ts';
import { listCases } from '../src/modules/cases/list-cases.ts';
import { listCasesQuery } from '../src/modules/cases/schemas.ts';
import { loadReferenceData } from '../src/modules/reference/load-reference-data.ts';
import { testConfig } from '../test/helpers/test-app.ts';
import { createTestDatabase } from '../test/helpers/test-db.ts';

/**
 * Budget: the operator's case queue, filtered and keyset-paginated, p95 < 50 ms over 1,000,000
 * cases. Generates the cases with one INSERT … SELECT (classified fields only: the queue never
 * reads encrypted columns), then times `listCases` — the function behind GET /api/cases — for
 * the filters operators use, 60 runs each, every third run following the previous page's cursor.
 * The database is the one the tests use (`TEST_DB=postgresql` for the server); `CASES` sets the
 * size, `KEEP_DB=1` keeps the database afterwards.
 */
export async function benchCaseQueue(): Promise<
  Record<string, { p50: number; p95: number; max: number }>
> {
  const TOTAL = Number(process.env['CASES'] ?? 1_000_000);
  const database = await createTestDatabase();
  const db = database.handle.db;
  const config = testConfig({ database: database.config });
  await loadReferenceData(db);
  const orgs: string[] = [];
  for (let index = 0; index < 20; index += 1) {
    const row = await db
      .insertInto('organisations')
      .values({ name: `Org ${index}`, kind: 'association', municipality_code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgs.push(row.id);
  }
  const user = await db
    .insertInto('users')
    .values({ email: 'bench@example.org', display_name: 'Bench', password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const desks: string[] = [];
  for (const [index, org] of orgs.entries()) {
    const row = await db
      .insertInto('help_desks')
      .values({
        organisation_id: org,
        name: `Desk ${index}`,
        municipality_code: '050026',
        channels: ['phone'],
        access_mode: 'walk_in',
        opening_hours: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    desks.push(row.id);
  }
  const started = Date.now();
  await sql`
    INSERT INTO cases (reference, source, channel, status, organisation_id, help_desk_id,
      assignee_user_id, received_at, acknowledge_due_on, take_in_charge_due_on, title,
      taxonomy_version, ground_codes, domain_codes, taken_in_charge_at)
    SELECT 'SEG-B-' || g, 'public_form', 'web_form',
      (ARRAY['closed','closed','closed','closed','in_progress','taken_in_charge','in_triage','received','withdrawn','not_pertinent'])[1 + g % 10],
      (${sql.val(orgs)}::uuid[])[1 + g % 20],
      CASE WHEN g % 3 = 0 THEN NULL ELSE (${sql.val(desks)}::uuid[])[1 + g % 20] END,
      CASE WHEN g % 50 = 0 THEN ${user.id}::uuid END,
      timestamptz '2020-01-01' + (g * interval '150 seconds'),
      date '2020-01-03' + (g / 576), date '2020-01-08' + (g / 576),
      'Caso ' || (ARRAY['affitto','lavoro','scuola','autobus','farmacia','ospedale','comune'])[1 + g % 7] || ' ' || g,
      '2026.1',
      ARRAY[(ARRAY['anti_black','disability','sex','age','nationality','religion_belief'])[1 + g % 6]],
      ARRAY[(ARRAY['housing','employment_training','transport','education'])[1 + g % 4]],
      CASE WHEN g % 10 < 6 THEN timestamptz '2020-01-02' END
    FROM generate_series(1, ${TOTAL}) AS g`.execute(db);
  await sql`ANALYZE cases`.execute(db);
  console.error(`inserted ${TOTAL} cases in ${Date.now() - started} ms on ${database.config.kind}`);

  const actor: Actor = {
    id: user.id,
    email: 'bench@example.org',
    displayName: 'Bench',
    memberships: [{ organisationId: orgs[0]!, role: 'operator' }],
  };
  const results: Record<string, { p50: number; p95: number; max: number }> = {};
  const scenarios: Record<string, Record<string, string>> = {
    'default queue': {},
    'status received,in_triage': { status: 'received,in_triage' },
    overdue: { overdue: 'true' },
    'ground anti_black': { ground: 'anti_black' },
    'domain housing + closed': { domain: 'housing', status: 'closed' },
    'q=farmacia': { q: 'farmacia' },
    'q=reference': { q: 'SEG-B-400' },
    'scope=mine': { scope: 'mine' },
    'scope=desk': { scope: 'desk' },
    'date range 2021': { receivedFrom: '2021-01-01', receivedTo: '2021-12-31' },
  };
  for (const [name, raw] of Object.entries(scenarios)) {
    const query = listCasesQuery.parse({ limit: '50', ...raw });
    const times: number[] = [];
    let cursor: string | null = null;
    for (let run = 0; run < 60; run += 1) {
      const t0 = performance.now();
      const page = await listCases(
        db,
        config,
        actor,
        { ...query, cursor: run % 3 === 2 && cursor ? cursor : undefined },
        'it',
      );
      times.push(performance.now() - t0);
      cursor = page.nextCursor;
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => Math.round(times[Math.floor(q * (times.length - 1))]! * 10) / 10;
    results[name] = { p50: p(0.5), p95: p(0.95), max: p(1) };
  }
  // KEEP_DB=1 leaves the generated database in place to study plans with EXPLAIN.
  if (process.env['KEEP_DB']) console.error('kept the database:', JSON.stringify(database.config));
  else await database.drop();
  return results;
}
