import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { z } from 'zod';
import { BackupError } from './backup-error.ts';
import {
  headerLine,
  isBackupRow,
  RowDigest,
  tableEndLine,
  tableStartLine,
  trailerLine,
  type BackupRow,
  type HeaderLine,
  type TableDescription,
  type TrailerLine,
} from './backup-format.ts';

/** Lines of the decompressed file; a damaged or truncated gzip stream rejects. */
async function* fileLines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const stream = createReadStream(file).pipe(createGunzip());
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending += decoder.write(chunk);
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        yield pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    }
  } catch (error) {
    throw new BackupError(
      `${file} is not a readable backup (${error instanceof Error ? error.message : 'unreadable'}).`,
      { cause: error },
    );
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}

export type BackupEvent =
  | { kind: 'header'; header: HeaderLine }
  | { kind: 'table'; table: TableDescription }
  | { kind: 'row'; table: TableDescription; row: BackupRow }
  | { kind: 'table_end'; table: TableDescription; rows: number; sha256: string }
  | { kind: 'trailer'; trailer: TrailerLine };

function parseLine<T>(schema: z.ZodType<T>, text: string, what: string, lineNumber: number): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupError(
      `Line ${lineNumber} is not JSON (expected ${what}): the file is damaged.`,
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new BackupError(`Line ${lineNumber} is not a valid ${what}: the file is damaged.`);
  }
  return parsed.data;
}

/**
 * Reads a backup and checks it while reading: the header, each table in the order the header
 * lists, each row's width, each table's count and checksum, and the trailer's checksum over
 * the whole file. Throws `BackupError` at the first problem; the events before it must only be
 * used inside a transaction that the error rolls back (or after a full pass succeeded).
 */
export async function* readBackup(file: string): AsyncGenerator<BackupEvent> {
  const lines = fileLines(file);
  const whole = createHash('sha256');
  let lineNumber = 0;
  const next = async (what: string): Promise<string> => {
    const result = await lines.next();
    if (result.done) throw new BackupError(`The backup ends early: ${what} is missing.`);
    lineNumber += 1;
    return result.value;
  };

  const headerText = await next('the header');
  let header: HeaderLine;
  try {
    header = headerLine.parse(JSON.parse(headerText));
  } catch {
    throw new BackupError('This file is not an Osservatorio backup (format version 1).');
  }
  whole.update(`${headerText}\n`);
  yield { kind: 'header', header };

  let total = 0;
  for (const table of header.tables) {
    const startText = await next(`table ${table.name}`);
    const start = parseLine(tableStartLine, startText, 'table start', lineNumber);
    if (start.name !== table.name) {
      throw new BackupError(
        `Line ${lineNumber}: expected table ${table.name}, found ${start.name}.`,
      );
    }
    whole.update(`${startText}\n`);
    yield { kind: 'table', table };
    const digest = new RowDigest();
    for (;;) {
      const text = await next(`the end of table ${table.name}`);
      whole.update(`${text}\n`);
      if (text.startsWith('{')) {
        const end = parseLine(tableEndLine, text, 'table end', lineNumber);
        const sha256 = digest.hex();
        if (end.name !== table.name || end.rows !== digest.count || end.sha256 !== sha256) {
          throw new BackupError(
            `Table ${table.name} does not match its checksum (${digest.count} rows read, ${end.rows} recorded): the file is damaged.`,
          );
        }
        total += digest.count;
        yield { kind: 'table_end', table, rows: digest.count, sha256 };
        break;
      }
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch {
        throw new BackupError(
          `Line ${lineNumber} (table ${table.name}) is not JSON: the file is damaged.`,
        );
      }
      if (!isBackupRow(row) || row.length !== table.columns.length) {
        throw new BackupError(
          `Line ${lineNumber} is not a row of table ${table.name}: the file is damaged.`,
        );
      }
      digest.addText(text);
      yield { kind: 'row', table, row };
    }
  }

  const trailer = parseLine(trailerLine, await next('the trailer'), 'trailer', lineNumber);
  if (
    trailer.sha256 !== whole.digest('hex') ||
    trailer.rows !== total ||
    trailer.tables !== header.tables.length
  ) {
    throw new BackupError('The backup does not match its final checksum: the file is damaged.');
  }
  if (!(await lines.next()).done) {
    throw new BackupError('The backup has data after its trailer: the file is damaged.');
  }
  yield { kind: 'trailer', trailer };
}

export interface VerifiedBackup {
  header: HeaderLine;
  tables: { name: string; rows: number }[];
  trailer: TrailerLine;
}

/** Reads the whole file once and answers its description, or throws `BackupError`. */
export async function verifyBackupFile(file: string): Promise<VerifiedBackup> {
  let header: HeaderLine | undefined;
  let trailer: TrailerLine | undefined;
  const tables: { name: string; rows: number }[] = [];
  for await (const event of readBackup(file)) {
    if (event.kind === 'header') header = event.header;
    else if (event.kind === 'table_end') tables.push({ name: event.table.name, rows: event.rows });
    else if (event.kind === 'trailer') trailer = event.trailer;
  }
  if (!header || !trailer) throw new BackupError('The backup is incomplete.');
  return { header, tables, trailer };
}
