import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { appendAudit } from '../audit/append-audit.ts';
import type { Changes } from './organisation-state.ts';

/** Who changes the network map and in which language field errors are worded. */
export interface ActionContext {
  actor: { userId: string | null; label: string };
  locale: Locale;
}

/**
 * Writes the history row coordinators see beside the record and the audit row auditors see,
 * in the caller's transaction so neither can exist without the change (nor the change without
 * them). The audit row names the changed fields only, never their values.
 */
export async function recordChange(
  trx: Kysely<DB>,
  context: ActionContext,
  change: {
    organisationId: string;
    changeKind: 'created' | 'updated' | 'status_changed';
    changes: Changes;
    action: string;
  },
): Promise<void> {
  await trx
    .insertInto('network_history')
    .values({
      entity_type: 'organisation',
      entity_id: change.organisationId,
      changed_by: context.actor.userId,
      change_kind: change.changeKind,
      changes: JSON.stringify(change.changes),
    })
    .execute();
  await appendAudit(trx, {
    actorUserId: context.actor.userId,
    actorLabel: context.actor.label,
    action: change.action,
    targetType: 'organisation',
    targetId: change.organisationId,
    details: { changeKind: change.changeKind, fields: Object.keys(change.changes).sort() },
  });
}
