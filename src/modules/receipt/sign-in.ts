import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { normaliseReceiptCode } from '../../core/cases/receipt-code.ts';
import { keyedHash } from '../../core/keyed-hash.ts';
import { throttleAddress } from '../../core/address-key.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { lockedFor, recordFailure, type ThrottleRule } from '../auth/throttle.ts';
import { receiptHash } from '../cases/create-case.ts';
import { createReporterSession, deleteReporterSession } from './reporter-session.ts';

/**
 * Wrong codes per address: generous enough for someone who mistypes, far too few to guess 16
 * digits. The address is only ever used hashed.
 */
export const receiptAddressRule: ThrottleRule = {
  maxFailures: 10,
  windowMinutes: 15,
  lockMinutes: 15,
};

/**
 * Wrong codes from everywhere together: guessing spread over many addresses is slowed down too.
 * The lock is shorter than the window so real reporters are kept waiting as little as possible.
 */
export const receiptGlobalRule: ThrottleRule = {
  maxFailures: 200,
  windowMinutes: 15,
  lockMinutes: 5,
};

export function receiptAddressKey(config: Config, address: string): string {
  return keyedHash(config.hashKey, 'throttle:receipt-address', throttleAddress(address));
}

export function receiptGlobalKey(config: Config): string {
  return keyedHash(config.hashKey, 'throttle:receipt-global', 'all');
}

export type ReceiptSignIn =
  | { status: 'signed_in'; caseId: string; sessionId: string }
  | { status: 'malformed' }
  | { status: 'unknown' }
  | { status: 'locked'; retryAfter: number };

async function lockedSeconds(db: Kysely<DB>, keys: string[]): Promise<number> {
  const waits = await Promise.all(keys.map((key) => lockedFor(db, key)));
  return Math.max(0, ...waits);
}

/**
 * Opens the receipt channel with the code the reporter typed. The code is compared only as its
 * keyed hash and is never logged nor audited; a wrong one counts against the address and the
 * whole site, and the answer says how long to wait once either limit is reached. A malformed
 * entry (not 16 digits) costs nothing: it cannot be a guess.
 */
export async function signInWithReceipt(
  db: Kysely<DB>,
  config: Config,
  input: { code: string; address: string; previousSessionHash: string | null },
  now = new Date(),
): Promise<ReceiptSignIn> {
  const keys = [receiptAddressKey(config, input.address), receiptGlobalKey(config)];
  const waitBefore = await lockedSeconds(db, keys);
  if (waitBefore > 0) return { status: 'locked', retryAfter: waitBefore };

  const code = normaliseReceiptCode(input.code);
  if (!code) return { status: 'malformed' };

  const found = await db
    .selectFrom('cases')
    .select('id')
    .where('receipt_hash', '=', receiptHash(config, code))
    .where('erased_at', 'is', null)
    .executeTakeFirst();

  if (!found) {
    await recordFailure(db, keys[0]!, receiptAddressRule, now);
    await recordFailure(db, keys[1]!, receiptGlobalRule, now);
    await appendAudit(db, {
      actorUserId: null,
      actorLabel: 'anonymous',
      action: 'receipt.sign_in_failed',
      outcome: 'failure',
      details: { reason: 'unknown_code' },
    });
    const waitAfter = await lockedSeconds(db, keys);
    return waitAfter > 0 ? { status: 'locked', retryAfter: waitAfter } : { status: 'unknown' };
  }

  // A new sign-in replaces the browser's previous session, so its id can never be fixed.
  if (input.previousSessionHash) await deleteReporterSession(db, input.previousSessionHash);
  const sessionId = await createReporterSession(db, config, found.id, now);
  return { status: 'signed_in', caseId: found.id, sessionId };
}
