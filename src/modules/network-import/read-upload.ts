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

/** The first sheet of an XLSX workbook, or a CSV file (detected from the content, not the name). */
export async function readSpreadsheet(bytes: Buffer): Promise<Table> {
  if (!isZip(bytes)) return readCsv(bytes);
  let sheets;
  try {
    sheets = await readXlsxFile(bytes);
  } catch (error) {
    throw new UnreadableFileError('xlsx', { cause: error });
  }
  const data = sheets[0]?.data ?? [];
  return tableFromRows(data.map((cells, index) => ({ row: index + 1, cells: cells as Cell[] })));
}
