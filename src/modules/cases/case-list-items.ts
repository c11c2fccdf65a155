import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { CaseStatus } from '../../core/cases/workflow.ts';
import { localDate } from '../../core/cases/working-days.ts';
import { caseTeamOrganisations, type Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { overdueFlags, type OverdueFlags } from './case-clock.ts';
import { caseSettingsOf } from './case-settings.ts';
import { sharesFingerprint } from './fingerprint-match.ts';

/** A row of the queue: only what is stored in clear, nothing decrypted. */
export interface CaseListItem {
  id: string;
  reference: string;
  title: string | null;
  status: CaseStatus;
  channel: string;
  receivedAt: string;
  acknowledgeDueOn: string;
  takeInChargeDueOn: string;
  overdue: OverdueFlags;
  organisation: { id: string; name: string } | null;
  helpDesk: { id: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
  grounds: string[] | null;
  domains: string[] | null;
  intersectional: boolean | null;
  /** Another live case shares a fingerprint and nobody has linked the two yet (team only). */
  possibleDuplicate: boolean | null;
  access: 'team' | 'referral';
}

/**
 * Organisations whose referrals reach the actor, as `caseAccess` reads them: those whose cases
 * they work (operator, node coordinator) or advise on (legal expert). An analyst or auditor
 * membership receives nothing.
 */
export function referralReceivingOrganisations(actor: Actor): string[] {
  return [
    ...new Set(
      actor.memberships
        .filter((membership) =>
          ['operator', 'node_coordinator', 'legal_expert'].includes(membership.role),
        )
        .map((membership) => membership.organisationId),
    ),
  ];
}

/**
 * The rows of one page, in the page's order. A case the actor sees through a referral shows
 * its codes only when the referral shares the classification, and never its assignee.
 */
export async function loadListItems(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  ids: string[],
  now: Date,
): Promise<CaseListItem[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .leftJoin('organisations', 'organisations.id', 'cases.organisation_id')
    .leftJoin('help_desks', 'help_desks.id', 'cases.help_desk_id')
    .leftJoin('users', 'users.id', 'cases.assignee_user_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.title',
      'cases.status',
      'cases.channel',
      'cases.received_at',
      'cases.acknowledge_due_on',
      'cases.take_in_charge_due_on',
      'cases.taken_in_charge_at',
      'cases.organisation_id',
      'organisations.name as organisation_name',
      'cases.help_desk_id',
      'help_desks.name as help_desk_name',
      'cases.assignee_user_id',
      'users.display_name as assignee_name',
      'cases.ground_codes',
      'cases.domain_codes',
      'cases.intersectional',
    ])
    .where('cases.id', 'in', ids)
    .execute();
  const team = new Set(caseTeamOrganisations(actor));
  const referralOnly = rows.filter(
    (row) => row.organisation_id === null || !team.has(row.organisation_id),
  );
  const classificationShared = new Set<string>();
  if (referralOnly.length > 0) {
    const organisations = referralReceivingOrganisations(actor);
    const referrals = await db
      .selectFrom('case_referrals')
      .select('case_id')
      .where(
        'case_id',
        'in',
        referralOnly.map((row) => row.id),
      )
      .where('status', 'in', ['pending', 'accepted'])
      .where((eb) =>
        eb.or([
          eb('to_user_id', '=', actor.id),
          ...(organisations.length > 0 ? [eb('to_organisation_id', 'in', organisations)] : []),
        ]),
      )
      .where((eb) => eb(eb.val('classification'), '=', eb.fn.any('shares')))
      .execute();
    for (const referral of referrals) classificationShared.add(referral.case_id);
  }
  const duplicated = await withUnlinkedDuplicates(
    db,
    rows.filter((row) => row.organisation_id !== null && team.has(row.organisation_id)),
    [...team],
  );
  const today = localDate(now, caseSettingsOf(config).timeZone);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const isTeam = row.organisation_id !== null && team.has(row.organisation_id);
    const codes = isTeam || classificationShared.has(row.id);
    return [
      {
        id: row.id,
        reference: row.reference,
        title: row.title,
        status: row.status,
        channel: row.channel,
        receivedAt: row.received_at.toISOString(),
        acknowledgeDueOn: row.acknowledge_due_on,
        takeInChargeDueOn: row.take_in_charge_due_on,
        overdue: overdueFlags(
          {
            status: row.status,
            acknowledgeDueOn: row.acknowledge_due_on,
            takeInChargeDueOn: row.take_in_charge_due_on,
            takenInChargeAt: row.taken_in_charge_at,
          },
          today,
        ),
        organisation:
          row.organisation_id && row.organisation_name
            ? { id: row.organisation_id, name: row.organisation_name }
            : null,
        helpDesk:
          row.help_desk_id && row.help_desk_name
            ? { id: row.help_desk_id, name: row.help_desk_name }
            : null,
        assignee:
          isTeam && row.assignee_user_id && row.assignee_name
            ? { id: row.assignee_user_id, displayName: row.assignee_name }
            : null,
        grounds: codes ? row.ground_codes : null,
        domains: codes ? row.domain_codes : null,
        intersectional: codes ? row.intersectional : null,
        possibleDuplicate: isTeam ? duplicated.has(row.id) : null,
        access: isTeam ? 'team' : 'referral',
      },
    ];
  });
}

/**
 * Which of the page's cases share a fingerprint with another live case of the reader's own
 * teams they are not linked to. Matches at other desks are left to the possible-duplicates
 * lookup, which withholds what a fresh case could probe and audits every lookup: a flag in the
 * queue would tell at once, unaudited, that a typed-in e-mail was reported elsewhere.
 * One query for the whole page, each probe an index lookup (the primary key for the page's
 * rows, the three partial fingerprint indexes for the other cases, the links' primary key for
 * the pair), so the queue's cost still follows the page size.
 */
async function withUnlinkedDuplicates(
  db: Kysely<DB>,
  rows: readonly { id: string }[],
  teamOrganisations: readonly string[],
): Promise<Set<string>> {
  if (rows.length === 0 || teamOrganisations.length === 0) return new Set();
  const found = await db
    .selectFrom('cases as mine')
    .select('mine.id')
    .where(
      'mine.id',
      'in',
      rows.map((row) => row.id),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('cases as other')
          .select('other.id')
          .where(sharesFingerprint('mine', 'other'))
          .whereRef('other.id', '<>', 'mine.id')
          .where('other.erased_at', 'is', null)
          .where('other.organisation_id', 'in', teamOrganisations)
          .where((inner) =>
            inner.not(
              inner.exists(
                inner
                  .selectFrom('case_links')
                  .select('case_links.case_id')
                  // Stored once per pair, smaller id first.
                  .where(
                    sql<boolean>`(case_links.case_id, case_links.linked_case_id) =
                      (least(mine.id, other.id), greatest(mine.id, other.id))`,
                  ),
              ),
            ),
          ),
      ),
    )
    .execute();
  return new Set(found.map((row) => row.id));
}
