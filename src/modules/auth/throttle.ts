import { sql, type Kysely } from 'kysely';
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

/** An attempt counted against a key, to give back (`refundAttempt`) if it turns out harmless. */
export interface AttemptTicket {
  key: string;
  rule: ThrottleRule;
  slotStart: Date;
  weight: number;
  /** The key's count in the window, this attempt included. */
  count: number;
  /** This attempt used up the budget: the key is locked now (the attempt itself still ran). */
  exhausted: boolean;
}

export type AttemptResult =
  { allowed: true; ticket: AttemptTicket } | { allowed: false; retryAfter: number };

/**
 * Counts an attempt (`weight` of them for one that costs more, e.g. without proof of work)
 * against the key *before* the attempt runs, in one statement, and answers whether it may run.
 * Reading the count and writing it in separate statements would let concurrent requests all
 * read the same count and all get through; the upsert takes the row lock, so each request sees
 * the count of the ones before it. A locked key is not touched (the WHERE of the update fails
 * and nothing is returned): its lock does not grow while someone keeps knocking. The attempt
 * that reaches `maxFailures` still runs and sets the lock for the ones after it.
 */
export async function takeAttempt(
  db: Kysely<DB>,
  key: string,
  rule: ThrottleRule,
  now = new Date(),
  weight = 1,
): Promise<AttemptResult> {
  const slotStart = windowSlotStart(rule, now);
  const lockUntil = lockEnd(rule, now);
  const inWindow = sql<number>`CASE WHEN t.window_started_at >= ${slotStart}::timestamptz
    THEN t.failures + ${weight}::int ELSE ${weight}::int END`;
  const { rows } = await sql<{ failures: number }>`
    INSERT INTO login_throttles AS t (key_hash, failures, window_started_at, locked_until)
    VALUES (${key}, ${weight}::int, ${slotStart}::timestamptz,
      ${weight >= rule.maxFailures ? lockUntil : null}::timestamptz)
    ON CONFLICT (key_hash) DO UPDATE SET
      failures = ${inWindow},
      window_started_at = ${slotStart}::timestamptz,
      locked_until = CASE WHEN ${inWindow} >= ${rule.maxFailures}::int
        THEN ${lockUntil}::timestamptz END
    WHERE t.locked_until IS NULL OR t.locked_until <= ${now}::timestamptz
    RETURNING t.failures`.execute(db);
  const row = rows[0];
  if (!row) return { allowed: false, retryAfter: Math.max(1, await lockedFor(db, key, now)) };
  const count = Number(row.failures);
  return {
    allowed: true,
    ticket: { key, rule, slotStart, weight, count, exhausted: count >= rule.maxFailures },
  };
}

/**
 * One attempt against several keys (an account and an address…): allowed only when every key
 * allows it; when one refuses, the others get their count back, since the attempt did not run.
 */
export async function takeAttemptsOn(
  db: Kysely<DB>,
  limits: readonly (readonly [key: string, rule: ThrottleRule, weight?: number])[],
  now = new Date(),
): Promise<{ allowed: true; tickets: AttemptTicket[] } | { allowed: false; retryAfter: number }> {
  const tickets: AttemptTicket[] = [];
  const waits: number[] = [];
  for (const [key, rule, weight] of limits) {
    const result = await takeAttempt(db, key, rule, now, weight ?? 1);
    if (result.allowed) tickets.push(result.ticket);
    else waits.push(result.retryAfter);
  }
  if (waits.length === 0) return { allowed: true, tickets };
  for (const ticket of tickets) await refundAttempt(db, ticket);
  return { allowed: false, retryAfter: Math.max(...waits) };
}

/**
 * Gives an attempt back when it turned out to be no failure (the right password, the right
 * code), lifting the lock it may have set. Nothing to give back once its window is over.
 */
export async function refundAttempt(db: Kysely<DB>, ticket: AttemptTicket): Promise<void> {
  const left = sql<number>`GREATEST(failures - ${ticket.weight}::int, 0)`;
  await db
    .updateTable('login_throttles')
    .set({
      failures: left,
      locked_until: sql<Date | null>`CASE WHEN ${left} >= ${ticket.rule.maxFailures}::int
        THEN locked_until END`,
    })
    .where('key_hash', '=', ticket.key)
    .where('window_started_at', '=', ticket.slotStart)
    .execute();
  // A right answer must leave nothing behind: a row keyed by the address, next to an audit row
  // of the same minute, would tie that address to what it signed in to.
  await db
    .deleteFrom('login_throttles')
    .where('key_hash', '=', ticket.key)
    .where('window_started_at', '=', ticket.slotStart)
    .where('failures', '=', 0)
    .where('locked_until', 'is', null)
    .execute();
}

export async function clearFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttles').where('key_hash', '=', key).execute();
}
