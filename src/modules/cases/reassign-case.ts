import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { consentForMove, hasConsent } from '../../core/cases/consent.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { canReassignCase, caseTeamRoles, type Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { fieldError, isUuid } from './case-access.ts';
import { loadCaseConsents } from './case-consents.ts';
import { recordCaseEvent } from './case-events.ts';
import { lockCase } from './lock-case.ts';
import type { ReassignBody } from './schemas.ts';

export interface Queue {
  organisationId: string;
  helpDeskId: string | null;
}

interface Target extends Queue {
  /** The field the person filled in, named in every refusal. */
  field: 'helpDeskId' | 'organisationId';
  coordination: boolean;
}

/** A current member of the network (joined, not left), active. */
function inNetwork(eb: ExpressionBuilder<DB, 'organisations'>) {
  return eb.and([
    eb('organisations.status', '=', 'active'),
    eb('organisations.network_role', 'is not', null),
    eb.or([
      eb('organisations.network_joined_on', 'is', null),
      eb('organisations.network_joined_on', '<=', sql<string>`current_date`),
    ]),
    eb.or([
      eb('organisations.network_left_on', 'is', null),
      eb('organisations.network_left_on', '>', sql<string>`current_date`),
    ]),
  ]);
}

/**
 * The queue a case may be moved to: an active desk of, or the queue of, an organisation that is
 * a current member of the network and has someone to work it (an active operator or
 * coordinator), so a case never lands where nobody can open it.
 */
async function targetQueue(db: Kysely<DB>, body: ReassignBody, locale: Locale): Promise<Target> {
  const helpDeskId = body.helpDeskId ?? null;
  const organisationId = body.organisationId ?? null;
  if ((helpDeskId === null) === (organisationId === null)) {
    throw new AppError('validation_failed', {
      fields: [
        { field: 'helpDeskId', message: translate(locale, 'cases.validation.queue_required') },
      ],
    });
  }
  const field = helpDeskId !== null ? 'helpDeskId' : 'organisationId';
  const id = (helpDeskId ?? organisationId)!;
  let query = db
    .selectFrom('organisations')
    .select(['organisations.id', 'organisations.network_role'])
    .where(inNetwork);
  let deskId: string | null = null;
  if (helpDeskId !== null) {
    const desk = isUuid(helpDeskId)
      ? await db
          .selectFrom('help_desks')
          .select(['id', 'organisation_id'])
          .where('id', '=', helpDeskId)
          .where('status', '=', 'active')
          .executeTakeFirst()
      : undefined;
    if (!desk) throw fieldError(locale, field, 'cases.validation.help_desk_unknown');
    deskId = desk.id;
    query = query.where('organisations.id', '=', desk.organisation_id);
  } else {
    if (!isUuid(id)) throw fieldError(locale, field, 'cases.validation.organisation_unknown');
    query = query.where('organisations.id', '=', id);
  }
  const organisation = await query.executeTakeFirst();
  if (!organisation) throw fieldError(locale, field, 'cases.validation.queue_not_in_network');
  const team = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.organisation_id', '=', organisation.id)
    .where('memberships.role', 'in', caseTeamRoles)
    .where('users.disabled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (!team) throw fieldError(locale, field, 'cases.validation.queue_without_team');
  return {
    organisationId: organisation.id,
    helpDeskId: deskId,
    field,
    coordination: organisation.network_role === 'lead_partner',
  };
}

/**
 * A coordinator moves a case to another desk or to an organisation's queue of the network, with
 * a reason (sealed in the event), as far as the reporter's consents reach (`consentForMove`). The response-time targets stay as they were: moving a case does not buy time.
 * The assignee is cleared when the case leaves their organisation.
 */
export async function reassignCase(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  body: ReassignBody,
  locale: Locale,
  now = new Date(),
): Promise<{ from: Queue; to: Queue }> {
  const target = await targetQueue(db, body, locale);
  const to: Queue = { organisationId: target.organisationId, helpDeskId: target.helpDeskId };
  return db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId, body.rowVersion, locale, actor);
    // The route checked this before the lock; the case may have moved since.
    if (!canReassignCase(actor, { organisationId: row.organisation_id, openReferrals: [] })) {
      throw notFound();
    }
    const from = { organisationId: row.organisation_id ?? '', helpDeskId: row.help_desk_id };
    if (from.organisationId === to.organisationId && from.helpDeskId === to.helpDeskId) {
      throw fieldError(locale, target.field, 'cases.validation.same_queue');
    }
    const competent =
      to.helpDeskId !== null && row.municipality_code !== null
        ? await trx
            .selectFrom('help_desk_municipalities')
            .select('help_desk_id')
            .where('help_desk_id', '=', to.helpDeskId)
            .where('municipality_code', '=', row.municipality_code)
            .executeTakeFirst()
        : undefined;
    const holder = row.organisation_id
      ? await trx
          .selectFrom('organisations')
          .select('network_role')
          .where('id', '=', row.organisation_id)
          .executeTakeFirst()
      : undefined;
    const needed = consentForMove({
      sameOrganisation: row.organisation_id === to.organisationId,
      fromCoordination: holder?.network_role === 'lead_partner',
      toCoordination: target.coordination,
      competentDesk: competent !== undefined,
    });
    if (!hasConsent(await loadCaseConsents(trx, row.id), needed)) {
      throw fieldError(locale, target.field, `cases.validation.move_needs_${needed}`);
    }
    const leavesOrganisation = row.organisation_id !== to.organisationId;
    await trx
      .updateTable('cases')
      .set({
        organisation_id: to.organisationId,
        help_desk_id: to.helpDeskId,
        ...(leavesOrganisation ? { assignee_user_id: null } : {}),
        row_version: row.row_version + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    await recordCaseEvent(trx, config, {
      caseId: row.id,
      kind: 'reassigned',
      actorUserId: actor.id,
      at: now,
      details: { from, to },
      body: body.reason,
    });
    return { from, to };
  });
}
