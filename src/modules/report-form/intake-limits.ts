import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { throttleAddress } from '../../core/address-key.ts';
import { keyedHash } from '../../core/keyed-hash.ts';
import type { DB } from '../../db/schema.ts';
import { takeAttempt, type ThrottleRule } from '../auth/throttle.ts';

/*
 * What one anonymous client may start before anything is sent: drafts and evidence are stored
 * (encrypted) from the first step on, so without a limit a script could fill the database with
 * drafts and files that are never sent. Both limits count per address, kept only as a keyed
 * hash (IPv6 by /64) in `login_throttles`, like the limit on sending.
 */

/** New drafts per address: a family or a help desk's public computer starts a few, not dozens. */
export const draftAddressRule: ThrottleRule = {
  maxFailures: 20,
  windowMinutes: 60,
  lockMinutes: 60,
};

/** Evidence files stored per address (each file of an upload counts, removed ones too). */
export const evidenceAddressRule: ThrottleRule = {
  maxFailures: 30,
  windowMinutes: 60,
  lockMinutes: 60,
};

export function draftAddressKey(config: Config, address: string): string {
  return keyedHash(config.hashKey, 'throttle:report-draft-address', throttleAddress(address));
}

export function evidenceAddressKey(config: Config, address: string): string {
  return keyedHash(config.hashKey, 'throttle:report-evidence-address', throttleAddress(address));
}

/** Seconds to wait before this address may start another draft, or 0 (the draft is counted). */
export async function takeNewDraft(
  db: Kysely<DB>,
  config: Config,
  address: string,
  now: Date,
): Promise<number> {
  const result = await takeAttempt(db, draftAddressKey(config, address), draftAddressRule, now);
  return result.allowed ? 0 : result.retryAfter;
}

/** Seconds to wait before this address may store `files` more files, or 0 (they are counted). */
export async function takeEvidenceUpload(
  db: Kysely<DB>,
  config: Config,
  address: string,
  files: number,
  now: Date,
): Promise<number> {
  if (files === 0) return 0;
  const key = evidenceAddressKey(config, address);
  const result = await takeAttempt(db, key, evidenceAddressRule, now, files);
  return result.allowed ? 0 : result.retryAfter;
}
