import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { unseal } from './sealed-fields.ts';

type Status = 'pending' | 'accepted' | 'declined' | 'revoked';

export interface IncomingReferral {
  id: string;
  caseId: string;
  reference: string;
  caseStatus: string;
  status: Status;
  shares: string[];
  fromOrganisation: { id: string; name: string } | null;
  note: string | null;
  createdAt: string;
}

/**
 * The receiver's inbox: open referrals addressed to the person or to an organisation whose
 * cases or legal questions they work, pending ones first. The sender's note is meant for them.
 */
export async function listIncomingReferrals(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
): Promise<IncomingReferral[]> {
  const organisations = actor.memberships
    .filter((membership) =>
      ['operator', 'node_coordinator', 'legal_expert'].includes(membership.role),
    )
    .map((membership) => membership.organisationId);
  const rows = await db
    .selectFrom('case_referrals')
    .innerJoin('cases', 'cases.id', 'case_referrals.case_id')
    .leftJoin('organisations', 'organisations.id', 'case_referrals.from_organisation_id')
    .select([
      'case_referrals.id',
      'case_referrals.case_id',
      'cases.reference',
      'cases.status as case_status',
      'case_referrals.status',
      'case_referrals.shares',
      'case_referrals.from_organisation_id',
      'organisations.name as from_name',
      'case_referrals.note_enc',
      'case_referrals.created_at',
    ])
    .where('case_referrals.status', 'in', ['pending', 'accepted'])
    .where('cases.erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('case_referrals.to_user_id', '=', actor.id),
        ...(organisations.length > 0
          ? [eb('case_referrals.to_organisation_id', 'in', organisations)]
          : []),
      ]),
    )
    .orderBy(sql`case when case_referrals.status = 'pending' then 0 else 1 end`)
    .orderBy('case_referrals.created_at', 'desc')
    .orderBy('case_referrals.id')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    reference: row.reference,
    caseStatus: row.case_status,
    status: row.status,
    shares: row.shares,
    fromOrganisation:
      row.from_organisation_id && row.from_name
        ? { id: row.from_organisation_id, name: row.from_name }
        : null,
    note: unseal(config.masterKeys, 'case_referrals', 'note_enc', row.id, row.note_enc),
    createdAt: row.created_at.toISOString(),
  }));
}

export interface CaseReferralView {
  id: string;
  status: Status;
  shares: string[];
  toOrganisation: { id: string; name: string } | null;
  toUser: { id: string; displayName: string } | null;
  note: string | null;
  statusReason: string | null;
  createdAt: string;
  respondedAt: string | null;
}

/** Every referral of a case, newest first, for its team. */
export async function listCaseReferrals(
  db: Kysely<DB>,
  config: Config,
  caseId: string,
): Promise<CaseReferralView[]> {
  const rows = await db
    .selectFrom('case_referrals')
    .leftJoin('organisations', 'organisations.id', 'case_referrals.to_organisation_id')
    .leftJoin('users', 'users.id', 'case_referrals.to_user_id')
    .select([
      'case_referrals.id',
      'case_referrals.status',
      'case_referrals.shares',
      'case_referrals.to_organisation_id',
      'organisations.name as organisation_name',
      'case_referrals.to_user_id',
      'users.display_name',
      'case_referrals.note_enc',
      'case_referrals.status_reason_enc',
      'case_referrals.created_at',
      'case_referrals.responded_at',
    ])
    .where('case_referrals.case_id', '=', caseId)
    .orderBy('case_referrals.created_at', 'desc')
    .execute();
  const keys = config.masterKeys;
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    shares: row.shares,
    toOrganisation:
      row.to_organisation_id && row.organisation_name
        ? { id: row.to_organisation_id, name: row.organisation_name }
        : null,
    toUser:
      row.to_user_id && row.display_name
        ? { id: row.to_user_id, displayName: row.display_name }
        : null,
    note: unseal(keys, 'case_referrals', 'note_enc', row.id, row.note_enc),
    statusReason: unseal(
      keys,
      'case_referrals',
      'status_reason_enc',
      row.id,
      row.status_reason_enc,
    ),
    createdAt: row.created_at.toISOString(),
    respondedAt: row.responded_at?.toISOString() ?? null,
  }));
}
