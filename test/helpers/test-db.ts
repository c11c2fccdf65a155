import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { pgliteTemplate } from './pglite-template.ts';

/** Which database the suite runs on: `TEST_DB=postgresql` (server) or PGlite (default). */
export const testDatabaseKind: DatabaseConfig['kind'] =
  process.env['TEST_DB'] === 'postgresql' ? 'postgresql' : 'pglite';

const serverUrl = process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  config: DatabaseConfig;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file: in memory for PGlite, a new database on the server. */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let config: DatabaseConfig;
  let dropDatabase = async () => undefined as void;
  if (testDatabaseKind === 'postgresql') {
    const name = `osservatorio_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    config = { kind: 'postgresql', url: `${serverUrl}/${name}` };
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    config = { kind: 'pglite', dataDir: 'memory://' };
  }
  const template =
    testDatabaseKind === 'pglite' && options.migrate !== false ? await pgliteTemplate() : null;
  const handle = await openDatabase(config, template ? { pgliteTemplate: template } : {});
  // From the template this only checks the recorded checksums; it keeps the suites honest if
  // a migration changed since the template was made.
  if (options.migrate !== false) await migrate(handle);
  return {
    config,
    handle,
    drop: async () => {
      await handle.close();
      await dropDatabase();
    },
  };
}
