import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { revokeUserSessions } from '../auth/sessions.ts';

/**
 * Disables an account and ends all its sessions in the same transaction, so no request of the
 * disabled user is served after the answer. Disabling twice keeps the first date.
 */
export async function disableUser(db: Kysely<DB>, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable('users')
      .set({ disabled_at: now, updated_at: now })
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .execute();
    await revokeUserSessions(trx, userId);
  });
}

export async function enableUser(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: null, updated_at: new Date() })
    .where('id', '=', userId)
    .where('disabled_at', 'is not', null)
    .execute();
}

/** Sets a new password chosen by an admin and signs the account out everywhere. */
export async function resetUserPassword(
  db: Kysely<DB>,
  userId: string,
  password: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await revokeUserSessions(trx, userId);
  });
}
