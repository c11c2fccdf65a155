import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { AppError } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import type { SessionContext } from '../../http/request-context.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { verifyPassword } from './passwords.ts';
import { createSession, revokeSession } from './sessions.ts';
import {
  accountKey,
  accountRule,
  addressKey,
  addressRule,
  clearFailures,
  refundAttempt,
  takeAttemptsOn,
  type AttemptTicket,
  type ThrottleRule,
} from './throttle.ts';
import { isValidTotpCode, readTotpSecret } from './totp.ts';

export interface SignInInput {
  email: string;
  password: string;
  /** The client address, only ever used hashed, for the per-address limit. */
  address: string;
  /** The session the browser had before, revoked so its id can never be fixed by an attacker. */
  previousSession: SessionContext | null;
}

export type SignInResult = { session: SessionContext; secondFactorRequired: boolean };

/** Counts the attempt against every key before anything is checked, or refuses it (429). */
async function takeAttempts(
  db: Kysely<DB>,
  limits: [key: string, rule: ThrottleRule][],
): Promise<AttemptTicket[]> {
  const taken = await takeAttemptsOn(db, limits);
  if (!taken.allowed) throw new AppError('too_many_attempts', { retryAfter: taken.retryAfter });
  return taken.tickets;
}

export async function signIn(
  db: Kysely<DB>,
  config: Config,
  input: SignInInput,
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const keys = { account: accountKey(config, email), address: addressKey(config, input.address) };
  const [, addressTicket] = await takeAttempts(db, [
    [keys.account, accountRule],
    [keys.address, addressRule],
  ]);

  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled_at', 'totp_enabled_at', 'is_demo'])
    .where('email', '=', email)
    .executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  // Demo accounts have published passwords: they must never open a production deployment.
  const demoInProduction = user?.is_demo === true && config.environment === 'production';

  if (!user || !passwordOk || user.disabled_at || demoInProduction) {
    await appendAudit(db, {
      actorUserId: null,
      actorLabel: 'anonymous',
      action: 'auth.login_failed',
      outcome: 'failure',
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      details: {
        reason: !user
          ? 'unknown_account'
          : user.disabled_at
            ? 'disabled'
            : demoInProduction
              ? 'demo_account_in_production'
              : 'password',
      },
    });
    throw new AppError('invalid_credentials');
  }

  await clearFailures(db, keys.account);
  await refundAttempt(db, addressTicket!);
  if (input.previousSession) await revokeSession(db, input.previousSession.idHash);
  const secondFactorRequired = user.totp_enabled_at !== null;
  const session = await createSession(db, config, user.id, {
    pendingSecondFactor: secondFactorRequired,
  });
  if (!secondFactorRequired) {
    await db
      .updateTable('users')
      .set({ last_login_at: new Date() })
      .where('id', '=', user.id)
      .execute();
  }
  return { session, secondFactorRequired };
}

/** Checks the TOTP code of a half-open session and replaces it with a full one. */
export async function completeSecondFactor(
  db: Kysely<DB>,
  config: Config,
  input: { session: SessionContext; code: string; address: string },
): Promise<SessionContext> {
  const { session } = input;
  const userKey = `user:${session.userId}`;
  const keys = [accountKey(config, userKey), addressKey(config, input.address)] as const;
  const [, addressTicket] = await takeAttempts(db, [
    [keys[0], accountRule],
    [keys[1], addressRule],
  ]);
  const totp = await readTotpSecret(db, config, session.userId);
  if (!totp?.enabled || !isValidTotpCode(totp.secret, input.code.trim())) {
    throw new AppError('second_factor_invalid');
  }
  await clearFailures(db, keys[0]);
  await refundAttempt(db, addressTicket!);
  await revokeSession(db, session.idHash);
  const full = await createSession(db, config, session.userId, { pendingSecondFactor: false });
  await db
    .updateTable('users')
    .set({ last_login_at: new Date() })
    .where('id', '=', session.userId)
    .execute();
  return full;
}
