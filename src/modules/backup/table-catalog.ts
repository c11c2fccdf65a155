import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { BackupError } from './backup-error.ts';

export interface CatalogColumn {
  name: string;
  /** The SQL type as PostgreSQL spells it (`format_type`), used to cast values back. */
  type: string;
  /** Booleans and 2/4-byte integers travel as JSON values; everything else as PostgreSQL text. */
  native: boolean;
  /** Text-like columns are ordered with the "C" collation, the same on every server. */
  collatable: boolean;
  /** Computed by the database (GENERATED ALWAYS AS …): never written, never backed up. */
  generated: boolean;
  identityAlways: boolean;
  /** The sequence behind a serial or identity column, reset after a restore. */
  sequence: string | null;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  primaryKey: string[];
  /** Tables this one refers to by foreign key (they are written and restored first). */
  references: string[];
}

/**
 * Sessions (staff and reporters), throttles, used form tokens and unsent report drafts are
 * transient, and the statistics rollup is rebuilt from the cases; migrations are recorded by
 * `migrate` itself.
 */
export const TRANSIENT_TABLES: readonly string[] = [
  'sessions',
  'login_throttles',
  'reporter_sessions',
  'report_form_nonces',
  'report_drafts',
  'case_stats_rollup',
  'case_stats_rollup_state',
];
export const NOT_BACKED_UP: readonly string[] = [...TRANSIENT_TABLES, 'schema_migrations'];

interface ColumnRow {
  table_name: string;
  column_name: string;
  column_type: string;
  native: boolean;
  collatable: boolean;
  generated: boolean;
  identity_always: boolean;
  sequence: string | null;
}

/**
 * The application's tables as the database describes them (schema `current_schema()`), in
 * foreign-key order: every table comes after the tables it refers to. Reading the catalog
 * rather than a list in code means a table added by a later migration is backed up without
 * anyone remembering to add it here.
 */
export async function readCatalog(db: Kysely<DB>): Promise<CatalogTable[]> {
  const columns = await sql<ColumnRow>`
    SELECT c.relname AS table_name,
           a.attname AS column_name,
           format_type(a.atttypid, a.atttypmod) AS column_type,
           t.typname IN ('bool', 'int2', 'int4') AS native,
           a.attcollation <> 0 AS collatable,
           a.attgenerated <> '' AS generated,
           a.attidentity = 'a' AS identity_always,
           pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      JOIN pg_type t ON t.oid = a.atttypid
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    SELECT c.relname AS table_name, a.attname AS column_name
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indisprimary AND n.nspname = current_schema()
     ORDER BY c.relname, k.position`.execute(db);
  const foreignKeys = await sql<{ child: string; parent: string }>`
    SELECT child.relname AS child, parent.relname AS parent
      FROM pg_constraint f
      JOIN pg_class child ON child.oid = f.conrelid
      JOIN pg_class parent ON parent.oid = f.confrelid
      JOIN pg_namespace n ON n.oid = child.relnamespace
     WHERE f.contype = 'f' AND n.nspname = current_schema()`.execute(db);

  const tables = new Map<string, CatalogTable>();
  for (const row of columns.rows) {
    let table = tables.get(row.table_name);
    if (!table) {
      table = { name: row.table_name, columns: [], primaryKey: [], references: [] };
      tables.set(row.table_name, table);
    }
    table.columns.push({
      name: row.column_name,
      type: row.column_type,
      native: row.native,
      collatable: row.collatable,
      generated: row.generated,
      identityAlways: row.identity_always,
      sequence: row.sequence,
    });
  }
  for (const row of keys.rows) tables.get(row.table_name)?.primaryKey.push(row.column_name);
  for (const row of foreignKeys.rows) {
    const table = tables.get(row.child);
    if (table && !table.references.includes(row.parent)) table.references.push(row.parent);
  }
  return inForeignKeyOrder([...tables.values()]);
}

/**
 * Kahn's topological sort, alphabetical among tables that are ready, so the order is the same
 * on every database. A table that refers to itself (or a cycle) would need its rows ordered
 * too; no table does yet, so it is refused loudly rather than restored half-way.
 */
export function inForeignKeyOrder(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: CatalogTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables
      .filter((table) => !placed.has(table.name))
      .filter((table) =>
        table.references.every((parent) => placed.has(parent) || !byName.has(parent)),
      )
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const next = ready[0];
    if (!next) {
      const stuck = tables.filter((table) => !placed.has(table.name)).map((table) => table.name);
      throw new BackupError(
        `Tables ${stuck.join(', ')} refer to each other (or to themselves) by foreign key; backup cannot order their rows.`,
      );
    }
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

export function columnsToCopy(table: CatalogTable): CatalogColumn[] {
  return table.columns.filter((column) => !column.generated);
}
