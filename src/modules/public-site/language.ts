import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { secureCookies } from '../../http/csrf.ts';
import { isLocale, negotiateLocale, type Locale } from '../../i18n/i18n.ts';

/** The cookie that remembers the language last chosen on the public site. */
export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** The language remembered in the cookie, else the browser's preference, else Italian. */
export function preferredLocale(request: FastifyRequest): Locale {
  const remembered = request.cookies[LANGUAGE_COOKIE];
  if (isLocale(remembered)) return remembered;
  return negotiateLocale(request.headers['accept-language']);
}

/** Visiting a page in a language remembers it, so `/` opens in that language next time. */
export function rememberLocale(reply: FastifyReply, config: Config, locale: Locale): void {
  reply.setCookie(LANGUAGE_COOKIE, locale, {
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
    sameSite: 'lax',
    httpOnly: true,
    secure: secureCookies(config),
  });
}
