import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.ts';
import { listMigrations, migrate } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { BackupError } from './backup-error.ts';
import {
  RowDigest,
  type BackupRow,
  type HeaderLine,
  type TableDescription,
} from './backup-format.ts';
import type { BackupActor } from './create-backup.ts';
import { readBackup, verifyBackupFile } from './read-backup.ts';
import { readCatalog, type CatalogColumn, type CatalogTable } from './table-catalog.ts';
import { castValue, readTableRows, useCanonicalTextOutput } from './table-rows.ts';

export interface RestoreSummary {
  tables: { name: string; rows: number }[];
  rows: number;
  sha256: string;
}

/** Stays far below PostgreSQL's 65,535 parameters per statement, however wide the table. */
const PARAMETERS_PER_INSERT = 30_000;

/** The backup must come from this code's migration history, at this version or an older one. */
function checkMigrations(backup: string[]): void {
  const code = listMigrations().map((migration) => migration.name);
  backup.forEach((name, index) => {
    if (code[index] !== name) {
      throw new BackupError(
        code.includes(name)
          ? `The backup's migrations do not follow this version's history (at ${name}).`
          : `The backup was made by a newer version of Osservatorio (migration ${name} is unknown here); upgrade first.`,
      );
    }
  });
}

interface TablePlan {
  description: TableDescription;
  columns: CatalogColumn[];
  primaryKey: CatalogColumn[];
  overridingIdentity: boolean;
}

/** Every table and column of the backup must exist here with the same type. */
function planTables(header: HeaderLine, catalog: CatalogTable[]): Map<string, TablePlan> {
  const plans = new Map<string, TablePlan>();
  for (const description of header.tables) {
    const table = catalog.find((candidate) => candidate.name === description.name);
    if (!table) throw new BackupError(`Table ${description.name} does not exist in this database.`);
    const columns = description.columns.map((wanted) => {
      const column = table.columns.find((candidate) => candidate.name === wanted.name);
      if (!column || column.generated) {
        throw new BackupError(`Column ${description.name}.${wanted.name} does not exist here.`);
      }
      if (column.type !== wanted.type) {
        throw new BackupError(
          `Column ${description.name}.${wanted.name} is ${wanted.type} in the backup but ${column.type} here.`,
        );
      }
      return column;
    });
    const primaryKey = description.primaryKey.map((name) => {
      const column = columns.find((candidate) => candidate.name === name);
      if (!column)
        throw new BackupError(`The primary key of ${description.name} is not in the backup.`);
      return column;
    });
    plans.set(description.name, {
      description,
      columns,
      primaryKey,
      overridingIdentity: table.columns.some((column) => column.identityAlways),
    });
  }
  return plans;
}

async function insertRows(db: Kysely<DB>, plan: TablePlan, rows: BackupRow[]): Promise<void> {
  if (rows.length === 0) return;
  const overriding = plan.overridingIdentity ? sql`OVERRIDING SYSTEM VALUE` : sql``;
  try {
    await sql`INSERT INTO ${sql.id(plan.description.name)}
      (${sql.join(plan.columns.map((column) => sql.id(column.name)))}) ${overriding}
      VALUES ${sql.join(
        rows.map(
          (row) =>
            sql`(${sql.join(row.map((value, index) => castValue(value, plan.columns[index]!)))})`,
        ),
      )}`.execute(db);
  } catch (error) {
    throw new BackupError(
      `The database refused a row of ${plan.description.name} (${error instanceof Error ? error.message : 'unknown error'}); nothing was restored.`,
      { cause: error },
    );
  }
}

/** Recomputes a restored table's checksum from what the database now holds. */
async function checkRestoredTable(db: Kysely<DB>, plan: TablePlan, expected: string) {
  const digest = new RowDigest();
  for await (const row of readTableRows(db, plan.description.name, plan.columns, plan.primaryKey)) {
    digest.add(row);
  }
  if (digest.hex() !== expected) {
    throw new BackupError(
      `Table ${plan.description.name} reads back differently from the backup (${digest.count} rows); nothing was restored.`,
    );
  }
}

