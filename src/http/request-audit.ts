import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { appendAudit, type AuditEvent } from '../modules/audit/append-audit.ts';

function auditOutcome(status: number): 'success' | 'denied' | 'failure' {
  if (status < 400) return 'success';
  if (status === 401 || status === 403 || status === 404 || status === 429) return 'denied';
  return 'failure';
}

function wasDenied(request: FastifyRequest): boolean {
  return (request as FastifyRequest & { denied?: boolean }).denied === true;
}

/**
 * The audit row a request leaves: the route's declared event (or `access.denied`), who asked,
 * the record it touched (`request.auditTarget`) and how it ended. Null when the route touches no
 * personal data and nothing was denied.
 */
export function requestAuditEvent(request: FastifyRequest, status: number): AuditEvent | null {
  const denied = wasDenied(request);
  const action =
    request.routeOptions.config?.audit ?? (denied || status === 401 ? 'access.denied' : null);
  if (!action) return null;
  return {
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
  };
}

/**
 * Runs a handler's change and writes the request's audit row in the same transaction, so that a
 * change and its audit row commit together (and in one commit, which is what intake throughput
 * is made of). `work` sets `request.auditTarget`; the `onSend` hook then writes nothing more on
 * success. On a rollback the failure is audited by the hook without naming the record that was
 * never stored.
 */
export async function auditedTransaction<T>(
  db: Kysely<DB>,
  request: FastifyRequest,
  status: number,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx);
      const event = requestAuditEvent(request, status);
      if (event) await appendAudit(trx, event);
      request.auditRecorded = true;
      return result;
    });
  } catch (error) {
    request.auditTarget = null;
    request.auditRecorded = false;
    throw error;
  }
}
