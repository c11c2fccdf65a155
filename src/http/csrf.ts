import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { keyedHash, randomToken, safeEqual } from '../core/keyed-hash.ts';

/** Identifies a visitor without a session, so forms before sign-in are protected too. */
export const ANONYMOUS_CSRF_COOKIE = 'osservatorio_csrf';

export function secureCookies(config: Config): boolean {
  return config.environment === 'production' || (config.publicUrl ?? '').startsWith('https://');
}

/**
 * Synchroniser token bound to the session (or, before sign-in, to a random cookie): a forged
 * cross-site request cannot read it, and it changes whenever the session does.
 */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, config: Config): string {
  if (request.session) return keyedHash(config.hashKey, 'csrf', request.session.id);
  let anonymous = request.cookies[ANONYMOUS_CSRF_COOKIE];
  if (!anonymous || anonymous.length < 32) {
    anonymous = randomToken();
    request.cookies[ANONYMOUS_CSRF_COOKIE] = anonymous;
    reply.setCookie(ANONYMOUS_CSRF_COOKIE, anonymous, {
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
  const bound = request.session?.id ?? request.cookies[ANONYMOUS_CSRF_COOKIE];
  if (!bound) return false;
  return safeEqual(token, keyedHash(config.hashKey, 'csrf', bound));
}
