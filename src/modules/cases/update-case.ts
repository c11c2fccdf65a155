import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { isAssignable } from './assignable-users.ts';
import { fieldError } from './case-access.ts';
import { recordCaseEvent } from './case-events.ts';
import { municipalityExists } from './intake-case.ts';
import { lockCase } from './lock-case.ts';
import type { UpdateCaseBody } from './schemas.ts';

/**
 * Changes the working fields of a case: its title, assignee, when and where it happened.
 * Answers the names of the fields that changed (the event and the audit row hold only those).
 */
export async function updateCase(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  body: UpdateCaseBody,
  locale: Locale,
  now = new Date(),
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId, body.rowVersion, locale, actor);
    const set: {
      title?: string | null;
      assignee_user_id?: string | null;
      occurred_on?: string | null;
      occurred_precision?: 'day' | 'month' | 'year' | null;
      municipality_code?: string | null;
    } = {};
    if (body.title !== undefined && body.title !== row.title) set.title = body.title;
    if (body.assigneeUserId !== undefined && body.assigneeUserId !== row.assignee_user_id) {
      const assignee = body.assigneeUserId;
      if (assignee !== null && !(await isAssignable(trx, assignee, row.organisation_id))) {
        throw fieldError(locale, 'assigneeUserId', 'cases.validation.assignee_invalid');
      }
      set.assignee_user_id = assignee;
    }
    if (body.occurredOn !== undefined || body.occurredPrecision !== undefined) {
      const occurredOn = body.occurredOn === undefined ? row.occurred_on : body.occurredOn;
      let precision =
        body.occurredPrecision === undefined ? row.occurred_precision : body.occurredPrecision;
      if (occurredOn === null && body.occurredPrecision) {
        throw fieldError(locale, 'occurredOn', 'cases.validation.occurred_together');
      }
      if (occurredOn === null) precision = null;
      else precision ??= 'day';
      if (occurredOn !== row.occurred_on) set.occurred_on = occurredOn;
      if (precision !== row.occurred_precision) set.occurred_precision = precision;
    }
    if (body.municipalityCode !== undefined) {
      const code = body.municipalityCode?.trim() || null;
      if (code !== null && !(await municipalityExists(trx, code))) {
        throw fieldError(locale, 'municipalityCode', 'cases.validation.municipality_unknown');
      }
      if (code !== row.municipality_code) set.municipality_code = code;
    }
    const fieldNames: Record<string, string> = {
      title: 'title',
      assignee_user_id: 'assigneeUserId',
      occurred_on: 'occurredOn',
      occurred_precision: 'occurredPrecision',
      municipality_code: 'municipalityCode',
    };
    const fields = Object.keys(set).map((column) => fieldNames[column] ?? column);
    if (fields.length === 0) return [];
    await trx
      .updateTable('cases')
      .set({ ...set, row_version: row.row_version + 1, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await recordCaseEvent(trx, config, {
      caseId: row.id,
      kind: 'updated',
      actorUserId: actor.id,
      at: now,
      details: {
        fields,
        ...(set.assignee_user_id !== undefined ? { assigneeUserId: set.assignee_user_id } : {}),
      },
    });
    return fields;
  });
}
