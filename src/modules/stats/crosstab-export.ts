import writeXlsxFile from 'write-excel-file/node';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { italianCsv, xlsxRows, type ExportValue } from '../spreadsheets/office-files.ts';
import type { CrossTabResult } from './schemas.ts';

/** What stands in a hidden cell, in every format: "c", confidential, as Eurostat marks it. */
export const SUPPRESSED_MARK = 'c';

type Count = CrossTabResult['grandTotal'];

const shown = (count: Count): ExportValue => count.value ?? SUPPRESSED_MARK;

/**
 * The cross-tab as a rectangle: the row dimensions' labels, one column per column value (or
 * one count for a one-way table), the row total, and a last row of totals.
 */
export function crossTabRows(result: CrossTabResult, locale: Locale) {
  const total = translate(locale, 'stats.export.total');
  const headers = [
    ...result.rowDimensions.map((dimension) => dimension.label),
    ...(result.columnDimension
      ? [...result.columns.map((column) => column.label), total]
      : [translate(locale, 'stats.export.count')]),
  ];
  const body: ExportValue[][] = result.rows.map((row, r) => [
    ...row.map((value) => value.label),
    ...(result.cells[r] ?? []).map(shown),
    shown(result.rowTotals[r]!),
  ]);
  const totals: ExportValue[] = [
    total,
    ...result.rowDimensions.slice(1).map(() => ''),
    ...result.columnTotals.map(shown),
    shown(result.grandTotal),
  ];
  return { headers, rows: [...body, totals] };
}

/** The notes every export carries: what was counted and what a "c" means. */
export function crossTabNotes(result: CrossTabResult, locale: Locale): string[] {
  const notes = [
    translate(locale, `stats.export.population.${result.population}`),
    translate(locale, 'stats.export.period', {
      from: result.period.from ?? '—',
      to: result.period.to ?? '—',
    }),
    translate(locale, 'stats.export.taxonomy', { version: result.taxonomyVersion }),
    translate(locale, 'stats.export.suppression', {
      mark: SUPPRESSED_MARK,
      threshold: result.threshold,
    }),
    translate(locale, 'stats.export.consent'),
  ];
  if (result.perturbed) notes.push(translate(locale, 'stats.export.perturbation'));
  if (result.rowsMaySumToMore || result.columnsMaySumToMore) {
    notes.push(translate(locale, 'stats.export.multiple_values'));
    if (result.columnDimension) notes.push(translate(locale, 'stats.export.multiple_margins'));
  }
  notes.push(translate(locale, 'stats.export.generated', { at: result.generatedAt }));
  return notes;
}

export function crossTabCsv(result: CrossTabResult, locale: Locale): Buffer {
  const { headers, rows } = crossTabRows(result, locale);
  return italianCsv(headers, rows);
}

/** Two sheets: the table (bold, frozen header) and the notes that explain it. */
export async function crossTabXlsx(result: CrossTabResult, locale: Locale): Promise<Buffer> {
  const { headers, rows } = crossTabRows(result, locale);
  const notesTitle = translate(locale, 'stats.export.notes');
  return writeXlsxFile([
    {
      data: xlsxRows(headers, rows),
      sheet: translate(locale, 'stats.export.sheet'),
      columns: headers.map((_, index) => ({
        width: index < result.rowDimensions.length ? 36 : 14,
      })),
      stickyRowsCount: 1,
    },
    {
      data: xlsxRows(
        [notesTitle],
        crossTabNotes(result, locale).map((note) => [note]),
      ),
      sheet: notesTitle,
      columns: [{ width: 120 }],
    },
  ]).toBuffer();
}
