import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../../core/policy.ts';
import { listAssignableUsers } from './assignable-users.ts';
import { auditDetails, caseGrant } from './case-route-helpers.ts';
import { caseIdParams } from './schemas.ts';

/**
 * Whom a case (or one of its deadlines) can be given to, chosen by name: the case's team. Any
 * member of the team may ask, not only those who may read accounts, and the answer carries no
 * e-mail address. Another desk's case answers 404 like a missing one.
 */
export async function caseAssigneeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/cases/:id/assignable-users',
    {
      config: { permission: 'cases.read', audit: 'cases.assignable_users_read' },
      schema: {
        tags: ['cases'],
        summary: 'The people a case can be assigned to: its team, by name and role',
        params: caseIdParams,
        response: {
          200: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.enum(roles) })),
        },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const people = await listAssignableUsers(app.deps.database.db, grant.scope.organisationId);
      auditDetails(request, grant, { count: people.length });
      return people;
    },
  );
}
