/**
 * Spam protection for the public report form without third-party services. Every form carries
 * a signed token (when it was issued and a random nonce). A submission needs a token that is
 * genuine, single-use and neither too fresh (a person takes longer than a script to fill
 * the steps in) nor too old. A browser with JavaScript also solves a small proof of work on
 * the token; without JavaScript the form still works and the submission simply weighs more
 * against the per-address limit, so nobody is locked out for having scripts disabled.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from './keyed-hash.ts';

export const FORM_TOKEN_MIN_AGE_MS = 3_000;
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60_000;
/** Leading zero bits of SHA-256: ~65,000 hashes, well under a second on a cheap phone. */
export const PROOF_OF_WORK_BITS = 16;

export interface FormToken {
  issuedAt: number;
  nonce: string;
}

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(`form-token:${payload}`).digest('base64url');
}

export function issueFormToken(key: Buffer, now: number): string {
  const payload = `${now.toString(36)}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${sign(key, payload)}`;
}

export type FormTokenCheck =
  { ok: true; token: FormToken } | { ok: false; problem: 'invalid' | 'too_fast' | 'expired' };

export function checkFormToken(key: Buffer, value: string, now: number): FormTokenCheck {
  const parts = value.split('.');
  if (parts.length !== 3) return { ok: false, problem: 'invalid' };
  const [issued, nonce, signature] = parts as [string, string, string];
  if (!safeEqual(sign(key, `${issued}.${nonce}`), signature))
    return { ok: false, problem: 'invalid' };
  const issuedAt = parseInt(issued, 36);
  if (!Number.isSafeInteger(issuedAt)) return { ok: false, problem: 'invalid' };
  const age = now - issuedAt;
  if (age < FORM_TOKEN_MIN_AGE_MS) return { ok: false, problem: 'too_fast' };
  if (age > FORM_TOKEN_MAX_AGE_MS) return { ok: false, problem: 'expired' };
  return { ok: true, token: { issuedAt, nonce } };
}

function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Whether `solution` proves the work for `token`: SHA-256(token:solution) starts with enough zero bits. */
export function verifyProofOfWork(
  token: string,
  solution: string,
  bits = PROOF_OF_WORK_BITS,
): boolean {
  if (!/^[0-9]{1,12}$/.test(solution)) return false;
  const digest = createHash('sha256').update(`${token}:${solution}`).digest();
  return leadingZeroBits(digest) >= bits;
}

/** The same search the browser's script runs; used by tests and the load benchmark. */
export function solveProofOfWork(token: string, bits = PROOF_OF_WORK_BITS): string {
  for (let candidate = 0; ; candidate += 1) {
    if (verifyProofOfWork(token, String(candidate), bits)) return String(candidate);
  }
}

/** How much a submission counts against the per-address limit. */
export function submissionWeight(provedWork: boolean): number {
  return provedWork ? 1 : 3;
}

/** Evidence one report may carry: a few files, and not more in all than a few of the largest. */
export const MAX_EVIDENCE_FILES = 5;
export const MAX_DRAFT_EVIDENCE_BYTES = 25 * 1024 * 1024;

/**
 * Why one more file of `bytes` cannot join the files a draft already holds, or null when it
 * can. Each file is limited on its own by the file store; the total keeps one anonymous draft
 * from filling the database with evidence nobody ever sends.
 */
export function evidenceRefusal(
  existing: readonly { sizeBytes: number }[],
  bytes: number,
): 'too_many' | 'total_too_large' | null {
  if (existing.length >= MAX_EVIDENCE_FILES) return 'too_many';
  const total = existing.reduce((sum, file) => sum + file.sizeBytes, 0);
  return total + bytes > MAX_DRAFT_EVIDENCE_BYTES ? 'total_too_large' : null;
}
