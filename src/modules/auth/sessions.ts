import type { ExpressionBuilder, Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Config } from '../../config.ts';
import { keyedHash, randomToken } from '../../core/keyed-hash.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import type { SessionContext } from '../../http/request-context.ts';

export const SESSION_COOKIE = 'osservatorio_session';

// Writing last_seen_at on every request would turn every read into a write.
const TOUCH_INTERVAL_MS = 60_000;

export function hashSessionId(config: Config, id: string): string {
  return keyedHash(config.hashKey, 'session', id);
}

export async function createSession(
  db: Kysely<DB>,
  config: Config,
  userId: string,
  options: { pendingSecondFactor: boolean; now?: Date },
): Promise<SessionContext> {
  const now = options.now ?? new Date();
  const id = randomToken();
  const idHash = hashSessionId(config, id);
  await db
    .insertInto('sessions')
    .values({
      id_hash: idHash,
      user_id: userId,
      pending_second_factor: options.pendingSecondFactor,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + config.session.absoluteHours * 3_600_000),
    })
    .execute();
  return { id, idHash, userId, pendingSecondFactor: options.pendingSecondFactor };
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired'; userId: string }
  | { status: 'active'; session: SessionContext; actor: Actor | null };

/**
 * Finds the session for a cookie value, enforcing revocation, the absolute lifetime and the idle
 * timeout, and records activity. A disabled account's sessions stop working at once.
 */
export async function lookupSession(
  db: Kysely<DB>,
  config: Config,
  id: string,
  now = new Date(),
): Promise<SessionLookup> {
  const idHash = hashSessionId(config, id);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select((eb) => [
      'sessions.user_id',
      'sessions.pending_second_factor',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.email',
      'users.display_name',
      'users.disabled_at',
      membershipsOf(eb).as('memberships'),
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || row.revoked_at) return { status: 'none' };
  const idleLimit = row.last_seen_at.getTime() + config.session.idleMinutes * 60_000;
  if (row.disabled_at || row.expires_at.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('id_hash', '=', idHash)
      .execute();
    return { status: 'expired', userId: row.user_id };
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return {
    status: 'active',
    session: { id, idHash, userId: row.user_id, pendingSecondFactor: row.pending_second_factor },
    // The account and its roles come with the session in one query: every request needs them.
    actor: row.pending_second_factor
      ? null
      : {
          id: row.user_id,
          email: row.email,
          displayName: row.display_name,
          memberships: row.memberships,
        },
  };
}

export async function revokeSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Signs a user out everywhere (account disabled, password changed), optionally but one session. */
export async function revokeUserSessions(
  db: Kysely<DB>,
  userId: string,
  exceptIdHash?: string,
): Promise<void> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
  await query.execute();
}

export async function loadActor(db: Kysely<DB>, userId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select((eb) => ['id', 'email', 'display_name', membershipsOf(eb).as('memberships')])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    memberships: user.memberships,
  };
}

/** A user's memberships as the `Actor` carries them, inside the query that reads the user. */
function membershipsOf(eb: ExpressionBuilder<DB, 'users'>) {
  return jsonArrayFrom(
    eb
      .selectFrom('memberships')
      .select(['memberships.organisation_id as organisationId', 'memberships.role'])
      .whereRef('memberships.user_id', '=', 'users.id'),
  );
}
