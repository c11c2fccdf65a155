import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../core/errors.ts';
import { html } from '../../http/html.ts';
import { siteLocaleOf, translate } from '../../i18n/i18n.ts';
import { renderLayout } from './layout.ts';
import { pagePath, sitePages } from './site-paths.ts';

function headingKey(status: number): string {
  if (status === 404) return 'public.error.not_found_heading';
  if (status >= 500) return 'public.error.server_heading';
  return 'public.error.request_heading';
}

/**
 * The error page of HTML addresses (404, 500…) in the site's layout and in the visitor's
 * language. It reads nothing from the database, which may be what failed.
 */
export function renderErrorPage(request: FastifyRequest, status: number, code: ErrorCode): string {
  const locale = request.pageLocale;
  const site = siteLocaleOf(locale);
  const t = (key: string) => translate(locale, key);
  const main = html`<h1>${t(headingKey(status))}</h1>
    <p class="lead">${translate(locale, `error.${code}`, { minutes: 15 })}</p>
    <p>${translate(locale, 'public.error.status', { status })}</p>
    <p><a href="${pagePath('home', site)}" hreflang="${site}">${t('public.error.back_home')}</a></p>`;
  return renderLayout({
    locale,
    title: t(headingKey(status)),
    alternates: sitePages.home,
    main,
  });
}
