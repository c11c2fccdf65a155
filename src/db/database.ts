import { Kysely, PostgresDialect, type Dialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import type { DatabaseConfig } from '../config.ts';
import { PGlitePool } from './pglite-pool.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

/** Runs a script and returns the rows of its last statement. */
export type ScriptExecutor = (script: string) => Promise<Record<string, unknown>[]>;

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseConfig['kind'];
  /** Closes the pool; for PGlite this checkpoints and closes the data directory. */
  close(): Promise<void>;
  /** Only for PGlite: the embedded instance, for dumps and tests. */
  pglite?: PGlitePool;
  /**
   * Runs multi-statement SQL scripts (migrations) on one dedicated connection; Kysely's query
   * path sends parameters, which PostgreSQL's extended protocol allows for one statement only.
   */
  withScriptConnection<T>(work: (exec: ScriptExecutor) => Promise<T>): Promise<T>;
}

const INT8 = 20;
const DATE = 1082;

export async function openDatabase(
  config: DatabaseConfig,
  options: { pgliteTemplate?: Blob } = {},
): Promise<DatabaseHandle> {
  let dialect: Dialect;
  let pglite: PGlitePool | undefined;
  let withScriptConnection: DatabaseHandle['withScriptConnection'];
  let unlock = () => undefined as void;
  if (config.kind === 'pglite') {
    if (!config.dataDir.startsWith('memory://')) {
      mkdirSync(dirname(config.dataDir), { recursive: true });
      unlock = lockDataDir(config.dataDir);
    }
    pglite = await PGlitePool.open(config.dataDir, options.pgliteTemplate);
    // The adapter implements the part of pg's Pool interface that Kysely's driver uses.
    dialect = new PostgresDialect({ pool: pglite as unknown as pg.Pool });
    const embedded = pglite;
    withScriptConnection = async (work) => {
      const client = await embedded.connect();
      try {
        return await work(async (script) => {
          const results = await embedded.database.exec(script);
          return results.at(-1)?.rows ?? [];
        });
      } finally {
        client.release();
      }
    };
  } else {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) => {
          if (oid === INT8) return (value: string) => Number(value);
          if (oid === DATE) return (value: string) => value;
          return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its server connection must not crash the process.
    pool.on('error', () => undefined);
    dialect = new PostgresDialect({ pool });
    withScriptConnection = async (work) => {
      const client = await pool.connect();
      try {
        return await work(async (script) => {
          // A multi-statement script answers one result per statement.
          const result = (await client.query(script)) as unknown as
            pg.QueryResult<Record<string, unknown>> | pg.QueryResult<Record<string, unknown>>[];
          return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows;
        });
      } finally {
        client.release();
      }
    };
  }
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    kind: config.kind,
    pglite,
    withScriptConnection,
    close: async () => {
      try {
        await db.destroy();
      } finally {
        unlock();
      }
    },
  };
}
