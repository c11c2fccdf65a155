import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { JobDefinition } from '../../jobs/job-definition.ts';
import { PREVIEW_MINUTES, withPreviews } from './previews-table.ts';

/**
 * Deletes the import previews that can no longer be confirmed. A preview holds the rows of an
 * uploaded survey (names, addresses and contacts of organisations), so it should not outlive its
 * use; making a new preview also purges, but a network where nobody imports again would keep them.
 * Idempotent: the second run finds nothing to delete.
 */
export async function purgeExpiredPreviews(db: Kysely<DB>): Promise<number> {
  const result = await withPreviews(db)
    .deleteFrom('network_import_previews')
    .where('created_at', '<', sql<Date>`now() - make_interval(mins => ${PREVIEW_MINUTES})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const purgeExpiredPreviewsJob: JobDefinition = {
  name: 'network-import.purge-expired-previews',
  // Twice per preview lifetime: an expired preview lingers at most 15 minutes.
  schedule: { cron: '*/15 * * * *' },
  retry: { limit: 2, delaySeconds: 60 },
  expireInSeconds: 300,
  handler: async ({ database }) => ({ deleted: await purgeExpiredPreviews(database.db) }),
};
