import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { csrfTokenFor, hostCookieName } from '../../http/csrf.ts';
import { languageTag, type ReportLocale } from '../../i18n/i18n.ts';
import { receiptPagePath, type ReceiptPage } from '../public-site/site-paths.ts';
import { loadReporterView, type ReporterView } from './load-status.ts';
import {
  isValidReporterCsrf,
  lookupReporterSession,
  RECEIPT_COOKIE,
  type ReporterSession,
} from './reporter-session.ts';
import { renderSignInPage, type SignInPageView } from './sign-in-page.ts';

/** Every receipt page is private to one browser: never stored by a cache or the back button. */
export function sendReceiptPage(
  reply: FastifyReply,
  locale: ReportLocale,
  page: string,
  status = 200,
): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-language', languageTag(locale))
    .header('cache-control', 'no-store')
    .send(page);
}

export function redirectTo(
  reply: FastifyReply,
  page: ReceiptPage,
  locale: ReportLocale,
  done?: string,
): FastifyReply {
  const path = receiptPagePath(page, locale);
  return reply
    .header('cache-control', 'no-store')
    .redirect(done ? `${path}?done=${encodeURIComponent(done)}` : path, 303);
}

/** The sign-in form, with the anonymous CSRF token of this browser. */
export function sendSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  view: Partial<Omit<SignInPageView, 'locale' | 'csrfToken'>>,
  status = 200,
): FastifyReply {
  const locale = request.pageLocale;
  const csrfToken = csrfTokenFor(request, reply, request.server.deps.config);
  const page = renderSignInPage({
    locale,
    csrfToken,
    code: view.code ?? '',
    codeError: view.codeError ?? null,
    problem: view.problem ?? null,
    notice: view.notice ?? null,
  });
  return sendReceiptPage(reply, locale, page, status);
}

export function currentReporterSession(request: FastifyRequest): Promise<ReporterSession | null> {
  const { database, config } = request.server.deps;
  const cookie = request.cookies[hostCookieName(config, RECEIPT_COOKIE)];
  return lookupReporterSession(database.db, config, cookie);
}

export interface SignedInReporter {
  session: ReporterSession;
  view: ReporterView;
}

/**
 * The signed-in reporter and their case, with the audit target set to the case; null (after
 * answering 401 with the sign-in form) when the session is missing, expired or its case erased.
 * A form sent without the token bound to the session is refused (403).
 */
export async function signedInReporter(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { page: string; csrf?: unknown } = { page: 'status' },
): Promise<SignedInReporter | null> {
  const session = await currentReporterSession(request);
  const view = session
    ? await loadReporterView(request.server.deps.database.db, session.caseId)
    : null;
  if (!session || !view) {
    sendSignIn(request, reply, { notice: 'expired' }, 401);
    return null;
  }
  request.auditTarget = { type: 'case', id: session.caseId, details: { page: options.page } };
  if ('csrf' in options) checkReporterCsrf(request, session, options.csrf);
  return { session, view };
}

/**
 * Refuses (403) a form that does not carry the token bound to the reporter's session, in its
 * `_csrf` field or, as the site-wide check also accepts, the `x-csrf-token` header.
 */
export function checkReporterCsrf(
  request: FastifyRequest,
  session: ReporterSession,
  token: unknown,
): void {
  const candidate = request.headers['x-csrf-token'] ?? token;
  if (!isValidReporterCsrf(request.server.deps.config, session, candidate)) {
    throw new AppError('csrf_invalid');
  }
}
