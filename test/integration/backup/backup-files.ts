import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The decompressed lines of a backup file. */
export function backupLines(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
}

/**
 * Writes a changed copy of a backup with every checksum recomputed, as someone who knows the
 * format could: the copy passes verification, so what it tests is what the database refuses.
 */
export function writeResignedBackup(file: string, lines: string[]): void {
  const out: string[] = [];
  let rows: string[] = [];
  let total = 0;
  let tables = 0;
  for (const line of lines) {
    const parsed = JSON.parse(line) as { type?: string; name?: string };
    if (Array.isArray(parsed)) {
      rows.push(line);
      out.push(line);
    } else if (parsed.type === 'table') {
      rows = [];
      out.push(line);
    } else if (parsed.type === 'table_end') {
      const hash = createHash('sha256');
      for (const row of rows) hash.update(`${row}\n`);
      out.push(JSON.stringify({ ...parsed, rows: rows.length, sha256: hash.digest('hex') }));
      total += rows.length;
      tables += 1;
    } else if (parsed.type !== 'trailer') {
      out.push(line);
    }
  }
  const whole = createHash('sha256');
  for (const line of out) whole.update(`${line}\n`);
  out.push(JSON.stringify({ type: 'trailer', tables, rows: total, sha256: whole.digest('hex') }));
  writeFileSync(file, gzipSync(`${out.join('\n')}\n`));
}

/** Writes a copy of a backup with one line replaced, leaving the checksums as they were. */
export function writeEditedBackup(file: string, lines: string[]): void {
  writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));
}

/** The index of the first row line of `table` that contains `text`. */
export function rowLineIndex(lines: string[], table: string, text: string): number {
  let current = '';
  const index = lines.findIndex((line) => {
    if (line.startsWith('{')) {
      const parsed = JSON.parse(line) as { type?: string; name?: string };
      if (parsed.type === 'table') current = parsed.name ?? '';
      return false;
    }
    return current === table && line.includes(text);
  });
  if (index < 0) throw new Error(`no row of ${table} contains ${text}`);
  return index;
}
