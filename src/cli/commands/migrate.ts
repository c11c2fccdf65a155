import { migrate } from '../../db/migrate.ts';
import { appendAudit } from '../../modules/audit/append-audit.ts';
import { loadReferenceData } from '../../modules/reference/load-reference-data.ts';
import { parseCommandArguments } from '../arguments.ts';
import { cliActor, withDatabase } from '../database.ts';

/** Applies pending migrations and (re)loads reference data; running it again changes nothing. */
export async function run(args: string[], usage: string): Promise<number> {
  parseCommandArguments(args, {}, usage);
  return withDatabase(async (handle) => {
    const applied = await migrate(handle);
    const reference = await loadReferenceData(handle.db);
    if (applied.length > 0 || reference.loaded.length > 0) {
      await appendAudit(handle.db, {
        actorUserId: cliActor.userId,
        actorLabel: cliActor.label,
        action: 'system.migrated',
        details: { migrations: applied, referenceData: reference.loaded },
      });
    }
    console.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s): ${applied.join(', ')}.`
        : 'The database schema is up to date.',
    );
    console.log(
      reference.loaded.length > 0
        ? `Loaded reference data: ${reference.loaded.join(', ')}.`
        : 'Reference data are up to date.',
    );
    return 0;
  });
}
