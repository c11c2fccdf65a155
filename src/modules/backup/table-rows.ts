import { sql, type Kysely, type QueryResult, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { BackupRow, BackupValue } from './backup-format.ts';
import type { CatalogColumn } from './table-catalog.ts';

/**
 * Session settings that make PostgreSQL's text output the same on every server and client:
 * timestamps in UTC, ISO dates, shortest exact floats, hex bytea. Transaction-local.
 */
export async function useCanonicalTextOutput(db: Kysely<DB>): Promise<void> {
  for (const statement of [
    `SET LOCAL TimeZone = 'UTC'`,
    `SET LOCAL DateStyle = 'ISO, YMD'`,
    `SET LOCAL IntervalStyle = 'postgres'`,
    `SET LOCAL extra_float_digits = 1`,
    `SET LOCAL bytea_output = 'hex'`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}

const READ_BATCH_SIZE = 1_000;

function selectExpression(column: CatalogColumn): RawBuilder<unknown> {
  return column.native ? sql.id(column.name) : sql`${sql.id(column.name)}::text`;
}

/** A value from the backup turned back into its column's type, whatever the driver. */
export function castValue(value: BackupValue, column: Pick<CatalogColumn, 'type'>) {
  const text = value === null ? null : String(value);
  return sql`CAST(CAST(${text} AS text) AS ${sql.raw(column.type)})`;
}

function sortKey(column: CatalogColumn, expression: RawBuilder<unknown>): RawBuilder<unknown> {
  return column.collatable ? sql`${expression} COLLATE "C"` : expression;
}

/**
 * Reads a table's rows in primary-key order (keyset batches, so a large table never sits in
 * memory), each as the values of `columns` in their canonical backup form.
 */
export async function* readTableRows(
  db: Kysely<DB>,
  table: string,
  columns: CatalogColumn[],
  primaryKey: CatalogColumn[],
): AsyncGenerator<BackupRow> {
  const keyPositions = primaryKey.map((key) =>
    columns.findIndex((column) => column.name === key.name),
  );
  if (keyPositions.some((position) => position < 0)) {
    throw new Error(`primary key of ${table} is not among its copied columns`);
  }
  const orderBy = sql.join(primaryKey.map((key) => sortKey(key, sql.id(key.name))));
  let after: BackupValue[] | null = null;
  for (;;) {
    const lastKey: BackupValue[] | null = after;
    const where: RawBuilder<unknown> = lastKey
      ? sql`WHERE (${orderBy}) > (${sql.join(
          primaryKey.map((key, index) => sortKey(key, castValue(lastKey[index] ?? null, key))),
        )})`
      : sql``;
    const result: QueryResult<Record<string, BackupValue>> = await sql<Record<string, BackupValue>>`
      SELECT ${sql.join(columns.map(selectExpression))}
        FROM ${sql.id(table)} ${where}
       ORDER BY ${orderBy}
       LIMIT ${READ_BATCH_SIZE}`.execute(db);
    for (const record of result.rows) {
      yield columns.map((column) => record[column.name] ?? null);
    }
    if (result.rows.length < READ_BATCH_SIZE) return;
    const last: Record<string, BackupValue> = result.rows.at(-1)!;
    after = primaryKey.map((key): BackupValue => last[key.name] ?? null);
  }
}
