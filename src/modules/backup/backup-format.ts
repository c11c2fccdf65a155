import { createHash, type Hash } from 'node:crypto';
import { z } from 'zod';

/**
 * A backup is gzip'd JSON lines:
 *   1. a header (format, version, migrations applied, every table with its columns and types);
 *   2. for each table, in foreign-key order: `{"type":"table"}`, one JSON array per row (values in
 *      column order, ordered by primary key), then `{"type":"table_end"}` with the row count and
 *      the sha256 of the row lines;
 *   3. a trailer with the sha256 of every line before it, so any change anywhere is detected.
 * Values are JSON booleans and numbers for booleans and 2/4-byte integers, and PostgreSQL's own
 * text form for every other type (timestamps in UTC with microseconds, jsonb, bigint, numeric),
 * so they round-trip exactly between PGlite and PostgreSQL.
 */
export const BACKUP_FORMAT = 'osservatorio-backup';
export const BACKUP_VERSION = 1;

export type BackupValue = string | number | boolean | null;
export type BackupRow = BackupValue[];

const tableDescription = z.object({
  name: z.string().min(1),
  primaryKey: z.array(z.string()).min(1),
  columns: z.array(z.object({ name: z.string().min(1), type: z.string().min(1) })).min(1),
});
export type TableDescription = z.infer<typeof tableDescription>;

export const headerLine = z.object({
  type: z.literal('header'),
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgresql']),
  migrations: z.array(z.string()),
  tables: z.array(tableDescription),
});
export type HeaderLine = z.infer<typeof headerLine>;

export const tableStartLine = z.object({ type: z.literal('table'), name: z.string() });

export const tableEndLine = z.object({
  type: z.literal('table_end'),
  name: z.string(),
  rows: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TableEndLine = z.infer<typeof tableEndLine>;

export const trailerLine = z.object({
  type: z.literal('trailer'),
  tables: z.number().int().min(0),
  rows: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TrailerLine = z.infer<typeof trailerLine>;

/** The canonical text of a row: arrays of JSON scalars have exactly one JSON spelling. */
export function rowText(row: BackupRow): string {
  return JSON.stringify(row);
}

/** sha256 over the canonical text of a table's rows, one per line, in primary-key order. */
export class RowDigest {
  #hash: Hash = createHash('sha256');
  count = 0;

  addText(text: string): void {
    this.#hash.update(text).update('\n');
    this.count += 1;
  }

  add(row: BackupRow): void {
    this.addText(rowText(row));
  }

  hex(): string {
    return this.#hash.digest('hex');
  }
}

export function isBackupRow(value: unknown): value is BackupRow {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        item === null ||
        typeof item === 'string' ||
        typeof item === 'boolean' ||
        (typeof item === 'number' && Number.isFinite(item)),
    )
  );
}
