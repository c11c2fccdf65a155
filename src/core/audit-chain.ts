import { createHash } from 'node:crypto';

/** The first row of the chain links to this value. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering keeps the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function computeAuditHash(previousHash: string, entry: AuditEntryContent): string {
  return createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(canonicalJson(entry))
    .digest('hex');
}

export interface StoredAuditRow extends AuditEntryContent {
  id: number;
  previousHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; checked: number; lastHash: string }
  | {
      ok: false;
      checked: number;
      brokenAt: number;
      reason: 'content_altered' | 'link_broken';
    };

/**
 * Walks rows in id order and reports the first row whose stored hash does not match its
 * content, or whose link does not match the previous row (a row removed or re-ordered).
 */
export function verifyChainSegment(
  rows: Iterable<StoredAuditRow>,
  start: { previousHash: string; checked: number },
): ChainVerdict {
  let previousHash = start.previousHash;
  let checked = start.checked;
  for (const row of rows) {
    if (row.previousHash !== previousHash) {
      return { ok: false, checked, brokenAt: row.id, reason: 'link_broken' };
    }
    const { id: _id, previousHash: _p, hash, ...content } = row;
    if (computeAuditHash(previousHash, content) !== hash) {
      return { ok: false, checked, brokenAt: row.id, reason: 'content_altered' };
    }
    previousHash = hash;
    checked += 1;
  }
  return { ok: true, checked, lastHash: previousHash };
}
