import { PGlite, types } from '@electric-sql/pglite';

/**
 * PGlite is one connection. Kysely's PostgresDialect asks a `pg`-style pool for connections; this
 * pool hands out the single connection to one holder at a time, so a transaction on it is never
 * interleaved with another request's queries.
 */
export class PGlitePool {
  readonly database: PGlite;
  #queue: Array<() => void> = [];
  #busy = false;

  constructor(database: PGlite) {
    this.database = database;
  }

  /** `loadDataDir`: start from a dumped data directory (tests use a migrated template). */
  static async open(dataDir: string, loadDataDir?: Blob): Promise<PGlitePool> {
    const database = await PGlite.create(dataDir, {
      parsers: sharedParsers,
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    return new PGlitePool(database);
  }

  async connect(): Promise<PGliteClient> {
    if (this.#busy) {
      await new Promise<void>((resolve) => this.#queue.push(resolve));
    }
    this.#busy = true;
    return new PGliteClient(this.database, () => this.#release());
  }

  #release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#busy = false;
  }

  async end(): Promise<void> {
    if (!this.database.closed) await this.database.close();
  }
}

const commandPattern = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select)\b/i;

class PGliteClient {
  #database: PGlite;
  #release: () => void;
  #released = false;

  constructor(database: PGlite, release: () => void) {
    this.#database = database;
    this.#release = release;
  }

  async query(sql: string, parameters: unknown[]) {
    const result = await this.#database.query<Record<string, unknown>>(sql, parameters);
    const command = commandPattern.exec(sql)?.[1]?.toUpperCase();
    return { command, rowCount: result.affectedRows ?? 0, rows: result.rows };
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#release();
  }
}

/**
 * Both drivers must return the same JavaScript values: bigint counts and ids as numbers (they stay
 * far below 2^53 here), dates as ISO strings (a Date would shift with the server's time zone).
 */
export const sharedParsers = {
  [types.INT8]: (value: string) => Number(value),
  [types.DATE]: (value: string) => value,
};
