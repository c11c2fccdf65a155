import { sql, type Kysely } from 'kysely';
import { canWithdraw, type ConsentPurpose } from '../../core/cases/consent.ts';
import type { DB } from '../../db/schema.ts';
import { consentGrantedColumn, consentWithdrawnColumn } from '../cases/case-consents.ts';

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
  const withdrawn = consentWithdrawnColumn(purpose);
  if (!canWithdraw(purpose) || withdrawn === null) return 'not_withdrawable';
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('cases')
      .set({
        [withdrawn]: now,
        ...(purpose === 'statistics' ? { statistics_allowed: false } : {}),
        updated_at: now,
        row_version: sql<number>`row_version + 1`,
      })
      .where('id', '=', caseId)
      .where(consentGrantedColumn(purpose), '=', true)
      .where(withdrawn, 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return 'not_in_force';
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
