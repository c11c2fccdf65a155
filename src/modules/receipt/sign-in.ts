import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { normaliseReceiptCode } from '../../core/cases/receipt-code.ts';
import { keyedHash } from '../../core/keyed-hash.ts';
import { throttleAddress } from '../../core/address-key.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { lockedFor, refundAttempt, takeAttemptsOn, type ThrottleRule } from '../auth/throttle.ts';
import { receiptHash } from '../cases/create-case.ts';
import { createReporterSession, deleteReporterSession } from './reporter-session.ts';

/*
 * How guessing is kept out of reach without letting anyone lock every reporter out
 * (docs/decisions/0010-receipt-guessing.md). There is no site-wide lock: one attacker could
 * trip it on purpose with a few hundred wrong codes. Instead a wrong code counts against
 *  - its address (IPv6 by /64): a person who mistypes has room, a single guesser does not;
 *  - its address's /48 for IPv6, the site a provider gives one customer: rotating through the
 *    65,536 /64s of one's own site buys nothing;
 *  - the bucket of the code typed (one of 4,096, from a keyed hash of the code): the whole
 *    site can try at most 4,096 × 10 wrong codes per quarter of an hour, so guessing stays
 *    bounded however many addresses an attacker has, while a locked bucket keeps waiting only
 *    the reporters whose code falls in it (1 in 4,096), and an attacker who wants to lock them
 *    all must sustain that whole budget from thousands of addresses.
 * Every attempt is counted before the code is looked up (so concurrent guesses cannot slip
 * under a limit) and given back when the code was right.
 */

/**
 * Wrong codes per address: generous enough for someone who mistypes, far too few to guess 16
 * digits. The address is only ever used hashed.
 */
export const receiptAddressRule: ThrottleRule = {
  maxFailures: 10,
  windowMinutes: 15,
  lockMinutes: 15,
};

/** Wrong codes per IPv6 /48 (for IPv4 the same whole address, so the address rule comes first). */
export const receiptNetworkRule: ThrottleRule = {
  maxFailures: 100,
  windowMinutes: 15,
  lockMinutes: 15,
};

/** Buckets the code space is cut into; each takes `receiptBucketRule` wrong codes. */
export const RECEIPT_CODE_BUCKETS = 4096;

export const receiptBucketRule: ThrottleRule = {
  maxFailures: 10,
  windowMinutes: 15,
  lockMinutes: 15,
};

export function receiptAddressKey(config: Config, address: string): string {
  return keyedHash(config.hashKey, 'throttle:receipt-address', throttleAddress(address));
}

export function receiptNetworkKey(config: Config, address: string): string {
  return keyedHash(config.hashKey, 'throttle:receipt-network', throttleAddress(address, 48));
}

/**
 * The bucket of a (normalised) code. Keyed, so nobody can aim guesses at the bucket of a code
 * they have seen, nor tell from the buckets they locked which reporters they kept waiting.
 */
export function receiptCodeBucket(config: Config, code: string): number {
  const digest = createHmac('sha256', config.hashKey).update(`receipt-bucket:${code}`).digest();
  return digest.readUInt32BE(0) % RECEIPT_CODE_BUCKETS;
}

export function receiptBucketKey(config: Config, bucket: number): string {
  return keyedHash(config.hashKey, 'throttle:receipt-bucket', String(bucket));
}

export type ReceiptSignIn =
  | { status: 'signed_in'; caseId: string; sessionId: string }
  | { status: 'malformed' }
  | { status: 'unknown' }
  | { status: 'locked'; retryAfter: number };

/**
 * Opens the receipt channel with the code the reporter typed. The code is compared only as its
 * keyed hash and is never logged nor audited; the attempt counts against the address, its
 * network and the code's bucket (see above), and the answer says how long to wait once one of
 * them is used up. A malformed entry (not 16 digits) costs nothing: it cannot be a guess.
 */
export async function signInWithReceipt(
  db: Kysely<DB>,
  config: Config,
  input: { code: string; address: string; previousSessionHash: string | null },
  now = new Date(),
): Promise<ReceiptSignIn> {
  const code = normaliseReceiptCode(input.code);
  if (!code) return { status: 'malformed' };

  const taken = await takeAttemptsOn(
    db,
    [
      [receiptAddressKey(config, input.address), receiptAddressRule],
      [receiptNetworkKey(config, input.address), receiptNetworkRule],
      [receiptBucketKey(config, receiptCodeBucket(config, code)), receiptBucketRule],
    ],
    now,
  );
  if (!taken.allowed) return { status: 'locked', retryAfter: taken.retryAfter };

  const found = await db
    .selectFrom('cases')
    .select('id')
    .where('receipt_hash', '=', receiptHash(config, code))
    .where('erased_at', 'is', null)
    .executeTakeFirst();

  if (!found) {
    await appendAudit(db, {
      actorUserId: null,
      actorLabel: 'anonymous',
      action: 'receipt.sign_in_failed',
      outcome: 'failure',
      details: { reason: 'unknown_code' },
    });
    const used = taken.tickets.filter((ticket) => ticket.exhausted);
    if (used.length === 0) return { status: 'unknown' };
    const waits = await Promise.all(used.map((ticket) => lockedFor(db, ticket.key, now)));
    return { status: 'locked', retryAfter: Math.max(1, ...waits) };
  }

  for (const ticket of taken.tickets) await refundAttempt(db, ticket);
  // A new sign-in replaces the browser's previous session, so its id can never be fixed.
  if (input.previousSessionHash) await deleteReporterSession(db, input.previousSessionHash);
  const sessionId = await createReporterSession(db, config, found.id, now);
  return { status: 'signed_in', caseId: found.id, sessionId };
}
