import { sql, type Kysely } from 'kysely';
import { canWithdraw, type ConsentPurpose } from '../../core/cases/consent.ts';
import type { DB } from '../../db/schema.ts';

export type ConsentWithdrawal = 'withdrawn' | 'not_in_force' | 'not_withdrawable';

/**
 * Withdraws one consent from now on (what was done before stays lawful). `statistics_allowed`
 * on the case is kept equal to "statistics consent in force" in the same transaction, so an
 * aggregate never counts a case whose consent is gone. Handling is never withdrawn alone: that
 * is withdrawing the report. Withdrawing sharing revokes the case's open referrals in the same
 * transaction: a receiver must not keep access the reporter no longer allows.
 */
export async function withdrawConsent(
  db: Kysely<DB>,
  caseId: string,
  purpose: ConsentPurpose,
  now = new Date(),
): Promise<ConsentWithdrawal> {
  if (!canWithdraw(purpose)) return 'not_withdrawable';
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('case_consents')
      .set({ withdrawn_at: now })
      .where('case_id', '=', caseId)
      .where('purpose', '=', purpose)
      .where('granted', '=', true)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return 'not_in_force';
    await trx
      .updateTable('cases')
      .set({
        statistics_allowed: sql<boolean>`EXISTS (
          SELECT 1 FROM case_consents
          WHERE case_consents.case_id = cases.id AND purpose = 'statistics'
            AND granted AND withdrawn_at IS NULL)`,
        updated_at: now,
        row_version: sql<number>`row_version + 1`,
      })
      .where('id', '=', caseId)
      .execute();
    await trx
      .insertInto('case_events')
      .values({
        case_id: caseId,
        kind: 'consent_withdrawn',
        actor_user_id: null,
        by_reporter: true,
        at: now,
        details: JSON.stringify({ purpose }),
      })
      .execute();
    if (purpose === 'sharing') {
      const revoked = await trx
        .updateTable('case_referrals')
        .set({ status: 'revoked', responded_at: now })
        .where('case_id', '=', caseId)
        .where('status', 'in', ['pending', 'accepted'])
        .returning('id')
        .execute();
      for (const referral of revoked) {
        await trx
          .insertInto('case_events')
          .values({
            case_id: caseId,
            kind: 'referral_revoked',
            actor_user_id: null,
            by_reporter: true,
            at: now,
            details: JSON.stringify({ referralId: referral.id, byConsentWithdrawal: true }),
          })
          .execute();
      }
    }
    return 'withdrawn';
  });
}
