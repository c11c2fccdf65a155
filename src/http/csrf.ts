import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { keyedHash, randomToken, safeEqual } from '../core/keyed-hash.ts';

/** Identifies a visitor without a session, so forms before sign-in are protected too. */
export const ANONYMOUS_CSRF_COOKIE = 'osservatorio_csrf';

export function secureCookies(config: Config): boolean {
  return config.environment === 'production' || (config.publicUrl ?? '').startsWith('https://');
}

/**
 * The name a session-like cookie (staff session, anonymous CSRF, report draft, reporter
 * session) is sent under. Over HTTPS it carries the `__Host-` prefix: the browser then accepts
 * it only when Secure, for Path=/ and without a Domain, so no other host under the same domain
 * and no plain-http page can set or overwrite it (a planted draft or session id would let an
 * attacker read what a reporter typed). The prefix requires Secure, so over plain http
 * (development, tests) the bare name is used; these cookies are set with Path=/ and no Domain
 * either way, so both names behave the same.
 */
export function hostCookieName(config: Config, name: string): string {
  return secureCookies(config) ? `__Host-${name}` : name;
}

/**
 * Synchroniser token bound to the session (or, before sign-in, to a random cookie): a forged
 * cross-site request cannot read it, and it changes whenever the session does.
 */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, config: Config): string {
  if (request.session) return keyedHash(config.hashKey, 'csrf', request.session.id);
  const cookie = hostCookieName(config, ANONYMOUS_CSRF_COOKIE);
  let anonymous = request.cookies[cookie];
  if (!anonymous || anonymous.length < 32) {
    anonymous = randomToken();
    request.cookies[cookie] = anonymous;
    reply.setCookie(cookie, anonymous, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies(config),
    });
  }
  return keyedHash(config.hashKey, 'csrf', anonymous);
}

export function isValidCsrfToken(request: FastifyRequest, config: Config, token: unknown): boolean {
  if (typeof token !== 'string' || token.length === 0) return false;
  const bound =
    request.session?.id ?? request.cookies[hostCookieName(config, ANONYMOUS_CSRF_COOKIE)];
  if (!bound) return false;
  return safeEqual(token, keyedHash(config.hashKey, 'csrf', bound));
}
