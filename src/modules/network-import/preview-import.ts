import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { MissingNameColumnError, parseRows } from '../../core/network-import/parse-rows.ts';
import { planImport, type ImportPlan, type RowPlan } from '../../core/network-import/plan.ts';
import { UnreadableFileError } from '../../core/network-import/table.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { loadExistingOrganisations, loadMunicipalityIndex, searchNames } from './import-context.ts';
import { PREVIEW_MINUTES, withPreviews } from './previews-table.ts';
import { readSpreadsheet } from './read-upload.ts';

export interface ImportPreview {
  previewId: string;
  fileName: string;
  rows: number;
  create: RowPlan[];
  update: RowPlan[];
  unchanged: number;
  rejected: { row: number; column: string; reason: string }[];
  ignoredColumns: string[];
}

function fileError(locale: Locale, key: string): AppError {
  return new AppError('validation_failed', {
    fields: [{ field: 'file', message: translate(locale, key) }],
  });
}

/** Today in Italy, 'YYYY-MM-DD': dates after it are rejected. */
export function italianToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
}

/**
 * Reads a survey, plans what importing it would do and keeps the plan for 30 minutes, so that
 * confirming applies exactly what the coordinator was shown.
 */
export async function previewImport(
  db: Kysely<DB>,
  upload: { fileName: string; bytes: Buffer },
  context: { userId: string; locale: Locale },
): Promise<{ preview: ImportPreview; plan: ImportPlan; fileSha256: string }> {
  const { locale } = context;
  let parsed;
  let rowCount;
  try {
    const table = await readSpreadsheet(upload.bytes);
    rowCount = table.rows.length;
    parsed = parseRows(table, await loadMunicipalityIndex(db), italianToday());
  } catch (error) {
    if (error instanceof MissingNameColumnError)
      throw fileError(locale, 'import.file.no_name_column');
    if (error instanceof UnreadableFileError) throw fileError(locale, 'import.file.unreadable');
    throw error;
  }
  const keys = await searchNames(
    db,
    parsed.rows.map((row) => row.name),
  );
  const plan = planImport(
    {
      rows: parsed.rows,
      rejected: parsed.rejected,
      nameColumn: parsed.columns.headers.get('name') ?? 'name',
    },
    (name) => keys.get(name) ?? name,
    await loadExistingOrganisations(db),
  );
  const fileSha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const previews = withPreviews(db);
  await previews
    .deleteFrom('network_import_previews')
    .where('created_at', '<', sql<Date>`now() - make_interval(mins => ${PREVIEW_MINUTES})`)
    .execute();
  const stored = await previews
    .insertInto('network_import_previews')
    .values({
      created_by: context.userId,
      file_name: upload.fileName,
      plan: JSON.stringify(plan),
      file_sha256: fileSha256,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    plan,
    fileSha256,
    preview: {
      previewId: stored.id,
      fileName: upload.fileName,
      rows: rowCount,
      create: plan.create,
      update: plan.update,
      unchanged: plan.unchanged,
      rejected: plan.rejected.map((rejection) => ({
        row: rejection.row,
        column: rejection.column,
        reason: translate(locale, `import.reason.${rejection.reason}`, rejection.params),
      })),
      ignoredColumns: parsed.columns.ignored,
    },
  };
}
