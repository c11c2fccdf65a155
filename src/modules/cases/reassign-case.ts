import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { fieldError, isUuid } from './case-access.ts';
import { recordCaseEvent } from './case-events.ts';
import { lockCase } from './lock-case.ts';
import type { ReassignBody } from './schemas.ts';

export interface Queue {
  organisationId: string;
  helpDeskId: string | null;
}

async function targetQueue(db: Kysely<DB>, body: ReassignBody, locale: Locale): Promise<Queue> {
  const helpDeskId = body.helpDeskId ?? null;
  const organisationId = body.organisationId ?? null;
  if ((helpDeskId === null) === (organisationId === null)) {
    throw new AppError('validation_failed', {
      fields: [
        { field: 'helpDeskId', message: translate(locale, 'cases.validation.queue_required') },
      ],
    });
  }
  if (helpDeskId !== null) {
    const desk = isUuid(helpDeskId)
      ? await db
          .selectFrom('help_desks')
          .innerJoin('organisations', 'organisations.id', 'help_desks.organisation_id')
          .select(['help_desks.id', 'help_desks.organisation_id'])
          .where('help_desks.id', '=', helpDeskId)
          .where('help_desks.status', '=', 'active')
          .where('organisations.status', '=', 'active')
          .executeTakeFirst()
      : undefined;
    if (!desk) throw fieldError(locale, 'helpDeskId', 'cases.validation.help_desk_unknown');
    return { organisationId: desk.organisation_id, helpDeskId: desk.id };
  }
  const organisation =
    organisationId !== null && isUuid(organisationId)
      ? await db
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', organisationId)
          .where('status', '=', 'active')
          .executeTakeFirst()
      : undefined;
  if (!organisation) {
    throw fieldError(locale, 'organisationId', 'cases.validation.organisation_unknown');
  }
  return { organisationId: organisation.id, helpDeskId: null };
}

/**
 * A coordinator moves a case to another desk or to an organisation's queue, with a reason (sealed
 * in the event). The response-time targets stay as they were: moving a case does not buy time.
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
  const to = await targetQueue(db, body, locale);
  return db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId, body.rowVersion, locale);
    const from = { organisationId: row.organisation_id ?? '', helpDeskId: row.help_desk_id };
    if (from.organisationId === to.organisationId && from.helpDeskId === to.helpDeskId) {
      throw fieldError(
        locale,
        to.helpDeskId ? 'helpDeskId' : 'organisationId',
        'cases.validation.same_queue',
      );
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
