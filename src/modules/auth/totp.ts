import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { decryptField, encryptField } from '../../core/envelope.ts';
import type { DB } from '../../db/schema.ts';

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Osservatorio',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

const context = (userId: string) => ({
  table: 'users',
  column: 'totp_secret_encrypted',
  rowId: userId,
});

/** Accepts the current code and the one before or after, for clocks a little off. */
export function isValidTotpCode(secretBase32: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secretBase32, 'check').validate({ token: code, window: 1 }) !== null;
}

export async function readTotpSecret(
  db: Kysely<DB>,
  config: Config,
  userId: string,
): Promise<{ secret: string; enabled: boolean } | null> {
  const row = await db
    .selectFrom('users')
    .select(['totp_secret_encrypted', 'totp_enabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row?.totp_secret_encrypted) return null;
  return {
    secret: decryptField(config.masterKeys, context(userId), row.totp_secret_encrypted),
    enabled: row.totp_enabled_at !== null,
  };
}

/** Starts enrolment: a new secret is stored but not enforced until a code confirms it. */
export async function startTotpEnrolment(
  db: Kysely<DB>,
  config: Config,
  user: { id: string; email: string },
) {
  const secret = new Secret({ size: 20 }).base32;
  await db
    .updateTable('users')
    .set({
      totp_secret_encrypted: encryptField(config.masterKeys, context(user.id), secret),
      totp_enabled_at: null,
      updated_at: new Date(),
    })
    .where('id', '=', user.id)
    .execute();
  const otpauthUri = totpFor(secret, user.email).toString();
  return { secret, otpauthUri, qrSvg: renderSVG(otpauthUri, { border: 2 }) };
}

export async function enableTotp(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled_at: new Date(), updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

export async function disableTotp(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled_at: null, totp_secret_encrypted: null, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}
