import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import { hasConsent } from '../../core/cases/consent.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { caseAccess, caseTeamOrganisations, type Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { fieldError, isUuid } from './case-access.ts';
import { loadCaseConsents } from './case-consents.ts';
import { recordCaseEvent } from './case-events.ts';
import { lockCase } from './lock-case.ts';
import { seal } from './sealed-fields.ts';
import type { ReferralBody } from './timeline-schemas.ts';

/** Sending or accepting a referral needs the reporter's sharing consent, still in force. */
async function requireSharingConsent(trx: Transaction<DB>, caseId: string, locale: Locale) {
  if (!hasConsent(await loadCaseConsents(trx, caseId), 'sharing')) {
    throw fieldError(locale, 'consent', 'cases.referrals.no_sharing_consent');
  }
}

/**
 * Referrals send a case to another node of the network or to a legal expert, with only the
 * parts the referral shares. The reporter must have agreed to sharing (and not withdrawn it);
 * the receiver accepts or declines with a reason; the sending team can revoke it. Declined and
 * revoked referrals give no access (see `loadCaseScope`). Free text is sealed to the referral.
 */
export async function createReferral(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  body: ReferralBody,
  locale: Locale,
  now = new Date(),
): Promise<{ id: string }> {
  const toOrganisationId = body.toOrganisationId ?? null;
  const toUserId = body.toUserId ?? null;
  if ((toOrganisationId === null) === (toUserId === null)) {
    throw fieldError(locale, 'toOrganisationId', 'cases.referrals.one_receiver');
  }
  return db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId, undefined, locale, actor);
    await requireSharingConsent(trx, caseId, locale);
    if (toOrganisationId !== null) {
      const target = isUuid(toOrganisationId)
        ? await trx
            .selectFrom('organisations')
            .select('id')
            .where('id', '=', toOrganisationId)
            .executeTakeFirst()
        : undefined;
      if (!target) {
        throw fieldError(locale, 'toOrganisationId', 'cases.validation.organisation_unknown');
      }
      if (target.id === row.organisation_id) {
        throw fieldError(locale, 'toOrganisationId', 'cases.referrals.own_organisation');
      }
    } else if (toUserId !== null) {
      const expert = isUuid(toUserId)
        ? await trx
            .selectFrom('memberships')
            .innerJoin('users', 'users.id', 'memberships.user_id')
            .select('users.id')
            .where('memberships.user_id', '=', toUserId)
            .where('memberships.role', '=', 'legal_expert')
            .where('users.disabled_at', 'is', null)
            .executeTakeFirst()
        : undefined;
      if (!expert) throw fieldError(locale, 'toUserId', 'cases.referrals.not_legal_expert');
    }
    const open = await trx
      .selectFrom('case_referrals')
      .select('id')
      .where('case_id', '=', caseId)
      .where('status', 'in', ['pending', 'accepted'])
      .where(
        toOrganisationId !== null ? 'to_organisation_id' : 'to_user_id',
        '=',
        (toOrganisationId ?? toUserId)!,
      )
      .executeTakeFirst();
    if (open) {
      throw new AppError('conflict', {
        fields: [
          {
            field: toOrganisationId !== null ? 'toOrganisationId' : 'toUserId',
            message: translate(locale, 'cases.referrals.already_open'),
          },
        ],
      });
    }
    const id = randomUUID();
    await trx
      .insertInto('case_referrals')
      .values({
        id,
        case_id: caseId,
        from_organisation_id: row.organisation_id,
        to_organisation_id: toOrganisationId,
        to_user_id: toUserId,
        shares: body.shares,
        note_enc: seal(config.masterKeys, 'case_referrals', 'note_enc', id, body.note),
        created_by: actor.id,
        created_at: now,
      })
      .execute();
    await recordCaseEvent(trx, config, {
      caseId,
      kind: 'referral_sent',
      actorUserId: actor.id,
      at: now,
      details: { referralId: id, toOrganisationId, toUserId, shares: body.shares },
    });
    return { id };
  });
}

export type ReferralStep = 'accept' | 'decline' | 'revoke';

const stepStatus = { accept: 'accepted', decline: 'declined', revoke: 'revoked' } as const;

/**
 * Moves a referral on. The receiver (the named expert, or the receiving organisation's team or
 * experts) accepts or declines a pending one; the sending team revokes a pending or accepted
 * one. Anyone else gets 404, like a referral that does not exist.
 */
export async function replyToReferral(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  rawReferralId: string,
  step: ReferralStep,
  reason: string | null,
  locale: Locale,
  now = new Date(),
): Promise<{ id: string; status: string }> {
  if (!isUuid(rawReferralId)) throw notFound();
  const referralId = rawReferralId.toLowerCase();
  return db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId, undefined, locale, actor, 'any');
    const referral = await trx
      .selectFrom('case_referrals')
      .select(['id', 'status', 'to_organisation_id', 'to_user_id'])
      .where('id', '=', referralId)
      .where('case_id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!referral) throw notFound();
    const addressed =
      caseAccess(actor, {
        organisationId: null,
        openReferrals: [
          { toOrganisationId: referral.to_organisation_id, toUserId: referral.to_user_id },
        ],
      }) === 'referral';
    const team = caseTeamOrganisations(actor).includes(row.organisation_id ?? '');
    if (step === 'revoke' ? !team : !addressed) throw notFound();
    const from = referral.status;
    const allowed =
      step === 'revoke' ? from === 'pending' || from === 'accepted' : from === 'pending';
    if (!allowed) {
      throw new AppError('conflict', {
        fields: [{ field: 'status', message: translate(locale, 'cases.referrals.not_open') }],
      });
    }
    if (step === 'accept') await requireSharingConsent(trx, caseId, locale);
    const status = stepStatus[step];
    await trx
      .updateTable('case_referrals')
      .set({
        status,
        status_reason_enc: seal(
          config.masterKeys,
          'case_referrals',
          'status_reason_enc',
          referralId,
          reason,
        ),
        responded_by: actor.id,
        responded_at: now,
      })
      .where('id', '=', referralId)
      .execute();
    await recordCaseEvent(trx, config, {
      caseId,
      kind: `referral_${status}`,
      actorUserId: actor.id,
      at: now,
      details: { referralId, from, to: status },
      body: reason,
    });
    return { id: referralId, status };
  });
}
