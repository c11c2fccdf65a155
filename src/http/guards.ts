import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../core/errors.ts';
import { can, type Permission } from '../core/policy.ts';
import { isLocale, negotiateLocale } from '../i18n/i18n.ts';
import { appendAudit } from '../modules/audit/append-audit.ts';
import { loadActor, lookupSession, SESSION_COOKIE } from '../modules/auth/sessions.ts';
import { isValidCsrfToken } from './csrf.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Routes served by plugins (static files, the API docs UI) cannot carry our config; they are
 * public, touch no personal data, and are listed here so that nothing else can be left undeclared.
 */
const pluginRoutePrefixes = ['/assets/', '/api/docs', '/app/', '/static/'];

function resolveLocale(request: FastifyRequest) {
  const [, first] = request.url.split('/');
  if (isLocale(first)) return first;
  if (request.url.startsWith('/api/')) return negotiateLocale(request.headers['accept-language']);
  const cookie = request.cookies['lang'];
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(request.headers['accept-language']);
}

function auditOutcome(status: number): 'success' | 'denied' | 'failure' {
  if (status < 400) return 'success';
  if (status === 401 || status === 403 || status === 404 || status === 429) return 'denied';
  return 'failure';
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
    request.locale = resolveLocale(request);
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const { db } = app.deps.database;
      const lookup = await lookupSession(db, app.deps.config, cookie);
      if (lookup.status === 'active') {
        request.session = lookup.session;
        if (!lookup.session.pendingSecondFactor) {
          request.actor = await loadActor(db, lookup.session.userId);
        }
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
    const config = request.routeOptions.config;
    const denied = (request as FastifyRequest & { denied?: boolean }).denied === true;
    const status = reply.statusCode;
    const action = config?.audit ?? (denied || status === 401 ? 'access.denied' : null);
    if (!action || (request.auditRecorded && status < 400)) return payload;
    try {
      await appendAudit(app.deps.database.db, {
        actorUserId: request.actor?.id ?? request.session?.userId ?? null,
        actorLabel: request.actor?.email ?? (request.session ? 'pending sign-in' : 'anonymous'),
        action,
        outcome: denied ? 'denied' : auditOutcome(status),
        targetType: request.auditTarget?.type ?? null,
        targetId: request.auditTarget?.id ?? null,
        details: {
          method: request.method,
          route: request.routeOptions.url ?? null,
          status,
          ...(denied ? { deniedBy: 'policy' } : {}),
          ...request.auditTarget?.details,
        },
      });
    } catch (error) {
      // Personal data must not leave without its audit row: fail the request instead.
      request.log.error({ err: error }, 'audit write failed');
      if (status < 500) throw new AppError('internal', { cause: error });
    }
    return payload;
  });
}
