import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { keyedHash } from '../../core/keyed-hash.ts';
import { throttleAddress } from '../../core/address-key.ts';
import type { DB } from '../../db/schema.ts';

export interface ThrottleRule {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

/** Per account: a password guesser gets 5 tries per quarter of an hour. */
export const accountRule: ThrottleRule = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
/** Per address: wider, so one office behind one address is not locked out by one person. */
export const addressRule: ThrottleRule = { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 };

export function accountKey(config: Config, email: string): string {
  return keyedHash(config.hashKey, 'throttle:account', email.trim().toLowerCase());
}

export function addressKey(config: Config, address: string): string {
  return keyedHash(config.hashKey, 'throttle:address', throttleAddress(address));
}

/** Seconds until the key may try again, or 0. */
export async function lockedFor(db: Kysely<DB>, key: string, now = new Date()): Promise<number> {
  const row = await db
    .selectFrom('login_throttles')
    .select('locked_until')
    .where('key_hash', '=', key)
    .executeTakeFirst();
  if (!row?.locked_until) return 0;
  return Math.max(0, Math.ceil((row.locked_until.getTime() - now.getTime()) / 1000));
}

/**
 * The start of the fixed window slot holding `at`. Stored instead of the instant of the attempt:
 * a report's submission counts here, and an exact instant would link the keyed address row to
 * the case received at that same instant.
 */
export function windowSlotStart(rule: ThrottleRule, at: Date): Date {
  const slot = rule.windowMinutes * 60_000;
  return new Date(Math.floor(at.getTime() / slot) * slot);
}

/**
 * A lock ends on a whole minute (never later than `lockMinutes`), so it does not give away the
 * exact instant of the attempt that set it either. Coarser rounding would change the wait
 * reporters and staff are told.
 */
function lockEnd(rule: ThrottleRule, now: Date): Date {
  const end = now.getTime() + rule.lockMinutes * 60_000;
  return new Date(end - (end % 60_000));
}

/** Counts one failure, or `weight` of them for an attempt that costs more (e.g. no proof of work). */
export async function recordFailure(
  db: Kysely<DB>,
  key: string,
  rule: ThrottleRule,
  now = new Date(),
  weight = 1,
): Promise<void> {
  const slotStart = windowSlotStart(rule, now);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('login_throttles')
      .select(['failures', 'window_started_at'])
      .where('key_hash', '=', key)
      .forUpdate()
      .executeTakeFirst();
    const inWindow = row && row.window_started_at.getTime() >= slotStart.getTime();
    const failures = inWindow ? row.failures + weight : weight;
    const lockedUntil = failures >= rule.maxFailures ? lockEnd(rule, now) : null;
    await trx
      .insertInto('login_throttles')
      .values({ key_hash: key, failures, window_started_at: slotStart, locked_until: lockedUntil })
      .onConflict((conflict) =>
        conflict.column('key_hash').doUpdateSet({
          failures,
          window_started_at: slotStart,
          locked_until: lockedUntil,
        }),
      )
      .execute();
  });
}

export async function clearFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttles').where('key_hash', '=', key).execute();
}
