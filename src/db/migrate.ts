import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseHandle } from './database.ts';

const migrationsDir = join(import.meta.dirname, 'migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      if (!/^\d{12}_[a-z0-9_]+\.sql$/.test(file)) {
        throw new MigrationError(`Migration file ${file} is not named YYYYMMDDHHMM_name.sql`);
      }
      const sql = readFileSync(join(migrationsDir, file), 'utf8');
      return {
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationError extends Error {}

/**
 * Applies the plain-SQL migrations not yet applied, each in its own transaction, and refuses to
 * go on when an applied migration's file was changed afterwards (the database would no longer
 * match the code that reads it).
 */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  return handle.withScriptConnection(async (exec) => {
    await exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied: string[] = [];
    for (const migration of listMigrations()) {
      await exec('BEGIN');
      try {
        // Serialises concurrent migrators (several app instances starting at once).
        await exec('SELECT pg_advisory_xact_lock(724201)');
        const [done] = await exec(
          `SELECT checksum FROM schema_migrations WHERE name = '${migration.name}'`,
        );
        if (done) {
          await exec('COMMIT');
          if (done['checksum'] !== migration.checksum) {
            throw new MigrationError(
              `Migration ${migration.name} was changed after it was applied; write a new migration instead.`,
            );
          }
          continue;
        }
        await exec(migration.sql);
        await exec(
          `INSERT INTO schema_migrations (name, checksum) VALUES ('${migration.name}', '${migration.checksum}')`,
        );
        await exec('COMMIT');
        applied.push(migration.name);
      } catch (error) {
        await exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
    return applied;
  });
}
