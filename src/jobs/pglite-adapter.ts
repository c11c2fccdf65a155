import { fromPglite, type Db } from 'pg-boss';
import type { PGlitePool } from '../db/pglite-pool.ts';

/**
 * pg-boss on the embedded database. pg-boss's own PGlite adapter talks to the PGlite instance
 * directly, which would let its statements run inside a transaction the application holds open on
 * the same single connection (and its ROLLBACK-after-error would undo the application's work).
 * Each pg-boss statement therefore first takes the connection from our pool, like any Kysely
 * query. pg-boss sends its own transactions (`BEGIN; …; COMMIT`) as one script, so they are held
 * whole; no `beginTransaction` or `listen` is offered, so it never keeps the connection between
 * calls (workers poll instead of waiting for NOTIFY).
 */
export function pgliteJobDatabase(pool: PGlitePool): Db {
  const direct = fromPglite(pool.database);
  return {
    async executeSql(text, values) {
      const client = await pool.connect();
      try {
        return await direct.executeSql(text, values);
      } finally {
        client.release();
      }
    },
  };
}
