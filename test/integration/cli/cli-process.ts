import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../../src/db/database.ts';
import { createTestDatabase, testDatabaseKind } from '../../helpers/test-db.ts';

const node = join(process.cwd(), 'node_modules', '.bin', 'node');
const main = join(process.cwd(), 'src', 'cli', 'main.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `osservatorio <args>` as an operator would, with only the given environment. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [main, ...args], {
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A database for the CLI to use: an embedded one in a temporary DATA_DIR, or a fresh database
 * on the PostgreSQL server for the postgres project. `inspect` opens it in the test process
 * (for PGlite only while no CLI process holds it).
 */
export interface CliDatabase {
  env: Record<string, string>;
  dataDir: string;
  inspect<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

export async function createCliDatabase(): Promise<CliDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'osservatorio-cli-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (testDatabaseKind === 'postgresql') {
    const database = await createTestDatabase({ migrate: false });
    if (database.config.kind !== 'postgresql') throw new Error('expected a PostgreSQL database');
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: database.config.url },
      dataDir,
      inspect: (work) => work(database.handle),
      drop: async () => {
        await database.drop();
        removeDir();
      },
    };
  }
  return {
    env: { DATA_DIR: dataDir },
    dataDir,
    inspect: async (work) => {
      const handle = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
      try {
        return await work(handle);
      } finally {
        await handle.close();
      }
    },
    drop: async () => removeDir(),
  };
}
