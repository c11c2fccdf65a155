import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../../src/db/migrate.ts';
import { loadCaseConsents } from '../../../src/modules/cases/case-consents.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.ts';

const INTAKE_ROW = '202612061300_intake_on_the_case_row';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const HISTORICAL = '00000000-0000-4000-8000-00000000000c';

/**
 * A database that already holds cases in the earlier shape (a consent row per purpose, a
 * fingerprint row per kind, a `received` event) keeps what they recorded when intake moves onto
 * the case row.
 */
describe('migration 202612061300: intake on the case row', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await database.handle.withScriptConnection(async (exec) => {
      await exec(`CREATE TABLE schema_migrations (
        name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const migration of listMigrations().filter((m) => m.name < INTAKE_ROW)) {
        await exec(migration.sql);
        await exec(
          `INSERT INTO schema_migrations (name, checksum) VALUES ('${migration.name}', '${migration.checksum}')`,
        );
      }
      await exec(`
        INSERT INTO taxonomy_versions (version, published_on, checksum) VALUES ('old', '2026-01-01', 'x');
        INSERT INTO cases (id, reference, source, channel, acknowledge_due_on, take_in_charge_due_on,
            taxonomy_version, received_at)
          VALUES ('${A}', 'SEG-2026-000001', 'public_form', 'web_form', '2026-01-05', '2026-01-09', 'old', '2026-01-02T10:00:00Z'),
                 ('${B}', 'SEG-2026-000002', 'operator', 'phone', '2026-01-05', '2026-01-09', 'old', '2026-01-03T10:00:00Z'),
                 ('${HISTORICAL}', 'SEG-2020-000001', 'operator', 'phone', '2020-01-05', '2020-01-09', 'old', '2020-01-03T10:00:00Z');
        INSERT INTO case_consents (case_id, purpose, granted, text_version, locale, withdrawn_at) VALUES
          ('${A}', 'handling', true, '2026-11', 'it', NULL),
          ('${A}', 'sharing', true, '2026-11', 'it', '2026-02-01T00:00:00Z'),
          ('${A}', 'statistics', false, '2026-11', 'it', NULL),
          ('${A}', 'contact', true, '2026-11', 'it', NULL),
          ('${B}', 'handling', true, '2026-11', 'en', NULL),
          ('${B}', 'sharing', false, '2026-11', 'en', NULL),
          ('${B}', 'statistics', true, '2026-11', 'en', '2026-03-01T00:00:00Z'),
          ('${B}', 'contact', false, '2026-11', 'en', NULL);
        INSERT INTO case_fingerprints (case_id, kind, value_hash) VALUES
          ('${A}', 'email', 'hash-e'), ('${A}', 'narrative', 'hash-n'), ('${B}', 'narrative', 'hash-n');
        INSERT INTO case_events (case_id, kind, details) VALUES
          ('${A}', 'received', '{"routed": "central_queue"}'),
          ('${B}', 'received', '{"routed": "chosen"}'),
          ('${B}', 'note_added', '{}');
      `);
    });
    expect(await migrate(database.handle)).toContain(INTAKE_ROW);
  });

  afterAll(async () => {
    await database.drop();
  });

  it('gives each existing case a record key of its own (202612061600)', async () => {
    const rows = await database.handle.db.selectFrom('cases').select('stats_key').execute();
    const keys = rows.map((row) => row.stats_key);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) {
      expect(Number.isInteger(key) && key >= 0 && key < 2 ** 31).toBe(true);
    }
  });

  it('moves each consent, with its version and withdrawal, onto the case row', async () => {
    const db = database.handle.db;
    expect(await loadCaseConsents(db, A)).toEqual([
      {
        purpose: 'handling',
        granted: true,
        textVersion: '2026-11',
        recordedAt: new Date('2026-01-02T10:00:00Z'),
        withdrawnAt: null,
      },
      {
        purpose: 'sharing',
        granted: true,
        textVersion: '2026-11',
        recordedAt: new Date('2026-01-02T10:00:00Z'),
        withdrawnAt: new Date('2026-02-01T00:00:00Z'),
      },
      {
        purpose: 'statistics',
        granted: false,
        textVersion: '2026-11',
        recordedAt: new Date('2026-01-02T10:00:00Z'),
        withdrawnAt: null,
      },
      {
        purpose: 'contact',
        granted: true,
        textVersion: '2026-11',
        recordedAt: new Date('2026-01-02T10:00:00Z'),
        withdrawnAt: null,
      },
    ]);
    const b = await loadCaseConsents(db, B);
    expect(b.find((consent) => consent.purpose === 'statistics')).toMatchObject({
      granted: true,
      withdrawnAt: new Date('2026-03-01T00:00:00Z'),
    });
    // A record that came without consents (historical data) has none, not four refusals.
    expect(await loadCaseConsents(db, HISTORICAL)).toEqual([]);
  });

  it('moves the fingerprints and the routing of the received event, and drops the old tables', async () => {
    const db = database.handle.db;
    const rows = await db
      .selectFrom('cases')
      .select([
        'id',
        'email_fingerprint',
        'phone_fingerprint',
        'narrative_fingerprint',
        'intake_route',
      ])
      .orderBy('reference')
      .execute();
    expect(rows).toEqual([
      {
        id: HISTORICAL,
        email_fingerprint: null,
        phone_fingerprint: null,
        narrative_fingerprint: null,
        intake_route: null,
      },
      {
        id: A,
        email_fingerprint: 'hash-e',
        phone_fingerprint: null,
        narrative_fingerprint: 'hash-n',
        intake_route: 'central_queue',
      },
      {
        id: B,
        email_fingerprint: null,
        phone_fingerprint: null,
        narrative_fingerprint: 'hash-n',
        intake_route: 'chosen',
      },
    ]);
    const events = await db.selectFrom('case_events').select(['case_id', 'kind']).execute();
    expect(events).toEqual([{ case_id: B, kind: 'note_added' }]);
    await database.handle.withScriptConnection(async (exec) => {
      const tables = await exec(
        `SELECT table_name FROM information_schema.tables WHERE table_name IN ('case_consents', 'case_fingerprints')`,
      );
      expect(tables).toEqual([]);
    });
  });
});
