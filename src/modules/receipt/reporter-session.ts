import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { keyedHash, randomToken, safeEqual } from '../../core/keyed-hash.ts';
import type { DB } from '../../db/schema.ts';
import { hostCookieName, secureCookies } from '../../http/csrf.ts';

/** The reporter's cookie: a random id whose keyed hash names a `reporter_sessions` row. */
export const RECEIPT_COOKIE = 'osservatorio_receipt';

/** Short: the receipt may be used on a shared or borrowed phone. */
export const REPORTER_SESSION_MINUTES = 20;
/** However active, a session ends this long after sign-in: a forgotten tab does not stay open. */
export const REPORTER_SESSION_MAX_MINUTES = 120;

// Extending the expiry on every page would turn every read into a write.
const EXTEND_AFTER_MS = 60_000;

export interface ReporterSession {
  idHash: string;
  caseId: string;
  /** The token every form of the session carries (derived, so it is never stored in clear). */
  csrfToken: string;
  csrfHash: string;
}

const hashSessionId = (config: Config, id: string) =>
  keyedHash(config.hashKey, 'receipt-session', id);
const csrfTokenOf = (config: Config, id: string) => keyedHash(config.hashKey, 'receipt-csrf', id);
const csrfCheckHash = (config: Config, token: string) =>
  keyedHash(config.hashKey, 'receipt-csrf-check', token);

const expiryFrom = (now: Date) => new Date(now.getTime() + REPORTER_SESSION_MINUTES * 60_000);
const absoluteEnd = (createdAt: Date) =>
  createdAt.getTime() + REPORTER_SESSION_MAX_MINUTES * 60_000;

/** Opens a session for a case; the returned id goes only into the cookie. */
export async function createReporterSession(
  db: Kysely<DB>,
  config: Config,
  caseId: string,
  now = new Date(),
): Promise<string> {
  const id = randomToken();
  await db
    .insertInto('reporter_sessions')
    .values({
      id_hash: hashSessionId(config, id),
      case_id: caseId,
      csrf_hash: csrfCheckHash(config, csrfTokenOf(config, id)),
      created_at: now,
      expires_at: expiryFrom(now),
    })
    .execute();
  return id;
}

/**
 * The session of a cookie, if it is still open and its case has not been erased (an erased
 * case's receipt stops working, and so do the sessions opened with it). Each use keeps an
 * active session open for another 20 minutes, up to two hours after it was opened.
 */
export async function lookupReporterSession(
  db: Kysely<DB>,
  config: Config,
  cookie: string | undefined,
  now = new Date(),
): Promise<ReporterSession | null> {
  if (!cookie || cookie.length < 32 || cookie.length > 100) return null;
  const idHash = hashSessionId(config, cookie);
  const row = await db
    .selectFrom('reporter_sessions')
    .innerJoin('cases', 'cases.id', 'reporter_sessions.case_id')
    .select([
      'reporter_sessions.case_id',
      'reporter_sessions.csrf_hash',
      'reporter_sessions.expires_at',
      'reporter_sessions.created_at',
      'cases.erased_at',
    ])
    .where('reporter_sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  if (
    row.erased_at ||
    row.expires_at.getTime() <= now.getTime() ||
    absoluteEnd(row.created_at) <= now.getTime()
  ) {
    await deleteReporterSession(db, idHash);
    return null;
  }
  const remaining = row.expires_at.getTime() - now.getTime();
  if (REPORTER_SESSION_MINUTES * 60_000 - remaining > EXTEND_AFTER_MS) {
    await db
      .updateTable('reporter_sessions')
      .set({ expires_at: expiryFrom(now) })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return {
    idHash,
    caseId: row.case_id,
    csrfToken: csrfTokenOf(config, cookie),
    csrfHash: row.csrf_hash,
  };
}

/** Deletes the sessions past their sliding or absolute end (for the purge job). */
export async function purgeExpiredReporterSessions(
  db: Kysely<DB>,
  now = new Date(),
): Promise<number> {
  const result = await db
    .deleteFrom('reporter_sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('created_at', '<=', new Date(now.getTime() - REPORTER_SESSION_MAX_MINUTES * 60_000)),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteReporterSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('reporter_sessions').where('id_hash', '=', idHash).execute();
}

/** Whether a form's token is the one bound to this session. */
export function isValidReporterCsrf(
  config: Config,
  session: ReporterSession,
  token: unknown,
): boolean {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return false;
  return safeEqual(csrfCheckHash(config, token), session.csrfHash);
}

/**
 * The cookie is invisible to scripts, never sent cross-site, ends with the browser, and is
 * named `__Host-…` over HTTPS (so Path=/: one cookie for every language's receipt pages).
 */
export function setReceiptCookie(reply: FastifyReply, config: Config, id: string): void {
  reply.setCookie(hostCookieName(config, RECEIPT_COOKIE), id, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies(config),
  });
}

export function clearReceiptCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(hostCookieName(config, RECEIPT_COOKIE), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies(config),
  });
}
