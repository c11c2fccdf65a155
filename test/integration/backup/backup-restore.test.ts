import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../src/db/database.ts';
import type { DB } from '../../../src/db/schema.ts';
import { buildApp } from '../../../src/http/app.ts';
import { appendAudit } from '../../../src/modules/audit/append-audit.ts';
import { verifyAuditChain } from '../../../src/modules/audit/verify-chain.ts';
import { BackupError } from '../../../src/modules/backup/backup-error.ts';
import { createBackup } from '../../../src/modules/backup/create-backup.ts';
import { restoreBackup } from '../../../src/modules/backup/restore-backup.ts';
import { NOT_BACKED_UP, readCatalog } from '../../../src/modules/backup/table-catalog.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import {
  createOrganisation,
  createTestApp,
  createUser,
  TestClient,
  testConfig,
  type TestContext,
  type TestUser,
} from '../../helpers/test-app.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../helpers/test-db.ts';
import {
  backupLines,
  rowLineIndex,
  writeEditedBackup,
  writeResignedBackup,
} from './backup-files.ts';

// Asymmetric matchers are typed `any`; held as `unknown` they can sit in typed literals.
const anyNumber: unknown = expect.any(Number);

const cli = { userId: null, label: 'cli' };

/**
 * Each table's row count and an md5 of its rows as the database itself prints them (t::text),
 * so the comparison does not trust the backup code's own reading. audit_log is compared up to
 * `auditUpTo`: a restore appends its own `backup.restored` entry after the restored trail.
 */
async function tableHashes(db: Kysely<DB>, auditUpTo: number) {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx);
    const tables = (await readCatalog(trx))
      .map((table) => table.name)
      .filter((name) => !NOT_BACKED_UP.includes(name));
    const hashes: Record<string, { count: number; md5: string }> = {};
    for (const table of tables) {
      const where = table === 'audit_log' ? sql`WHERE t.id <= ${auditUpTo}` : sql``;
      const result = await sql<{ count: number; md5: string }>`
        SELECT count(*)::int AS count,
               md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5
          FROM ${sql.id(table)} t ${where}`.execute(trx);
      hashes[table] = result.rows[0]!;
    }
    return hashes;
  });
}

async function maxAuditId(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  return Number(row.id ?? 0);
}

async function openOther(kind: 'pglite' | 'postgresql'): Promise<TestDatabase> {
  if (kind === testDatabaseKind) return createTestDatabase({ migrate: false });
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  return { config: { kind: 'pglite', dataDir: 'memory://' }, handle, drop: () => handle.close() };
}

async function signInWorks(handle: DatabaseHandle, user: TestUser): Promise<number> {
  const app = await buildApp({
    config: testConfig({ database: { kind: 'pglite', dataDir: 'memory://' } }),
    database: handle,
    version: '0.0.0-test',
  });
  try {
    const client = new TestClient(app);
    return (await client.signIn(user)).statusCode;
  } finally {
    await app.close();
  }
}

