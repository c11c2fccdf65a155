import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { checkHelpDesk } from './check-help-desk.ts';
import { diffStates, type Changes, type HelpDeskState } from './help-desk-state.ts';
import { loadHelpDeskState } from './load-help-desk.ts';

/** Who changes a desk and in which language field errors are worded. */
export interface ActionContext {
  actor: { userId: string | null; label: string };
  locale: Locale;
}

/** PostgreSQL's unique_violation, raised the same way by the pg driver and by PGlite. */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  );
}

function nameTaken(locale: Locale, cause: unknown): AppError {
  return new AppError('conflict', {
    fields: [{ field: 'name', message: translate(locale, 'network.validation.name_taken') }],
    cause,
  });
}

export function columns(state: HelpDeskState) {
  return {
    organisation_id: state.organisationId,
    name: state.name,
    description: state.description,
    municipality_code: state.municipalityCode,
    address: state.address,
    postal_code: state.postalCode,
    latitude: state.latitude,
    longitude: state.longitude,
    phone: state.phone,
    email: state.email,
    website: state.website,
    online_url: state.onlineUrl,
    channels: state.channels,
    services: state.services,
    languages: state.languages,
    accessibility: state.accessibility,
    access_mode: state.accessMode,
    opening_hours: JSON.stringify(state.openingHours),
    status: state.status,
  };
}

export async function replaceCompetent(trx: Kysely<DB>, id: string, codes: readonly string[]) {
  await trx.deleteFrom('help_desk_municipalities').where('help_desk_id', '=', id).execute();
  await trx
    .insertInto('help_desk_municipalities')
    .values(codes.map((code) => ({ help_desk_id: id, municipality_code: code })))
    .execute();
}

/**
 * The history row coordinators see and the audit row auditors see, in the caller's
 * transaction: neither exists without the change, nor the change without them. The audit row
 * names the changed fields, never their values.
 */
async function record(
  trx: Kysely<DB>,
  context: ActionContext,
  id: string,
  kind: 'created' | 'updated' | 'status_changed',
  changes: Changes,
  action: string,
): Promise<void> {
  await trx
    .insertInto('network_history')
    .values({
      entity_type: 'help_desk',
      entity_id: id,
      changed_by: context.actor.userId,
      change_kind: kind,
      changes: JSON.stringify(changes),
    })
    .execute();
  await appendAudit(trx, {
    actorUserId: context.actor.userId,
    actorLabel: context.actor.label,
    action,
    targetType: 'help_desk',
    targetId: id,
    details: { fields: Object.keys(changes) },
  });
}

/** Creates a desk with its competent municipalities, history and `help_desks.created` audit. */
export async function createHelpDesk(
  db: Kysely<DB>,
  state: HelpDeskState,
  context: ActionContext,
): Promise<string> {
  try {
    return await db.transaction().execute(async (trx) => {
      await checkHelpDesk(trx, state, context.locale);
      const { id } = await trx
        .insertInto('help_desks')
        .values(columns(state))
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceCompetent(trx, id, state.competentMunicipalityCodes);
      await record(trx, context, id, 'created', diffStates(null, state), 'help_desks.created');
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(context.locale, error);
    throw error;
  }
}

/**
 * Applies a change to a desk. The desk is locked and read inside the transaction, so the
 * history's `from` values are those the change replaced even under concurrent edits; `change`
 * checks the caller's rights on that state (throwing to refuse) and returns the new state.
 * Only changed fields are written to the history; a change of nothing writes neither history
 * nor data (the route's own audit row still records the request). Returns the changed field
 * names, or undefined when there is no such desk.
 */
export async function updateHelpDesk(
  db: Kysely<DB>,
  id: string,
  change: (before: HelpDeskState) => HelpDeskState,
  context: ActionContext,
): Promise<string[] | undefined> {
  try {
    return await db.transaction().execute(async (trx) => {
      const locked = await trx
        .selectFrom('help_desks')
        .select('id')
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      const before = locked ? await loadHelpDeskState(trx, id) : undefined;
      if (!before) return undefined;
      const after = change(before);
      const changes = diffStates(before, after);
      const fields = Object.keys(changes);
      if (fields.length === 0) return fields;
      await checkHelpDesk(trx, after, context.locale);
      await trx
        .updateTable('help_desks')
        .set({ ...columns(after), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      if (changes.competentMunicipalityCodes) {
        await replaceCompetent(trx, id, after.competentMunicipalityCodes);
      }
      const kind = fields.length === 1 && changes.status ? 'status_changed' : 'updated';
      await record(trx, context, id, kind, changes, 'help_desks.updated');
      return fields;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(context.locale, error);
    throw error;
  }
}
