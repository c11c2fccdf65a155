import type { Transaction } from 'kysely';
import { AppError, notFound } from '../../core/errors.ts';
import { caseAccess, type Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { staleVersion } from './case-access.ts';

/**
 * The case row, locked for the change, once the actor's access is checked again under the lock.
 * The route checked access before the transaction, but a reassignment or a revoked referral
 * committed in between would otherwise let the write through: every change that moves a case
 * or opens and closes a referral locks this same row, so what is read after the lock is what
 * holds until the write commits. `team` asks for the team's access, `any` accepts a referral's
 * receiver too. A case the actor may no longer reach answers 404, like one that does not exist;
 * then a request built on an older version answers 409 (the operator reloads and sees what a
 * colleague did), and an erased case no longer changes.
 */
export async function lockCase(
  trx: Transaction<DB>,
  caseId: string,
  rowVersion: number | undefined,
  locale: Locale,
  actor: Actor,
  needed: 'team' | 'any' = 'team',
) {
  const row = await trx
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  const referrals = await trx
    .selectFrom('case_referrals')
    .select(['to_organisation_id as toOrganisationId', 'to_user_id as toUserId'])
    .where('case_id', '=', caseId)
    .where('status', 'in', ['pending', 'accepted'])
    .execute();
  const access = caseAccess(actor, {
    organisationId: row.organisation_id,
    openReferrals: referrals,
  });
  if (access === null || (needed === 'team' && access !== 'team')) throw notFound();
  if (rowVersion !== undefined && row.row_version !== rowVersion) throw staleVersion(locale);
  if (row.erased_at !== null) {
    throw new AppError('conflict', {
      fields: [{ field: 'id', message: translate(locale, 'cases.validation.erased') }],
    });
  }
  return row;
}
