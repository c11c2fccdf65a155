import type { FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import {
  isUuid,
  requireCaseAccess,
  type CaseAccessGrant,
  type ReferralShare,
} from './case-access.ts';

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/**
 * The actor's access to the case, or 404 (as in routes.ts). The requested id is the audit
 * target even when refused, so an auditor sees which case someone tried to reach. `share`
 * opens the route to a referral's receiver when their referral shares that part.
 */
export async function caseGrant(
  request: FastifyRequest,
  id: string,
  needed: 'team' | 'any',
  share?: ReferralShare,
): Promise<CaseAccessGrant> {
  if (isUuid(id)) request.auditTarget = { type: 'case', id: id.toLowerCase() };
  const grant = await requireCaseAccess(
    request.server.deps.database.db,
    actorOf(request),
    id,
    needed,
  );
  if (grant.access === 'referral' && share && !grant.shares.includes(share)) throw notFound();
  request.auditTarget = { type: 'case', id: grant.caseId };
  return grant;
}

/** Sets the audit target's details: ids and codes only, never what people wrote. */
export function auditDetails(
  request: FastifyRequest,
  grant: CaseAccessGrant,
  details: Record<string, unknown>,
): void {
  request.auditTarget = { type: 'case', id: grant.caseId, details };
}
