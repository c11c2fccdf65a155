import { describe, expect, it } from 'vitest';
import {
  computeAuditHash,
  GENESIS_HASH,
  verifyChainSegment,
  type AuditEntryContent,
  type StoredAuditRow,
} from './audit-chain.ts';

function chain(length: number): StoredAuditRow[] {
  const rows: StoredAuditRow[] = [];
  let previousHash = GENESIS_HASH;
  for (let index = 0; index < length; index += 1) {
    const content: AuditEntryContent = {
      occurredAt: new Date(Date.UTC(2026, 10, 23, 18, 0, index)).toISOString(),
      actorUserId: null,
      actorLabel: 'system',
      action: `test.event_${index}`,
      outcome: 'success',
      targetType: 'user',
      targetId: String(index),
      details: { index, nested: { b: 2, a: 1 } },
    };
    const hash = computeAuditHash(previousHash, content);
    rows.push({ ...content, id: index + 1, previousHash, hash });
    previousHash = hash;
  }
  return rows;
}

const start = { previousHash: GENESIS_HASH, checked: 0 };

describe('verifyChainSegment', () => {
  it('accepts an intact chain and reports how many rows it checked and the last hash', () => {
    const rows = chain(5);
    expect(verifyChainSegment(rows, start)).toEqual({
      ok: true,
      checked: 5,
      lastHash: rows[4]!.hash,
    });
    expect(verifyChainSegment([], start)).toEqual({ ok: true, checked: 0, lastHash: GENESIS_HASH });
  });

  it('continues across segments from the previous segment position', () => {
    const rows = chain(6);
    const first = verifyChainSegment(rows.slice(0, 3), start);
    if (!first.ok) throw new Error('first segment should verify');
    expect(
      verifyChainSegment(rows.slice(3), { previousHash: first.lastHash, checked: first.checked }),
    ).toEqual({ ok: true, checked: 6, lastHash: rows[5]!.hash });
  });

  it('ignores the key order of details, as jsonb stores them reordered', () => {
    const rows = chain(2).map((row) => ({ ...row, details: { nested: { a: 1, b: 2 }, index: 0 } }));
    rows[1] = { ...rows[1]!, details: { nested: { a: 1, b: 2 }, index: 1 } };
    expect(verifyChainSegment(rows, start).ok).toBe(true);
  });

  it('reports a row whose content was altered, at that row', () => {
    const rows = chain(4);
    rows[2] = { ...rows[2]!, action: 'test.rewritten' };
    expect(verifyChainSegment(rows, start)).toEqual({
      ok: false,
      checked: 2,
      brokenAt: 3,
      reason: 'content_altered',
    });
  });

  it('reports a deleted row as a broken link at the next row', () => {
    const rows = chain(4);
    rows.splice(1, 1);
    expect(verifyChainSegment(rows, start)).toEqual({
      ok: false,
      checked: 1,
      brokenAt: 3,
      reason: 'link_broken',
    });
  });

  it('reports a chain that does not start at the genesis hash, and swapped rows', () => {
    const rows = chain(3);
    expect(verifyChainSegment(rows.slice(1), start)).toMatchObject({ ok: false, brokenAt: 2 });
    expect(verifyChainSegment([rows[0]!, rows[2]!, rows[1]!], start)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'link_broken',
    });
  });

  it('reports a recomputed hash that no longer links to the following row', () => {
    const rows = chain(3);
    const forged = { ...rows[1]!, action: 'test.forged' };
    const { id: _id, previousHash, hash: _hash, ...content } = forged;
    forged.hash = computeAuditHash(previousHash, content);
    expect(verifyChainSegment([rows[0]!, forged, rows[2]!], start)).toEqual({
      ok: false,
      checked: 2,
      brokenAt: 3,
      reason: 'link_broken',
    });
  });
});
