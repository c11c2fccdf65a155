import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { JobDefinition } from '../../jobs/job-definition.ts';

/**
 * The longest window of any throttle rule (the report form's hour). A row whose slot began
 * earlier no longer counts under any rule, so it only keeps a keyed address around for nothing.
 */
export const LONGEST_WINDOW_MINUTES = 60;

/** Deletes the throttle rows whose window and lock are both over. Idempotent. */
export async function purgeThrottles(db: Kysely<DB>, now = new Date()): Promise<number> {
  const windowOver = new Date(now.getTime() - LONGEST_WINDOW_MINUTES * 60_000);
  const result = await db
    .deleteFrom('login_throttles')
    .where('window_started_at', '<=', windowOver)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const purgeThrottlesJob: JobDefinition = {
  name: 'auth.purge-throttles',
  schedule: { cron: '*/15 * * * *' },
  retry: { limit: 2, delaySeconds: 60 },
  expireInSeconds: 300,
  handler: async ({ database }) => ({ deleted: await purgeThrottles(database.db) }),
};