async function resetSequences(db: Kysely<DB>, tables: CatalogTable[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.columns) {
      if (!column.sequence) continue;
      const max = sql`(SELECT max(${sql.id(column.name)}) FROM ${sql.id(table.name)})`;
      await sql`SELECT setval(${column.sequence}::regclass, COALESCE(${max}, 1), ${max} IS NOT NULL)`.execute(
        db,
      );
    }
  }
}

/**
 * Restores a backup in one transaction: either the database afterwards holds exactly the
 * backup (every table's checksum is checked after its rows are written) or nothing changed.
 *
 * Without `force` the database must be one nobody has used (no account, no audit trail):
 * reference data loaded by `migrate` and rows seeded by migrations are replaced by the backup's.
 * With `force` everything in it is replaced. Sessions and sign-in throttles, which are not
 * backed up, are always emptied. The append-only
 * triggers of the audit trail are disabled only inside the transaction, to empty and refill it.
 */
export async function restoreBackup(
  handle: DatabaseHandle,
  file: string,
  options: { force: boolean; actor: BackupActor },
): Promise<RestoreSummary> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const verified = await verifyBackupFile(file);
  checkMigrations(verified.header.migrations);
  await migrate(handle);

  return handle.db.transaction().execute(async (trx) => {
    await useCanonicalTextOutput(trx);
    const catalog = (await readCatalog(trx)).filter((table) => table.name !== 'schema_migrations');
    const plans = planTables(verified.header, catalog);

    // Disabling triggers locks each table (ACCESS EXCLUSIVE) until commit: nobody writes meanwhile.
    for (const table of catalog) {
      await sql`ALTER TABLE ${sql.id(table.name)} DISABLE TRIGGER USER`.execute(trx);
    }
    if (!options.force) {
      const used = await sql<{ users: number; audit: number }>`
        SELECT (SELECT count(*) FROM users)::int AS users,
               (SELECT count(*) FROM audit_log)::int AS audit`.execute(trx);
      const counts = used.rows[0];
      if (counts && (counts.users > 0 || counts.audit > 0)) {
        throw new BackupError(
          `This database is in use (${counts.users} accounts, ${counts.audit} audit entries): restore into a new database, or pass --force to replace everything in it.`,
        );
      }
    }
    await sql`TRUNCATE ${sql.join(catalog.map((table) => sql.id(table.name)))}`.execute(trx);

    const summary: RestoreSummary = { tables: [], rows: 0, sha256: verified.trailer.sha256 };
    let batch: BackupRow[] = [];
    for await (const event of readBackup(file)) {
      if (event.kind === 'row') {
        const plan = plans.get(event.table.name)!;
        batch.push(event.row);
        if (batch.length * plan.columns.length >= PARAMETERS_PER_INSERT || batch.length >= 1000) {
          await insertRows(trx, plan, batch);
          batch = [];
        }
      } else if (event.kind === 'table_end') {
        const plan = plans.get(event.table.name)!;
        await insertRows(trx, plan, batch);
        batch = [];
        await checkRestoredTable(trx, plan, event.sha256);
        summary.tables.push({ name: event.table.name, rows: event.rows });
        summary.rows += event.rows;
      }
    }
    if (summary.sha256 !== verified.trailer.sha256) {
      throw new BackupError(
        'The backup changed while it was being restored; nothing was restored.',
      );
    }

    await resetSequences(trx, catalog);
    for (const table of catalog) {
      await sql`ALTER TABLE ${sql.id(table.name)} ENABLE TRIGGER USER`.execute(trx);
    }
    await appendAudit(trx, {
      actorUserId: options.actor.userId,
      actorLabel: options.actor.label,
      action: 'backup.restored',
      details: {
        tables: summary.tables.length,
        rows: summary.rows,
        sha256: summary.sha256,
        force: options.force,
        createdAt: verified.header.createdAt,
      },
    });
    return summary;
  });
}
