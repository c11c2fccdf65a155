import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';

export const auditQuery = z.object({
  action: z.string().max(100).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  targetType: z.string().max(100).optional(),
  targetId: z.string().max(200).optional(),
  actorUserId: z.guid().optional(),
  /** Inclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Exclusive, so consecutive periods never count an event twice. */
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const auditPage = z.object({
  items: z.array(auditEntry),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;

function encodeCursor(id: number): string {
  return Buffer.from(`audit:${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, locale: Locale): number {
  const match = /^audit:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'cursor', message: translate(locale, 'admin.validation.cursor_invalid') }],
    });
  }
  return Number(match[1]);
}

/** One page of the audit trail, newest first (keyset on the id, which only grows). */
export async function listAuditEntries(
  db: Kysely<DB>,
  filters: AuditQuery,
  locale: Locale,
): Promise<AuditPage> {
  let query = db
    .selectFrom('audit_log')
    .select([
      'id',
      'occurred_at',
      'actor_user_id',
      'actor_label',
      'action',
      'outcome',
      'target_type',
      'target_id',
      'details',
    ])
    .orderBy('id', 'desc')
    .limit(filters.limit + 1);
  if (filters.action) query = query.where('action', '=', filters.action);
  if (filters.outcome) query = query.where('outcome', '=', filters.outcome);
  if (filters.targetType) query = query.where('target_type', '=', filters.targetType);
  if (filters.targetId) query = query.where('target_id', '=', filters.targetId);
  if (filters.actorUserId) query = query.where('actor_user_id', '=', filters.actorUserId);
  if (filters.from) query = query.where('occurred_at', '>=', new Date(filters.from));
  if (filters.to) query = query.where('occurred_at', '<', new Date(filters.to));
  if (filters.cursor) query = query.where('id', '<', decodeCursor(filters.cursor, locale));

  const rows = await query.execute();
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at.toISOString(),
      actorUserId: row.actor_user_id,
      actorLabel: row.actor_label,
      action: row.action,
      outcome: row.outcome,
      targetType: row.target_type,
      targetId: row.target_id,
      details: row.details,
    })),
    nextCursor: rows.length > filters.limit && last ? encodeCursor(last.id) : null,
  };
}
