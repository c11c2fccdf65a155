import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';

/** Who the audit trail names for what the command-line tool does. */
export const cliActor = { userId: null, label: 'cli' } as const;

/**
 * Runs a command against the database the environment configures (`DATABASE_URL`, else the
 * embedded database in `DATA_DIR`) and always closes it, so PGlite checkpoints its files.
 */
export async function withDatabase<T>(
  work: (handle: DatabaseHandle, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  for (const warning of config.warnings) console.error(`warning: ${warning}`);
  const handle = await openDatabase(config.database);
  try {
    return await work(handle, config);
  } finally {
    await handle.close();
  }
}
