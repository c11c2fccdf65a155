import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { localDate } from '../../core/cases/working-days.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { fieldError } from './case-access.ts';
import { recordCaseEvent } from './case-events.ts';
import { caseSettingsOf } from './case-settings.ts';
import { lockCase } from './lock-case.ts';
import { seal, unseal } from './sealed-fields.ts';
import type { ActionBody, NoteBody } from './timeline-schemas.ts';

/** A note on the timeline: its text sealed in the event's body, the details empty. */
export async function addNote(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  body: NoteBody,
  locale: Locale,
  now = new Date(),
): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId, undefined, locale, actor);
    const id = await recordCaseEvent(trx, config, {
      caseId,
      kind: 'note',
      actorUserId: actor.id,
      at: now,
      details: {},
      body: body.body,
    });
    return { id: String(id) };
  });
}

/**
 * Records something the desk did (listening, a letter, a complaint…) on the day it was done:
 * a day still to come is a plan, which belongs in a deadline. The outcome is sealed to the
 * action's row; the timeline event says only which action and of what kind.
 */
export async function addAction(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  body: ActionBody,
  locale: Locale,
  now = new Date(),
): Promise<{ id: string }> {
  const today = localDate(now, caseSettingsOf(config).timeZone);
  if (body.doneOn > today) throw fieldError(locale, 'doneOn', 'cases.validation.date_in_future');
  return db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId, undefined, locale, actor);
    const id = randomUUID();
    await trx
      .insertInto('case_actions')
      .values({
        id,
        case_id: caseId,
        kind: body.kind,
        done_on: body.doneOn,
        actor_user_id: actor.id,
        outcome_enc: seal(config.masterKeys, 'case_actions', 'outcome_enc', id, body.outcome),
        created_at: now,
      })
      .execute();
    await recordCaseEvent(trx, config, {
      caseId,
      kind: 'action',
      actorUserId: actor.id,
      at: now,
      details: { actionId: id, actionKind: body.kind, doneOn: body.doneOn },
    });
    return { id };
  });
}

export interface CaseActionView {
  id: string;
  kind: string;
  doneOn: string;
  actor: { id: string; displayName: string } | null;
  outcome: string | null;
  createdAt: string;
}

/** The actions of a case, in the order they were done, outcomes decrypted. */
export async function listActions(
  db: Kysely<DB>,
  config: Config,
  caseId: string,
): Promise<CaseActionView[]> {
  const rows = await db
    .selectFrom('case_actions')
    .leftJoin('users', 'users.id', 'case_actions.actor_user_id')
    .select([
      'case_actions.id',
      'case_actions.kind',
      'case_actions.done_on',
      'case_actions.actor_user_id',
      'users.display_name',
      'case_actions.outcome_enc',
      'case_actions.created_at',
    ])
    .where('case_actions.case_id', '=', caseId)
    .orderBy('case_actions.done_on')
    .orderBy('case_actions.created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    doneOn: row.done_on,
    actor:
      row.actor_user_id && row.display_name
        ? { id: row.actor_user_id, displayName: row.display_name }
        : null,
    outcome: unseal(config.masterKeys, 'case_actions', 'outcome_enc', row.id, row.outcome_enc),
    createdAt: row.created_at.toISOString(),
  }));
}
