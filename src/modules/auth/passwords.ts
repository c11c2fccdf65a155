import type { Kysely } from 'kysely';
import { hash, verify } from '@node-rs/argon2';
import type { DB } from '../../db/schema.ts';

// OWASP's recommended Argon2id parameters (19 MiB, 2 passes, 1 lane).
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 as const };

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Compared against when the e-mail has no account, so both answers take the same time.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (storedHash === null) {
    decoyHash ??= hashPassword('decoy password that matches nothing');
    await verify(await decoyHash, password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    // An unparseable stored hash is treated as a wrong password, never as a match.
    return false;
  }
}

/** Re-checks the signed-in user's password before a sensitive change to their own account. */
export async function isCurrentPassword(
  db: Kysely<DB>,
  userId: string,
  password: string,
): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return verifyPassword(user.password_hash, password);
}
