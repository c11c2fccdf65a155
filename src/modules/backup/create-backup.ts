import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { link, unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { BackupError } from './backup-error.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  RowDigest,
  rowText,
  type HeaderLine,
  type TableEndLine,
  type TrailerLine,
} from './backup-format.ts';
import { columnsToCopy, NOT_BACKED_UP, readCatalog, type CatalogTable } from './table-catalog.ts';
import { readTableRows, useCanonicalTextOutput } from './table-rows.ts';

export interface BackupSummary {
  tables: { name: string; rows: number }[];
  rows: number;
  /** The trailer's checksum: identifies this backup in the audit trail. */
  sha256: string;
}

export interface BackupActor {
  userId: string | null;
  label: string;
}

async function* backupLines(
  db: Kysely<DB>,
  header: HeaderLine,
  tables: CatalogTable[],
  summary: BackupSummary,
): AsyncGenerator<string> {
  const whole = createHash('sha256');
  const emit = (text: string) => {
    const line = `${text}\n`;
    whole.update(line);
    return line;
  };
  yield emit(JSON.stringify(header));
  for (const table of tables) {
    yield emit(JSON.stringify({ type: 'table', name: table.name }));
    const columns = columnsToCopy(table);
    const primaryKey = table.primaryKey.map((name) =>
      columns.find((column) => column.name === name)!,
    );
    const digest = new RowDigest();
    for await (const row of readTableRows(db, table.name, columns, primaryKey)) {
      const text = rowText(row);
      digest.addText(text);
      yield emit(text);
    }
    const end: TableEndLine = {
      type: 'table_end',
      name: table.name,
      rows: digest.count,
      sha256: digest.hex(),
    };
    summary.tables.push({ name: table.name, rows: end.rows });
    summary.rows += end.rows;
    yield emit(JSON.stringify(end));
  }
  summary.sha256 = whole.digest('hex');
  const trailer: TrailerLine = {
    type: 'trailer',
    tables: tables.length,
    rows: summary.rows,
    sha256: summary.sha256,
  };
  yield `${JSON.stringify(trailer)}\n`;
}

/**
 * Writes a logical backup of every application table to `file` (see backup-format.ts). All
 * tables are read in one repeatable-read snapshot, so the backup is consistent even while the
 * platform is in use. The file is readable by its owner only (it holds password hashes and
 * encrypted personal data), appears only once complete, and never replaces an existing file.
 */
export async function createBackup(
  handle: DatabaseHandle,
  file: string,
  actor: BackupActor,
): Promise<BackupSummary> {
  if (existsSync(file)) {
    throw new BackupError(`${file} already exists; choose a new file name for the backup.`);
  }
  const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
  const summary: BackupSummary = { tables: [], rows: 0, sha256: '' };
  try {
    await handle.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        await useCanonicalTextOutput(trx);
        const tables = (await readCatalog(trx)).filter(
          (table) => !NOT_BACKED_UP.includes(table.name),
        );
        for (const table of tables) {
          if (table.primaryKey.length === 0) {
            throw new BackupError(
              `Table ${table.name} has no primary key; it cannot be backed up.`,
            );
          }
        }
        const migrations = await trx
          .selectFrom('schema_migrations')
          .select('name')
          .orderBy('name')
          .execute();
        const header: HeaderLine = {
          type: 'header',
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          source: handle.kind,
          migrations: migrations.map((migration) => migration.name),
          tables: tables.map((table) => ({
            name: table.name,
            primaryKey: table.primaryKey,
            columns: columnsToCopy(table).map(({ name, type }) => ({ name, type })),
          })),
        };
        await pipeline(
          backupLines(trx, header, tables, summary),
          createGzip(),
          createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
        );
      });
    // A hard link publishes the finished file atomically and fails if the name was taken meanwhile.
    await link(partial, file);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
      throw new BackupError(`${file} already exists; choose a new file name for the backup.`, {
        cause: error,
      });
    }
    throw error;
  } finally {
    await unlink(partial).catch(() => undefined);
  }
  await appendAudit(handle.db, {
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: 'backup.created',
    details: { tables: summary.tables.length, rows: summary.rows, sha256: summary.sha256 },
  });
  return summary;
}
