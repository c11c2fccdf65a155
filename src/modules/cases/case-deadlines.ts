import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { defaultRemindOn } from '../../core/cases/reminder-date.ts';
import { localDate } from '../../core/cases/working-days.ts';
import { notFound } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { isAssignable } from './assignable-users.ts';
import { fieldError, isUuid } from './case-access.ts';
import { recordCaseEvent } from './case-events.ts';
import { caseSettingsOf } from './case-settings.ts';
import { lockCase } from './lock-case.ts';
import { seal, unseal } from './sealed-fields.ts';
import type { DeadlineBody } from './timeline-schemas.ts';

/**
 * Sets a deadline on a case (a legal time limit, a promised call back) with a reminder by
 * e-mail to the person who has to meet it, a member of the case's team. The reminder defaults
 * to two working days before the deadline. The title is sealed to the deadline's row.
 */
export async function addDeadline(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  body: DeadlineBody,
  locale: Locale,
  now = new Date(),
): Promise<{ id: string; remindOn: string }> {
  const today = localDate(now, caseSettingsOf(config).timeZone);
  if (body.dueOn < today) throw fieldError(locale, 'dueOn', 'cases.validation.date_in_past');
  const remindOn = body.remindOn ?? defaultRemindOn(body.dueOn, today);
  if (remindOn > body.dueOn) {
    throw fieldError(locale, 'remindOn', 'cases.deadlines.remind_after_due');
  }
  return db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId, undefined, locale, actor);
    // The people the case itself can be given to: they can open it to meet the deadline.
    if (!(await isAssignable(trx, body.assigneeUserId, row.organisation_id))) {
      throw fieldError(locale, 'assigneeUserId', 'cases.validation.assignee_invalid');
    }
    const assigneeId = body.assigneeUserId.toLowerCase();
    const id = randomUUID();
    await trx
      .insertInto('case_deadlines')
      .values({
        id,
        case_id: caseId,
        title_enc: seal(config.masterKeys, 'case_deadlines', 'title_enc', id, body.title),
        due_on: body.dueOn,
        remind_on: remindOn,
        assignee_user_id: assigneeId,
        created_by: actor.id,
        created_at: now,
      })
      .execute();
    await recordCaseEvent(trx, config, {
      caseId,
      kind: 'deadline_added',
      actorUserId: actor.id,
      at: now,
      details: { deadlineId: id, dueOn: body.dueOn, remindOn, assigneeUserId: assigneeId },
    });
    return { id, remindOn };
  });
}

/** Marks a deadline met, or not met after all (a reminder already sent is not sent again). */
export async function setDeadlineDone(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  rawId: string,
  done: boolean,
  locale: Locale,
  now = new Date(),
): Promise<{ id: string; done: boolean; changed: boolean }> {
  if (!isUuid(rawId)) throw notFound();
  const id = rawId.toLowerCase();
  return db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId, undefined, locale, actor);
    const deadline = await trx
      .selectFrom('case_deadlines')
      .select(['id', 'done_at'])
      .where('id', '=', id)
      .where('case_id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!deadline) throw notFound();
    if ((deadline.done_at !== null) === done) return { id, done, changed: false };
    await trx
      .updateTable('case_deadlines')
      .set({ done_at: done ? now : null })
      .where('id', '=', id)
      .execute();
    await recordCaseEvent(trx, config, {
      caseId,
      kind: done ? 'deadline_done' : 'deadline_reopened',
      actorUserId: actor.id,
      at: now,
      details: { deadlineId: id },
    });
    return { id, done, changed: true };
  });
}

export interface CaseDeadlineView {
  id: string;
  title: string | null;
  dueOn: string;
  remindOn: string;
  assignee: { id: string; displayName: string } | null;
  doneAt: string | null;
  remindedAt: string | null;
}

/** The deadlines of a case, soonest first, titles decrypted. */
export async function listDeadlines(
  db: Kysely<DB>,
  config: Config,
  caseId: string,
): Promise<CaseDeadlineView[]> {
  const rows = await db
    .selectFrom('case_deadlines')
    .leftJoin('users', 'users.id', 'case_deadlines.assignee_user_id')
    .select([
      'case_deadlines.id',
      'case_deadlines.title_enc',
      'case_deadlines.due_on',
      'case_deadlines.remind_on',
      'case_deadlines.assignee_user_id',
      'users.display_name',
      'case_deadlines.done_at',
      'case_deadlines.reminded_at',
    ])
    .where('case_deadlines.case_id', '=', caseId)
    .orderBy('case_deadlines.due_on')
    .orderBy('case_deadlines.created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: unseal(config.masterKeys, 'case_deadlines', 'title_enc', row.id, row.title_enc),
    dueOn: row.due_on,
    remindOn: row.remind_on,
    assignee:
      row.assignee_user_id && row.display_name
        ? { id: row.assignee_user_id, displayName: row.display_name }
        : null,
    doneAt: row.done_at?.toISOString() ?? null,
    remindedAt: row.reminded_at?.toISOString() ?? null,
  }));
}
