import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations } from '../../../src/db/migrate.ts';
import type { DatabaseHandle } from '../../../src/db/database.ts';
import { buildApp } from '../../../src/http/app.ts';
import { tamperWithAuditLog } from '../../helpers/audit-tamper.ts';
import { TestClient, testConfig } from '../../helpers/test-app.ts';
import { createCliDatabase, runCli, type CliDatabase } from './cli-process.ts';

const noStackTrace = /\n\s+at /;

async function signIn(handle: DatabaseHandle, email: string, password: string) {
  const app = await buildApp({ config: testConfig(), database: handle, version: '0.0.0-test' });
  try {
    return (await new TestClient(app).signIn({ email, password })).statusCode;
  } finally {
    await app.close();
  }
}

async function auditActions(handle: DatabaseHandle) {
  const rows = await handle.db
    .selectFrom('audit_log')
    .select(['action', 'actor_label'])
    .orderBy('id')
    .execute();
  return rows.map((row) => `${row.actor_label} ${row.action}`);
}

describe('osservatorio command line: usage and configuration', () => {
  it('prints the usage for help, and exits 2 with it for no or an unknown command', async () => {
    const help = await runCli(['help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: osservatorio <command>');
    expect(help.stdout).toContain('restore <file> [--force]');

    for (const args of [[], ['frobnicate'], ['user'], ['audit', 'delete']]) {
      const result = await runCli(args, {});
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^error: .+\n/);
      expect(result.stderr).toContain('Usage: osservatorio <command>');
    }
    expect((await runCli(['frobnicate'], {})).stderr).toContain('Unknown command "frobnicate"');
  });

  it('exits 2 on a missing argument or an unknown option, naming the command usage', async () => {
    const missing = await runCli(['backup'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: Missing <file>.\nusage: osservatorio backup <file>\n');
    const unknown = await runCli(['migrate', '--colour'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("'--colour'");
    const seed = await runCli(['seed'], {});
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--demo');
  });

  it('exits 1 naming the variable for a bad configuration, with the stack only when verbose', async () => {
    const port = await runCli(['migrate'], { PORT: 'eighty', DATA_DIR: '/nonexistent' });
    expect(port.code).toBe(1);
    expect(port.stderr).toMatch(/^Configuration error: PORT .*\n$/);
    const url = await runCli(['audit', 'verify'], { DATABASE_URL: 'mysql://localhost/o' });
    expect(url.code).toBe(1);
    expect(url.stderr).toContain('DATABASE_URL must start with postgres://');
    expect(url.stderr).not.toMatch(noStackTrace);
    const verbose = await runCli(['audit', 'verify', '--verbose'], {
      DATABASE_URL: 'mysql://localhost/o',
    });
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(noStackTrace);
  });
});

describe('osservatorio command line: database commands', () => {
  let database: CliDatabase;
  let second: CliDatabase;
  beforeAll(async () => {
    database = await createCliDatabase();
    second = await createCliDatabase();
  });
  afterAll(async () => {
    await database.drop();
    await second.drop();
  });
  const cli = (args: string[], target = database, env: Record<string, string> = {}) =>
    runCli(args, { ...target.env, ...env });

  it('asks for migrate before anything else on a new database', async () => {
    const result = await cli(['audit', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('run `osservatorio migrate` first');
  });

  it('migrates, and a second migrate changes nothing', async () => {
    const first = await cli(['migrate']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Applied ${listMigrations().length} migration(s)`);
    expect(first.stdout).toContain('Loaded reference data: istat-municipalities');
    const again = await cli(['migrate']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      'The database schema is up to date.\nReference data are up to date.\n',
    );
    await database.inspect(async (handle) => {
      const applied = await handle.db.selectFrom('schema_migrations').select('name').execute();
      expect(applied).toHaveLength(listMigrations().length);
      const municipalities = await handle.db
        .selectFrom('municipalities')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      expect(Number(municipalities.count)).toBe(7904);
      expect(await auditActions(handle)).toEqual(['cli system.migrated']);
    });
  }, 60_000);

  it('creates an administrator who can sign in, with a generated password shown once', async () => {
    const result = await cli([
      'user',
      'create',
      '--admin',
      '--email',
      ' Admin@Example.org',
      '--name',
      'Prima Amministratrice',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Created network administrator admin@example.org');
    const password = /Password \(shown only this once[^:]*\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const duplicate = await cli([
      'user',
      'create',
      '--admin',
      '--email',
      'admin@example.org',
      '--name',
      'X',
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toBe(
      'error: An account with the e-mail admin@example.org already exists.\n',
    );
    const short = await cli([
      'user',
      'create',
      '--admin',
      '--email',
      'b@example.org',
      '--name',
      'B',
      '--password',
      'short',
    ]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('--password: The password must be at least 12 characters long.');
    const nowhere = await cli([
      'user',
      'create',
      '--admin',
      '--email',
      'c@example.org',
      '--name',
      'C',
      '--organisation',
      'Nessuna',
    ]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('There is no organisation "Nessuna"');
    const chosen = await cli([
      'user',
      'create',
      '--admin',
      '--email',
      'd@example.org',
      '--name',
      'D',
      '--organisation',
      'rete',
      '--password',
      'a long chosen password',
    ]);
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.stdout).not.toContain('Password');

    await database.inspect(async (handle) => {
      expect(await signIn(handle, 'admin@example.org', password!)).toBe(200);
      const memberships = await handle.db
        .selectFrom('memberships')
        .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select([
          'users.email',
          'organisations.name',
          'organisations.network_role',
          'memberships.role',
        ])
        .orderBy('users.email')
        .execute();
      expect(memberships).toEqual([
        {
          email: 'admin@example.org',
          name: 'Rete',
          network_role: 'lead_partner',
          role: 'network_admin',
        },
        {
          email: 'd@example.org',
          name: 'Rete',
          network_role: 'lead_partner',
          role: 'network_admin',
        },
      ]);
      expect(await auditActions(handle)).toEqual(
        expect.arrayContaining(['cli organisations.created', 'cli users.created']),
      );
    });
  }, 60_000);

  it('verifies the audit chain, and names the first broken entry after tampering', async () => {
    const intact = await cli(['audit', 'verify']);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/^Audit chain intact: \d+ entries checked\.\n$/);

    const tampered = await database.inspect(async (handle) => {
      const rows = await handle.db.selectFrom('audit_log').select('id').orderBy('id').execute();
      const id = rows[1]!.id;
      await tamperWithAuditLog(handle.db, { kind: 'alter', id });
      return id;
    });
    const broken = await cli(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`audit chain is broken at entry ${tampered}`);
    expect(broken.stderr).toContain('content_altered');
  }, 60_000);

  it('backs up and restores into another database, refusing to overwrite or to restore over data', async () => {
    const file = join(database.dataDir, 'backup.jsonl.gz');
    const backup = await cli(['backup', file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .*: \d+ tables, \d+ rows/);
    expect(existsSync(file)).toBe(true);
    const overwrite = await cli(['backup', file]);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toContain('already exists');

    // The source chain was tampered with above: the restore copies it exactly and says so.
    const restored = await cli(['restore', file], second);
    expect(restored.code).toBe(1);
    expect(restored.stdout).toMatch(/Restored .*: \d+ tables, \d+ rows/);
    expect(restored.stderr).toContain('the restored audit chain is broken at entry');

    const inUse = await cli(['restore', file], second);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toContain('--force');
    const damaged = join(database.dataDir, 'damaged.gz');
    writeFileSync(damaged, readFileSync(file).subarray(0, 100));
    const refused = await cli(['restore', damaged, '--force'], second);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: .*(damaged|readable|ends early).*\n$/);

    await second.inspect(async (handle) => {
      expect(await signIn(handle, 'd@example.org', 'a long chosen password')).toBe(200);
    });
  }, 120_000);

  it('restores an intact backup with exit 0 and an intact chain', async () => {
    const clean = await createCliDatabase();
    try {
      expect((await cli(['migrate'], clean)).code).toBe(0);
      const file = join(clean.dataDir, 'clean.jsonl.gz');
      expect((await cli(['backup', file], clean)).code).toBe(0);
      const restored = await cli(['restore', file, '--force'], clean);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('Audit chain intact');
    } finally {
      await clean.drop();
    }
  }, 120_000);

  it('seeds the demo network and prints its accounts, but never in production', async () => {
    const key = () => randomBytes(32).toString('base64');
    const production = await cli(['seed', '--demo'], second, {
      NODE_ENV: 'production',
      MASTER_KEYS: `v1:${key()}`,
      HASH_KEY: key(),
    });
    expect(production.code).toBe(1);
    expect(production.stderr).toContain('never loaded when NODE_ENV=production');
    const seeded = await cli(['seed', '--demo'], second);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/Loaded the demo network with \d+ accounts/);
    expect(seeded.stdout).toMatch(/role\s+e-mail\s+password\s+organisation/);
    const again = await cli(['seed', '--demo'], second);
    expect(again.stdout).toContain('already loaded');
  }, 60_000);
});