describe('backup and restore', () => {
  let context: TestContext;
  let directory: string;
  let file: string;
  let admin: TestUser;
  let auditUpTo: number;
  let sourceHashes: Awaited<ReturnType<typeof tableHashes>>;
  const extraDatabases: TestDatabase[] = [];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'osservatorio-backup-'));
    file = join(directory, 'backup.jsonl.gz');
    context = await createTestApp();
    const { db } = context.database.handle;
    await loadReferenceData(db);
    const organisation = await db
      .insertInto('organisations')
      .values({
        name: "Unione dei Comuni dell'Alta Val d'Elsa — “Sportello”",
        kind: 'union_of_municipalities',
        municipality_code: '050026',
        description: 'Riga uno\nriga due\t€ 😀 "quoted" \\ backslash',
        network_role: 'lead_partner',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createOrganisation(context, 'Associazione con status inattivo');
    admin = await createUser(context, {
      roles: ['network_admin', 'auditor'],
      organisationId: organisation.id,
    });
    await createUser(context, {
      roles: ['operator'],
      organisationId: organisation.id,
      disabled: true,
    });
    // Microseconds, which a JavaScript Date would lose, must survive the round trip.
    await sql`UPDATE users SET last_login_at = '2026-11-23 18:00:00.123456+01',
      totp_enabled_at = '1999-12-31 23:59:59.999999+00', is_demo = true
      WHERE id = ${admin.id}`.execute(db);
    const client = new TestClient(context.app);
    await client.signIn(admin);
    await client.get('/api/users');
    await appendAudit(db, {
      actorUserId: admin.id,
      actorLabel: admin.email,
      action: 'test.details',
      details: { big: 9007199254740991, fraction: 0.1, nested: { list: [true, null, 'ü'] } },
    });
    auditUpTo = await maxAuditId(db);
    sourceHashes = await tableHashes(db, auditUpTo);
    await createBackup(context.database.handle, file, cli);
  }, 120_000);

  afterAll(async () => {
    for (const database of extraDatabases) await database.drop();
    await context.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes a gzip JSON-lines file, readable by its owner only, and records the backup', async () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = backupLines(file);
    const header = JSON.parse(lines[0]!) as {
      format: string;
      tables: { name: string }[];
      migrations: string[];
    };
    expect(header.format).toBe('osservatorio-backup');
    expect(header.migrations.length).toBeGreaterThan(0);
    const names = header.tables.map((table) => table.name);
    expect(names).not.toContain('sessions');
    expect(names).not.toContain('login_throttles');
    expect(names).not.toContain('schema_migrations');
    // Foreign-key order: what a row refers to is restored before it.
    expect(names.indexOf('municipalities')).toBeLessThan(names.indexOf('organisations'));
    expect(names.indexOf('organisations')).toBeLessThan(names.indexOf('memberships'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('memberships'));
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: 'trailer' });
    const recorded = await context.database.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('id', '>', auditUpTo)
      .execute();
    expect(recorded).toEqual([{ action: 'backup.created', actor_label: 'cli' }]);
    await expect(createBackup(context.database.handle, file, cli)).rejects.toThrow(
      /already exists/,
    );
  });

  it('restores into a fresh database with every table identical, the chain intact and sign-in working', async () => {
    const kinds =
      testDatabaseKind === 'postgresql'
        ? (['postgresql', 'pglite'] as const)
        : (['pglite'] as const);
    for (const kind of kinds) {
      const target = await openOther(kind);
      extraDatabases.push(target);
      const summary = await restoreBackup(target.handle, file, { force: false, actor: cli });
      expect(summary.rows).toBeGreaterThan(7900);
      expect(await tableHashes(target.handle.db, auditUpTo), kind).toEqual(sourceHashes);
      const appended = await target.handle.db
        .selectFrom('audit_log')
        .select(['id', 'action'])
        .where('id', '>', auditUpTo)
        .execute();
      expect(appended, kind).toEqual([{ id: auditUpTo + 1, action: 'backup.restored' }]);
      expect(await verifyAuditChain(target.handle.db)).toEqual({
        ok: true,
        checked: anyNumber,
      });
      expect(await signInWorks(target.handle, admin), kind).toBe(200);
    }
  }, 120_000);

  it.runIf(testDatabaseKind === 'postgresql')(
    'moves a database from PGlite to PostgreSQL and back without a difference',
    async () => {
      const embedded = await openOther('pglite');
      extraDatabases.push(embedded);
      await restoreBackup(embedded.handle, file, { force: false, actor: cli });
      const second = join(directory, 'from-pglite.jsonl.gz');
      await createBackup(embedded.handle, second, cli);
      const server = await createTestDatabase({ migrate: false });
      extraDatabases.push(server);
      await restoreBackup(server.handle, second, { force: false, actor: cli });
      const upTo = auditUpTo;
      expect(await tableHashes(server.handle.db, upTo)).toEqual(sourceHashes);
      expect(await verifyAuditChain(server.handle.db)).toMatchObject({ ok: true });
    },
    120_000,
  );

  describe('refusals leave the database as it was', () => {
    let target: TestDatabase;
    let before: Awaited<ReturnType<typeof tableHashes>>;
    beforeAll(async () => {
      target = await openOther(testDatabaseKind);
      extraDatabases.push(target);
      await restoreBackup(target.handle, file, { force: false, actor: cli });
      before = await tableHashes(target.handle.db, Number.MAX_SAFE_INTEGER);
    }, 120_000);

    async function expectRefused(backup: string, message: RegExp, force = true) {
      const attempt = restoreBackup(target.handle, backup, { force, actor: cli });
      await expect(attempt).rejects.toBeInstanceOf(BackupError);
      await expect(restoreBackup(target.handle, backup, { force, actor: cli })).rejects.toThrow(
        message,
      );
      expect(await tableHashes(target.handle.db, Number.MAX_SAFE_INTEGER)).toEqual(before);
    }

    it('refuses a database in use without --force, and keeps the audit trail append-only', async () => {
      await expectRefused(file, /in use .* --force/, false);
      await expect(
        target.handle.db.deleteFrom('audit_log').where('id', '=', 1).execute(),
      ).rejects.toThrow(/append-only/);
    });

    it('refuses damaged, truncated, edited and foreign files', async () => {
      const bytes = readFileSync(file);
      const flipped = Buffer.from(bytes);
      flipped[Math.floor(bytes.length / 2)]! ^= 0xff;
      writeFileSync(join(directory, 'flipped.gz'), flipped);
      await expectRefused(join(directory, 'flipped.gz'), /not a readable backup|damaged|checksum/);

      writeFileSync(join(directory, 'truncated.gz'), bytes.subarray(0, bytes.length - 200));
      await expectRefused(join(directory, 'truncated.gz'), /not a readable backup|ends early/);

      const lines = backupLines(file);
      const userRow = rowLineIndex(lines, 'users', admin.email);
      const edited = [...lines];
      edited[userRow] = lines[userRow]!.replace(admin.email, 'attacker@example.org');
      writeEditedBackup(join(directory, 'edited.gz'), edited);
      await expectRefused(join(directory, 'edited.gz'), /users does not match its checksum/);

      writeFileSync(join(directory, 'plain.gz'), bytes.subarray(0, 0));
      await expectRefused(join(directory, 'plain.gz'), /ends early|not a readable/);
      await expectRefused(join(directory, 'missing.gz'), /does not exist/);

      const newer = [...lines];
      const header = JSON.parse(lines[0]!) as { migrations: string[] };
      newer[0] = JSON.stringify({
        ...header,
        migrations: [...header.migrations, '209912312359_future'],
      });
      writeResignedBackup(join(directory, 'newer.gz'), newer);
      await expectRefused(join(directory, 'newer.gz'), /newer version/);
    });

    it('rolls everything back when the database rejects a row half-way through', async () => {
      const lines = backupLines(file);
      const userRow = rowLineIndex(lines, 'users', admin.email);
      const invalid = [...lines];
      // Passes every checksum but breaks the users.email CHECK: fails after tables were emptied.
      invalid[userRow] = lines[userRow]!.replace(admin.email, admin.email.toUpperCase());
      writeResignedBackup(join(directory, 'invalid.gz'), invalid);
      await expectRefused(join(directory, 'invalid.gz'), /users_email_check|check constraint/);
    });
  });

  it('replaces the contents of a database in use with --force', async () => {
    const { db } = context.database.handle;
    await createUser(context, { roles: ['operator'] });
    await restoreBackup(context.database.handle, file, { force: true, actor: cli });
    expect(await tableHashes(db, auditUpTo)).toEqual(sourceHashes);
    const sessions = await db.selectFrom('sessions').select('id_hash').execute();
    expect(sessions).toEqual([]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  }, 120_000);
});
