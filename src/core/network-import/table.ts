import { parse } from 'csv-parse/sync';
import type { Cell } from './values.ts';

/** A spreadsheet as read: the header and each row with its number as the spreadsheet shows it. */
export interface Table {
  headers: string[];
  rows: { row: number; cells: Cell[] }[];
}

export class UnreadableFileError extends Error {}

/** UTF-8 (with or without BOM); files that are not valid UTF-8 are Excel's Windows-1252 "CSV". */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** `;` (Italian Excel) or `,`: whichever separates more fields of the first non-empty line. */
export function detectDelimiter(text: string): ';' | ',' {
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .find((line) => line.trim() !== '') ?? '';
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return commas > semicolons ? ',' : ';';
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === '');
}

/** Rows from a table of cells whose first non-blank row is the header; blank rows are skipped. */
export function tableFromRows(rows: readonly { row: number; cells: Cell[] }[]): Table {
  const headerIndex = rows.findIndex((row) => !isBlank(row.cells));
  if (headerIndex < 0) throw new UnreadableFileError('empty');
  return {
    headers: rows[headerIndex]!.cells.map((cell) =>
      cell === null || cell === undefined ? '' : String(cell).trim(),
    ),
    rows: rows.slice(headerIndex + 1).filter((row) => !isBlank(row.cells)),
  };
}

export function readCsv(bytes: Uint8Array): Table {
  const text = decodeText(bytes);
  let records: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    // With `info`, each record comes with its position (the library's types do not say so).
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new UnreadableFileError('csv', { cause: error });
  }
  // Empty lines still count as spreadsheet rows: the numbers match what Excel shows.
  return tableFromRows(
    records.map(({ record, info }) => ({ row: info.records + info.empty_lines, cells: record })),
  );
}
