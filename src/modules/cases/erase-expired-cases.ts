import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { localDate } from '../../core/cases/working-days.ts';
import type { DB } from '../../db/schema.ts';
import type { JobDefinition } from '../../jobs/job-definition.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { caseSettingsOf } from './case-settings.ts';
import { eraseCaseRows } from './erase-case-rows.ts';
import { handleInactiveCases } from './inactive-cases.ts';

// Cases erased per transaction: a backlog (a retention period shortened by configuration) is
// worked through in short transactions instead of one long lock.
const BATCH = 50;

/**
 * Erases the personal data of the cases whose retention period after a final state is over
 * (`eraseCaseRows`). One audit row per case, by the system. Idempotent: an erased case is never
 * picked again.
 */
export async function eraseExpiredCases(
  db: Kysely<DB>,
  config: Config,
  now = new Date(),
): Promise<number> {
  // retention_until is the last day the data is kept: erased from the next local day on.
  const today = localDate(now, caseSettingsOf(config).timeZone);
  let erased = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('cases')
        .select(['id', 'status', 'retention_until'])
        .where('erased_at', 'is', null)
        .where('retention_until', '<', sql<string>`${today}::date`)
        .orderBy('retention_until')
        .limit(BATCH)
        .forUpdate()
        .execute();
      if (due.length === 0) return 0;
      await eraseCaseRows(
        trx,
        due.map((row) => row.id),
        now,
      );
      for (const row of due) {
        await appendAudit(trx, {
          actorUserId: null,
          actorLabel: 'system',
          action: 'cases.erased',
          targetType: 'case',
          targetId: row.id,
          details: { status: row.status, retentionUntil: row.retention_until },
        });
      }
      return due.length;
    });
    erased += batch;
    if (batch < BATCH) return erased;
  }
}

export const eraseExpiredCasesJob: JobDefinition = {
  name: 'cases.erase-expired',
  // Nightly, after the day a retention period ends.
  schedule: { cron: '30 2 * * *', timezone: 'Europe/Rome' },
  retry: { limit: 3, delaySeconds: 300 },
  expireInSeconds: 3600,
  handler: async ({ database, config }) => ({
    erased: await eraseExpiredCases(database.db, config),
    ...(await handleInactiveCases(database.db, config)),
  }),
};
