import { sql, type Kysely, type Transaction } from 'kysely';
import { computeAuditHash, GENESIS_HASH, type AuditEntryContent } from '../../core/audit-chain.ts';
import type { DB } from '../../db/schema.ts';

export interface AuditEvent {
  actorUserId: string | null;
  /** Who acted, as shown to an auditor: an e-mail for staff, "public" or "system" otherwise. */
  actorLabel: string;
  action: string;
  outcome?: 'success' | 'denied' | 'failure';
  targetType?: string | null;
  targetId?: string | null;
  /** Never personal data of the public: ids, field names, counts. */
  details?: Record<string, unknown>;
}

async function appendInTransaction(trx: Transaction<DB>, event: AuditEvent): Promise<void> {
  // Appends are serialised (an advisory lock held to the end of the transaction, taken by
  // `audit_chain_head()`, see its migration) so the chain never forks.
  const head = await sql<{ hash: string | null }>`SELECT audit_chain_head() AS hash`.execute(trx);
  const previousHash = head.rows[0]?.hash ?? GENESIS_HASH;
  const content: AuditEntryContent = {
    occurredAt: new Date().toISOString(),
    actorUserId: event.actorUserId,
    actorLabel: event.actorLabel,
    action: event.action,
    outcome: event.outcome ?? 'success',
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    details: event.details ?? {},
  };
  await trx
    .insertInto('audit_log')
    .values({
      occurred_at: content.occurredAt,
      actor_user_id: content.actorUserId,
      actor_label: content.actorLabel,
      action: content.action,
      outcome: content.outcome,
      target_type: content.targetType,
      target_id: content.targetId,
      details: JSON.stringify(content.details),
      previous_hash: previousHash,
      hash: computeAuditHash(previousHash, content),
    })
    .execute();
}

/**
 * Appends one event to the audit chain. Pass the caller's transaction when the audited change
 * and its audit row must commit together.
 */
export async function appendAudit(db: Kysely<DB>, event: AuditEvent): Promise<void> {
  if (db.isTransaction) {
    await appendInTransaction(db as Transaction<DB>, event);
    return;
  }
  await db.transaction().execute((trx) => appendInTransaction(trx, event));
}
