import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { eraseFile } from '../files/erase-file.ts';

/**
 * Erases the personal data of the given cases, locked by the caller's transaction: every
 * encrypted field of the case and its timeline, its files, its duplicate fingerprints, its
 * reporter sessions and the receipt hash (so the receipt stops working), and its free-text
 * title. The classified record (codes, dates, state, and the victim profile when the reporter
 * allowed statistics) stays for statistics.
 */
export async function eraseCaseRows(trx: Transaction<DB>, ids: string[], now: Date): Promise<void> {
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
      email_fingerprint: null,
      phone_fingerprint: null,
      narrative_fingerprint: null,
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
  await trx.deleteFrom('reporter_sessions').where('case_id', 'in', ids).execute();
}
