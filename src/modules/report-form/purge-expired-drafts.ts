import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { JobDefinition } from '../../jobs/job-definition.ts';
import { purgeExpiredReporterSessions } from '../receipt/reporter-session.ts';
import { purgeExpiredDrafts } from './draft-store.ts';

/**
 * Deletes what the public side leaves behind once expired: report drafts (a draft holds what a
 * reporter typed and uploaded, so it must not outlive its hours even if nobody starts another),
 * the used form nonces and the reporters' sessions. Idempotent: a second run finds nothing.
 */
export async function purgeExpiredPublicState(db: Kysely<DB>, now = new Date()) {
  let drafts = 0;
  // In batches, so one run never holds a huge list; until none is left.
  for (let batch = await purgeExpiredDrafts(db, now); batch > 0;) {
    drafts += batch;
    batch = await purgeExpiredDrafts(db, now);
  }
  const nonces = await db
    .deleteFrom('report_form_nonces')
    .where('expires_at', '<', now)
    .executeTakeFirst();
  return {
    drafts,
    nonces: Number(nonces.numDeletedRows),
    reporterSessions: await purgeExpiredReporterSessions(db, now),
  };
}

export const purgeExpiredDraftsJob: JobDefinition = {
  name: 'report-form.purge-expired-drafts',
  schedule: { cron: '*/15 * * * *' },
  retry: { limit: 2, delaySeconds: 60 },
  expireInSeconds: 300,
  handler: async ({ database }) => purgeExpiredPublicState(database.db),
};
