import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { localDate } from '../../core/cases/working-days.ts';
import type { DB } from '../../db/schema.ts';
import type { JobDefinition } from '../../jobs/job-definition.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { eraseFile } from '../files/erase-file.ts';
import { caseSettingsOf } from './case-settings.ts';

// Cases erased per transaction: a backlog (a retention period shortened by configuration) is
// worked through in short transactions instead of one long lock.
const BATCH = 50;

/**
 * Erases the personal data of the cases whose retention period is over: every encrypted field
 * of the case and its timeline, its files, its duplicate fingerprints, its reporter sessions and
 * the receipt hash (so the receipt stops working), and its free-text title. The classified record
 * (codes, dates, state, victim profile) stays for statistics. One audit row per case, by the
 * system. Idempotent: an erased case is never picked again.
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
      const ids = due.map((row) => row.id);
      await trx
        .updateTable('cases')
        .set({
          title: null,
          narrative_enc: null,
          place_detail_enc: null,
          online_link_enc: null,
          perpetrator_detail_enc: null,
          reporter_contact_enc: null,
          receipt_hash: null,
          erased_at: now,
          updated_at: now,
          row_version: sql<number>`row_version + 1`,
        })
        .where('id', 'in', ids)
        .execute();
      // The victim profile is special-category data too: it outlives the case only for
      // statistics, and only when the reporter agreed to that use.
      await trx
        .updateTable('cases')
        .set({
          victim_age_band: null,
          victim_gender: null,
          victim_citizenship_group: null,
          victim_migration_background: null,
          victim_residence_status: null,
        })
        .where('id', 'in', ids)
        .where('statistics_allowed', '=', false)
        .execute();
      await trx
        .updateTable('case_events')
        .set({ body_enc: null })
        .where('case_id', 'in', ids)
        .execute();
      await trx
        .updateTable('case_actions')
        .set({ outcome_enc: null })
        .where('case_id', 'in', ids)
        .execute();
      await trx
        .updateTable('case_messages')
        .set({ body_enc: null })
        .where('case_id', 'in', ids)
        .execute();
      await trx
        .updateTable('case_deadlines')
        .set({ title_enc: null })
        .where('case_id', 'in', ids)
        .execute();
      await trx
        .updateTable('case_referrals')
        .set({ note_enc: null, status_reason_enc: null })
        .where('case_id', 'in', ids)
        .execute();
      const documents = await trx
        .updateTable('case_documents')
        .set({ description_enc: null })
        .where('case_id', 'in', ids)
        .returning('file_id')
        .execute();
      for (const document of documents) await eraseFile(trx, document.file_id);
      await trx.deleteFrom('case_fingerprints').where('case_id', 'in', ids).execute();
      await trx.deleteFrom('reporter_sessions').where('case_id', 'in', ids).execute();
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
  }),
};
