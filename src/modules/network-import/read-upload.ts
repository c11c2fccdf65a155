import readXlsxFile from 'read-excel-file/node';
import {
  readCsv,
  tableFromRows,
  UnreadableFileError,
  type Table,
} from '../../core/network-import/table.ts';
import type { Cell } from '../../core/network-import/values.ts';

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** One sheet of the upload; a CSV file is one sheet without a name. */
export interface Sheet {
  name: string | null;
  table: Table;
}

/**
 * The sheets of an XLSX workbook that hold something, or a CSV file (detected from the content,
 * not the name). Empty sheets are left out; a file with nothing at all is unreadable.
 */
export async function readSheets(bytes: Buffer): Promise<Sheet[]> {
  if (!isZip(bytes)) return [{ name: null, table: readCsv(bytes) }];
  let sheets;
  try {
    sheets = await readXlsxFile(bytes);
  } catch (error) {
    throw new UnreadableFileError('xlsx', { cause: error });
  }
  const result: Sheet[] = [];
  for (const sheet of sheets) {
    try {
      const table = tableFromRows(
        sheet.data.map((cells, index) => ({ row: index + 1, cells: cells as Cell[] })),
      );
      result.push({ name: sheet.sheet, table });
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
    }
  }
  if (result.length === 0) throw new UnreadableFileError('empty');
  return result;
}
