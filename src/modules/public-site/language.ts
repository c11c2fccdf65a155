import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { secureCookies } from '../../http/csrf.ts';
import {
  isReportLocale,
  negotiateLocale,
  negotiateReportLocale,
  siteLocaleOf,
  type Locale,
  type ReportLocale,
} from '../../i18n/i18n.ts';

/**
 * The cookie that remembers the language last chosen on the public site: a site language, or
 * a reporting language chosen on the report form or the receipt pages.
 */
export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The site language remembered in the cookie (English for a reporting language, as on the pages
 * not translated into it), else the browser's preference, else Italian.
 */
export function preferredLocale(request: FastifyRequest): Locale {
  const remembered = request.cookies[LANGUAGE_COOKIE];
  if (isReportLocale(remembered)) return siteLocaleOf(remembered);
  return negotiateLocale(request.headers['accept-language']);
}

/** The reporting language remembered in the cookie, else the browser's preference, else Italian. */
export function preferredReportLocale(request: FastifyRequest): ReportLocale {
  const remembered = request.cookies[LANGUAGE_COOKIE];
  if (isReportLocale(remembered)) return remembered;
  return negotiateReportLocale(request.headers['accept-language']);
}

/** Visiting a page in a language remembers it, so `/` opens in that language next time. */
export function rememberLocale(reply: FastifyReply, config: Config, locale: ReportLocale): void {
  reply.setCookie(LANGUAGE_COOKIE, locale, {
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
    sameSite: 'lax',
    httpOnly: true,
    secure: secureCookies(config),
  });
}
