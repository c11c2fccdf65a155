import type { Kysely } from 'kysely';
import { GENESIS_HASH, verifyChainSegment, type StoredAuditRow } from '../../core/audit-chain.ts';
import type { DB } from '../../db/schema.ts';

export type AuditChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: 'content_altered' | 'link_broken' };

/** Rows read per query: the whole trail never sits in memory at once. */
export const VERIFY_BATCH_SIZE = 5_000;

/**
 * Walks the whole audit trail in id order, batch by batch, and reports the first row whose hash
 * or link does not match (see `verifyChainSegment`). Rows appended while it runs are checked too.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  batchSize = VERIFY_BATCH_SIZE,
): Promise<AuditChainReport> {
  let position = { previousHash: GENESIS_HASH, checked: 0 };
  let lastId = 0;
  for (;;) {
    const rows = await db
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
        'previous_hash',
        'hash',
      ])
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    const segment: StoredAuditRow[] = rows.map((row) => ({
      id: row.id,
      // Written from a JavaScript Date, so millisecond precision reproduces the hashed text.
      occurredAt: row.occurred_at.toISOString(),
      actorUserId: row.actor_user_id,
      actorLabel: row.actor_label,
      action: row.action,
      outcome: row.outcome,
      targetType: row.target_type,
      targetId: row.target_id,
      details: row.details,
      previousHash: row.previous_hash,
      hash: row.hash,
    }));
    const verdict = verifyChainSegment(segment, position);
    if (!verdict.ok) return verdict;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return { ok: true, checked: verdict.checked };
    position = { previousHash: verdict.lastHash, checked: verdict.checked };
    lastId = last.id;
  }
}
