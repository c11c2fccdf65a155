import { stringify } from 'csv-stringify/sync';
import type { Cell, Row } from 'write-excel-file/node';
import { italianCsvText, type ExportValue } from '../../core/network-import/export-rows.ts';

export type { ExportValue };

export const officeContentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

/** A download's file name: what it is and the day, e.g. `rete-organizzazioni-2026-12-06.csv`. */
export function downloadName(what: string, format: string, now = new Date()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
  return `${what}-${day}.${format}`;
}

/** CSV as Italian Excel opens it: `;`, UTF-8 with BOM, CRLF, dates dd/mm/yyyy, decimal comma. */
export function italianCsv(headers: string[], rows: ExportValue[][]): Buffer {
  const text = stringify([headers, ...rows.map((row) => row.map(italianCsvText))], {
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
    quoted_match: /[\r\n]/,
  });
  return Buffer.from(text, 'utf8');
}

/** Rows for write-excel-file: a bold header, then typed number, date and text cells. */
export function xlsxRows(headers: string[], rows: ExportValue[][]): Row[] {
  const header: Row = headers.map((title) => ({ value: title, fontWeight: 'bold' }));
  const body: Row[] = rows.map((row) =>
    row.map((value): Cell => {
      if (value === null) return null;
      if (typeof value === 'number') return { value, type: Number };
      if (typeof value === 'object') {
        return { value: new Date(`${value.date}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' };
      }
      return { value, type: String };
    }),
  );
  return [header, ...body];
}
