import { createBackup } from '../../modules/backup/create-backup.ts';
import { parseCommandArguments } from '../arguments.ts';
import { cliActor, withDatabase } from '../database.ts';

export async function run(args: string[], usage: string): Promise<number> {
  const { positionals } = parseCommandArguments(args, {}, usage, ['file']);
  const file = positionals[0]!;
  return withDatabase(async (handle) => {
    const summary = await createBackup(handle, file, cliActor);
    console.log(
      `Backup written to ${file}: ${summary.tables.length} tables, ${summary.rows} rows (sha256 ${summary.sha256}).`,
    );
    console.log(
      'Keep it with the encryption keys (keys.json, or MASTER_KEYS and HASH_KEY): without them the personal data it holds cannot be read.',
    );
    return 0;
  });
}
