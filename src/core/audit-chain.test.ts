import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  computeAuditHash,
  GENESIS_HASH,
  verifyChainSegment,
  type AuditEntryContent,
  type StoredAuditRow,
} from './audit-chain.ts';

function chain(count: number): StoredAuditRow[] {
  const rows: StoredAuditRow[] = [];
  let previousHash = GENESIS_HASH;
  for (let id = 1; id <= count; id += 1) {
    const content: AuditEntryContent = {
      occurredAt: new Date(Date.UTC(2026, 10, 23, 10, 0, id)).toISOString(),
      actorUserId: null,
      actorLabel: 'system',
      action: `test.event${id}`,
      outcome: 'success',
      targetType: 'case',
      targetId: String(id),
      details: { b: 2, a: [1, { d: 4, c: 3 }] },
    };
    const hash = computeAuditHash(previousHash, content);
    rows.push({ ...content, id, previousHash, hash });
    previousHash = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('hashes content independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { y: 2, x: 1 } })).toBe('{"a":{"x":1,"y":2},"b":1}');
  });

  it('accepts an intact chain', () => {
    expect(verifyChainSegment(chain(5), { previousHash: GENESIS_HASH, checked: 0 })).toMatchObject({
      ok: true,
      checked: 5,
    });
  });

  it('finds the first altered row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, details: { b: 3 } };
    expect(verifyChainSegment(rows, { previousHash: GENESIS_HASH, checked: 0 })).toEqual({
      ok: false,
      checked: 2,
      brokenAt: 3,
      reason: 'content_altered',
    });
  });

  it('finds a removed row at the next link', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChainSegment(rows, { previousHash: GENESIS_HASH, checked: 0 })).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'link_broken',
    });
  });

  it('finds a row whose hash was recomputed after an edit (the next link breaks)', () => {
    const rows = chain(4);
    const edited = { ...rows[1]!, actorLabel: 'someone else' };
    const { id: _id, previousHash, hash: _hash, ...content } = edited;
    rows[1] = { ...edited, hash: computeAuditHash(previousHash, content) };
    expect(verifyChainSegment(rows, { previousHash: GENESIS_HASH, checked: 0 })).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'link_broken',
    });
  });
});
