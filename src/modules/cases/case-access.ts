import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../core/errors.ts';
import { caseAccess, type Actor, type CaseAccess, type CaseScope } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** The parts of a case a referral can share with its receiver. */
export const referralShares = [
  'narrative',
  'contact',
  'documents',
  'classification',
  'notes',
] as const;
export type ReferralShare = (typeof referralShares)[number];

export interface CaseAccessGrant {
  caseId: string;
  access: Exclude<CaseAccess, null>;
  scope: CaseScope;
  /** What the actor's own open referrals share (empty for the team, who see everything). */
  shares: ReferralShare[];
}

/** Who may see the case: its queue's organisation and its pending or accepted referrals. */
export async function loadCaseScope(
  db: Kysely<DB>,
  caseId: string,
): Promise<(CaseScope & { referrals: ScopedReferral[] }) | null> {
  if (!isUuid(caseId)) return null;
  const row = await db
    .selectFrom('cases')
    .select('organisation_id')
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const referrals = await db
    .selectFrom('case_referrals')
    .select(['to_organisation_id', 'to_user_id', 'shares'])
    .where('case_id', '=', caseId)
    .where('status', 'in', ['pending', 'accepted'])
    .execute();
  const open = referrals.map((referral) => ({
    toOrganisationId: referral.to_organisation_id,
    toUserId: referral.to_user_id,
    shares: referral.shares,
  }));
  return { organisationId: row.organisation_id, openReferrals: open, referrals: open };
}

interface ScopedReferral {
  toOrganisationId: string | null;
  toUserId: string | null;
  shares: string[];
}

/**
 * The access the actor has to a case, or a 404 exactly like a missing case. `team` asks for
 * the team's access (to change the case); `any` accepts a referral's limited view too.
 */
export async function requireCaseAccess(
  db: Kysely<DB>,
  actor: Actor,
  rawId: string,
  needed: 'team' | 'any',
): Promise<CaseAccessGrant> {
  const caseId = rawId.toLowerCase();
  const scope = await loadCaseScope(db, caseId);
  if (!scope) throw notFound();
  const access = caseAccess(actor, scope);
  if (access === null || (needed === 'team' && access !== 'team')) throw notFound();
  const shares = new Set<ReferralShare>();
  if (access === 'referral') {
    for (const referral of scope.referrals) {
      // Only the referrals addressed to this actor open parts of the case to them.
      const single = caseAccess(actor, { organisationId: null, openReferrals: [referral] });
      if (single !== 'referral') continue;
      for (const share of referral.shares) {
        if ((referralShares as readonly string[]).includes(share)) {
          shares.add(share as ReferralShare);
        }
      }
    }
  }
  return {
    caseId,
    access,
    scope: { organisationId: scope.organisationId, openReferrals: scope.openReferrals },
    shares: [...shares],
  };
}

/** 409 for a request based on an older version of the case than the stored one. */
export function staleVersion(locale: Locale): AppError {
  return new AppError('conflict', {
    fields: [{ field: 'rowVersion', message: translate(locale, 'cases.validation.stale') }],
  });
}

export function fieldError(locale: Locale, field: string, key: string, values = {}): AppError {
  return new AppError('validation_failed', {
    fields: [{ field, message: translate(locale, key, values) }],
  });
}
