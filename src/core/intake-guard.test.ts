import { describe, expect, it } from 'vitest';
import {
  checkFormToken,
  evidenceRefusal,
  MAX_DRAFT_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  FORM_TOKEN_MAX_AGE_MS,
  FORM_TOKEN_MIN_AGE_MS,
  issueFormToken,
  solveProofOfWork,
  submissionWeight,
  verifyProofOfWork,
} from './intake-guard.ts';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const now = Date.UTC(2026, 10, 23, 12);

describe('form tokens', () => {
  it('accepts a genuine token between the minimum and maximum age', () => {
    const token = issueFormToken(key, now);
    const check = checkFormToken(key, token, now + FORM_TOKEN_MIN_AGE_MS);
    expect(check).toEqual({ ok: true, token: { issuedAt: now, nonce: token.split('.')[1] } });
    expect(checkFormToken(key, token, now + FORM_TOKEN_MAX_AGE_MS).ok).toBe(true);
  });

  it('refuses a token that is too fresh or too old', () => {
    const token = issueFormToken(key, now);
    expect(checkFormToken(key, token, now + FORM_TOKEN_MIN_AGE_MS - 1)).toEqual({
      ok: false,
      problem: 'too_fast',
    });
    expect(checkFormToken(key, token, now + FORM_TOKEN_MAX_AGE_MS + 1)).toEqual({
      ok: false,
      problem: 'expired',
    });
  });

  it('refuses forged, altered and malformed tokens', () => {
    const token = issueFormToken(key, now);
    const later = now + 10_000;
    expect(checkFormToken(otherKey, token, later)).toEqual({ ok: false, problem: 'invalid' });
    const [issued, nonce, signature] = token.split('.') as [string, string, string];
    // Backdating the issue time breaks the signature.
    const backdated = `${(now - 60_000).toString(36)}.${nonce}.${signature}`;
    expect(checkFormToken(key, backdated, later).ok).toBe(false);
    expect(checkFormToken(key, `${issued}.${nonce}x.${signature}`, later).ok).toBe(false);
    for (const value of ['', '.', 'a.b', 'a.b.c.d', `${issued}.${nonce}`, '\u0000.\u0000.\u0000']) {
      expect(checkFormToken(key, value, later)).toEqual({ ok: false, problem: 'invalid' });
    }
  });

  it('gives every token its own nonce', () => {
    const nonces = new Set(
      Array.from({ length: 100 }, () => issueFormToken(key, now).split('.')[1]),
    );
    expect(nonces.size).toBe(100);
  });
});

describe('proof of work', () => {
  it('verifies the solution the solver finds, for that token only', () => {
    const token = issueFormToken(key, now);
    const solution = solveProofOfWork(token, 8);
    expect(verifyProofOfWork(token, solution, 8)).toBe(true);
    expect(verifyProofOfWork(issueFormToken(key, now), solution, 20)).toBe(false);
  });

  it('refuses solutions that are not short decimal numbers', () => {
    for (const value of ['', '-1', '1.5', 'abc', '1'.repeat(13), ' 1']) {
      expect(verifyProofOfWork('token', value, 0)).toBe(false);
    }
    expect(verifyProofOfWork('token', '12', 0)).toBe(true);
  });

  it('makes a submission without it weigh more', () => {
    expect(submissionWeight(true)).toBe(1);
    expect(submissionWeight(false)).toBeGreaterThan(submissionWeight(true));
  });
});

describe('evidence a draft may hold', () => {
  const mb = 1024 * 1024;
  it('takes files until the count or the total size is reached', () => {
    expect(evidenceRefusal([], 10 * mb)).toBeNull();
    expect(evidenceRefusal([{ sizeBytes: 10 * mb }, { sizeBytes: 10 * mb }], 5 * mb)).toBeNull();
    expect(evidenceRefusal([{ sizeBytes: 10 * mb }, { sizeBytes: 10 * mb }], 5 * mb + 1)).toBe(
      'total_too_large',
    );
    const full = Array.from({ length: MAX_EVIDENCE_FILES }, () => ({ sizeBytes: 1 }));
    expect(evidenceRefusal(full, 1)).toBe('too_many');
    expect(evidenceRefusal(full.slice(1), MAX_DRAFT_EVIDENCE_BYTES)).toBe('total_too_large');
    expect(evidenceRefusal([], MAX_DRAFT_EVIDENCE_BYTES)).toBeNull();
  });
});
