import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../core/errors.ts';
import { can, type Permission } from '../core/policy.ts';
import { isReportLocale, negotiateLocale, siteLocaleOf, type ReportLocale } from '../i18n/i18n.ts';
import { appendAudit } from '../modules/audit/append-audit.ts';
import { lookupSession, SESSION_COOKIE } from '../modules/auth/sessions.ts';
import { hostCookieName, isValidCsrfToken, secureCookies } from './csrf.ts';
import { requestAuditEvent } from './request-audit.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Routes served by plugins (static files, the API docs UI) cannot carry our config; they are
 * public, touch no personal data, and are listed here so that nothing else can be left undeclared.
 */
const pluginRoutePrefixes = ['/assets/', '/api/docs', '/app/', '/static/'];

/**
 * The language of the page answered: its address's prefix (a reporting language only on the
 * report form and receipt pages, the only ones served under it), else the visitor's site
 * language from the `lang` cookie or the browser.
 */
function resolvePageLocale(request: FastifyRequest): ReportLocale {
  const [, first] = request.url.split('/');
  if (isReportLocale(first)) return first;
  if (request.url.startsWith('/api/')) return negotiateLocale(request.headers['accept-language']);
  const cookie = request.cookies['lang'];
  if (isReportLocale(cookie)) return siteLocaleOf(cookie);
  return negotiateLocale(request.headers['accept-language']);
}

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: Permission;
  audit: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared permission and audit event (for review and tests). */
    routeTable: DeclaredRoute[];
  }
}

export function installGuards(app: FastifyInstance): void {
  const routeTable: DeclaredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('locale', 'it');
  app.decorateRequest('pageLocale', 'it');
  app.decorateRequest('auditTarget', null);
  app.decorateRequest('auditRecorded', false);

  app.addHook('onRoute', (route) => {
    const path = route.url ?? route.path;
    if (pluginRoutePrefixes.some((prefix) => path.startsWith(prefix) || `${path}/` === prefix)) {
      route.config = { permission: 'public', audit: null, ...route.config };
    }
    if (route.config?.permission === undefined || route.config.audit === undefined) {
      throw new Error(
        `Route ${String(route.method)} ${path} must declare config.permission and config.audit`,
      );
    }
    for (const method of [route.method].flat()) {
      routeTable.push({
        method,
        url: path,
        permission: route.config.permission,
        audit: route.config.audit,
      });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.pageLocale = resolvePageLocale(request);
    request.locale = siteLocaleOf(request.pageLocale);
    const cookieName = hostCookieName(app.deps.config, SESSION_COOKIE);
    const cookie = request.cookies[cookieName];
    if (cookie) {
      const { db } = app.deps.database;
      const lookup = await lookupSession(db, app.deps.config, cookie);
      if (lookup.status === 'active') {
        request.session = lookup.session;
        if (lookup.actor) request.actor = lookup.actor;
      } else {
        reply.clearCookie(cookieName, { path: '/', secure: secureCookies(app.deps.config) });
        if (lookup.status === 'expired') {
          await appendAudit(db, {
            actorUserId: lookup.userId,
            actorLabel: 'system',
            action: 'auth.session_expired',
            targetType: 'user',
            targetId: lookup.userId,
          });
        }
      }
    }
    const permission = request.routeOptions.config.permission;
    if (!permission || permission === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated');
    if (!can(request.actor, permission)) {
      (request as FastifyRequest & { denied?: boolean }).denied = true;
      throw notFound();
    }
  });

  app.addHook('preHandler', async (request) => {
    if (!unsafeMethods.has(request.method) || request.routeOptions.config.csrfExempt) return;
    const fromForm = (request.body as Record<string, unknown> | undefined)?.['_csrf'];
    const token = request.headers['x-csrf-token'] ?? fromForm;
    if (!isValidCsrfToken(request, app.deps.config, token)) {
      throw new AppError('csrf_invalid');
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const status = reply.statusCode;
    const event = requestAuditEvent(request, status);
    if (!event || (request.auditRecorded && status < 400)) return payload;
    try {
      await appendAudit(app.deps.database.db, event);
    } catch (error) {
      // Personal data must not leave without its audit row: fail the request instead.
      request.log.error({ err: error }, 'audit write failed');
      if (status < 500) throw new AppError('internal', { cause: error });
    }
    return payload;
  });
}
