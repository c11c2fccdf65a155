import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { DeskRowPlan } from '../../core/network-import/desk-plan.ts';
import { planHelpDesks } from '../../core/network-import/desk-plan.ts';
import {
  isDeskSheet,
  isDeskSheetWithoutName,
  parseDeskRows,
} from '../../core/network-import/desk-rows.ts';
import { mapColumns } from '../../core/network-import/columns.ts';
import {
  MissingNameColumnError,
  parseRows,
  type ParsedTable,
} from '../../core/network-import/parse-rows.ts';
import {
  planOrganisations,
  type ImportPlan,
  type ReferralTarget,
  type RowPlan,
} from '../../core/network-import/plan.ts';
import { UnreadableFileError } from '../../core/network-import/table.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import {
  loadExistingHelpDesks,
  loadExistingOrganisations,
  loadMunicipalityIndex,
  searchNames,
} from './import-context.ts';
import { PREVIEW_MINUTES, withPreviews } from './previews-table.ts';
import { readSheets, type Sheet } from './read-upload.ts';

export interface ImportPreview {
  previewId: string;
  fileName: string;
  rows: number;
  create: RowPlan[];
  update: RowPlan[];
  unchanged: number;
  helpDesks: { create: DeskRowPlan[]; update: DeskRowPlan[]; unchanged: number };
  rejected: { row: number; column: string; reason: string; sheet?: string }[];
  ignoredColumns: string[];
  /** Names of the municipalities whose ISTAT codes the changes hold, for display. */
  labels: { municipalities: Record<string, string> };
}

const municipalityFields = ['municipalityCode', 'territoryCodes', 'competentMunicipalityCodes'];

function municipalityLabels(
  rows: readonly { changes: Record<string, { from: unknown; to: unknown } | undefined> }[],
  nameOf: (code: string) => string | null,
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const row of rows) {
    for (const field of municipalityFields) {
      const change = row.changes[field];
      if (!change) continue;
      for (const value of [change.from, change.to].flat()) {
        if (typeof value !== 'string' || value in labels) continue;
        const name = nameOf(value);
        if (name !== null) labels[value] = name;
      }
    }
  }
  return labels;
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
 * Which sheet holds organisations and which help desks, by their headers (sheet names and
 * order do not matter; other sheets, such as instructions, are left out).
 */
class MissingDeskNameError extends Error {}

function classify(sheets: readonly Sheet[]): { organisations?: Sheet; desks?: Sheet } {
  if (sheets.some((sheet) => isDeskSheetWithoutName(sheet.table.headers))) {
    throw new MissingDeskNameError('desk name');
  }
  const desks = sheets.find((sheet) => isDeskSheet(sheet.table.headers));
  const organisations = sheets.find(
    (sheet) => sheet !== desks && mapColumns(sheet.table.headers).fields.has('name'),
  );
  if (!desks && !organisations) throw new MissingNameColumnError('name');
  return { organisations, desks };
}

/** The plan without what only the server needs, for the preview answer. */
function stripDesk(row: DeskRowPlan): DeskRowPlan {
  return {
    row: row.row,
    name: row.name,
    organisationName: row.organisationName,
    helpDeskId: row.helpDeskId,
    organisation: row.organisation,
    changes: row.changes,
  };
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
  let organisations: ParsedTable | null = null;
  let desks = null;
  let rowCount = 0;
  let sheetOfDesks: string | undefined;
  let municipalities;
  try {
    const sheets = classify(await readSheets(upload.bytes));
    municipalities = await loadMunicipalityIndex(db);
    if (sheets.organisations) {
      rowCount += sheets.organisations.table.rows.length;
      organisations = parseRows(sheets.organisations.table, municipalities, italianToday());
    }
    if (sheets.desks) {
      rowCount += sheets.desks.table.rows.length;
      // Row numbers need the sheet's name only when the workbook has both kinds.
      sheetOfDesks = sheets.organisations ? (sheets.desks.name ?? undefined) : undefined;
      desks = parseDeskRows(sheets.desks.table, municipalities, sheetOfDesks);
    }
  } catch (error) {
    if (error instanceof MissingNameColumnError)
      throw fileError(locale, 'import.file.no_name_column');
    if (error instanceof MissingDeskNameError)
      throw fileError(locale, 'import.file.no_desk_name_column');
    if (error instanceof UnreadableFileError) throw fileError(locale, 'import.file.unreadable');
    throw error;
  }
  const keys = await searchNames(db, [
    ...(organisations?.rows ?? []).flatMap((row) => [row.name, ...(row.refersTo ?? [])]),
    ...(desks?.rows ?? []).flatMap((row) => [row.name, row.organisation]),
  ]);
  const searchNameOf = (name: string) => keys.get(name) ?? name;
  const existing = await loadExistingOrganisations(db);
  const { plan, inFile, byName } = planOrganisations(
    {
      rows: organisations?.rows ?? [],
      rejected: organisations?.rejected ?? [],
      nameColumn: organisations?.columns.headers.get('name') ?? 'name',
      refersToColumn: organisations?.columns.headers.get('refersTo') ?? 'refersTo',
    },
    searchNameOf,
    existing,
  );
  if (desks) {
    const names = new Map<string, string>(existing.map((row) => [row.id, row.name]));
    for (const row of plan.create) names.set(`row:${row.row}`, row.name);
    const nameOf = (target: ReferralTarget) =>
      'organisationId' in target
        ? (names.get(target.organisationId) ?? '')
        : (names.get(`row:${target.createdRow}`) ?? '');
    const result = planHelpDesks(
      desks,
      searchNameOf,
      { inFile, byName, nameOf },
      await loadExistingHelpDesks(db),
      sheetOfDesks,
    );
    plan.helpDesks = result.plan;
    plan.rejected.push(...result.rejected.sort((a, b) => a.row - b.row));
  }
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
      create: plan.create.map(({ row, name, organisationId, changes }) => ({
        row,
        name,
        organisationId,
        changes,
      })),
      update: plan.update.map(({ row, name, organisationId, changes }) => ({
        row,
        name,
        organisationId,
        changes,
      })),
      unchanged: plan.unchanged,
      helpDesks: {
        create: plan.helpDesks.create.map(stripDesk),
        update: plan.helpDesks.update.map(stripDesk),
        unchanged: plan.helpDesks.unchanged,
      },
      rejected: plan.rejected.map((rejection) => ({
        row: rejection.row,
        column: rejection.column,
        reason: translate(locale, `import.reason.${rejection.reason}`, rejection.params),
        ...(rejection.sheet ? { sheet: rejection.sheet } : {}),
      })),
      ignoredColumns: [
        ...(organisations?.columns.ignored ?? []),
        ...(desks?.columns.ignored ?? []),
      ],
      labels: {
        municipalities: municipalityLabels(
          [...plan.create, ...plan.update, ...plan.helpDesks.create, ...plan.helpDesks.update],
          (code) => municipalities.nameOf(code),
        ),
      },
    },
  };
}
