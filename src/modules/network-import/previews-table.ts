import type { ColumnType, Generated, Kysely } from 'kysely';
import type { ImportPlan } from '../../core/network-import/plan.ts';
import type { DB } from '../../db/schema.ts';

/** `network_import_previews` (migration 202611231930_network_import.sql). */
export interface NetworkImportPreviewsTable {
  id: Generated<string>;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  file_name: string;
  /** An `ImportPlan`; written as JSON text. */
  plan: ColumnType<ImportPlan, string, never>;
  file_sha256: string;
}

export type ImportDB = DB & { network_import_previews: NetworkImportPreviewsTable };

/** The application's database seen with the import previews table. */
export function withPreviews(db: Kysely<DB>): Kysely<ImportDB> {
  return db.withTables<{ network_import_previews: NetworkImportPreviewsTable }>();
}

/** How long a preview can be confirmed. */
export const PREVIEW_MINUTES = 30;
