import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditPage, auditQuery, listAuditEntries } from './list-audit.ts';
import { verifyAuditChain } from './verify-chain.ts';

const verifyResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), checked: z.number() }),
  z.object({
    ok: z.literal(false),
    checked: z.number(),
    brokenAt: z.number(),
    reason: z.enum(['content_altered', 'link_broken']),
  }),
]);

/** The audit trail for auditors; reading it and verifying it are themselves recorded. */
export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read', audit: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, filtered by action, outcome, target, actor, time',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const page = await listAuditEntries(db(), request.query, request.locale);
      const { cursor: _cursor, limit: _limit, ...filters } = request.query;
      // Filters are codes, ids and times, never personal data: they say what the auditor looked for.
      request.auditTarget = {
        type: 'audit_log',
        id: '*',
        details: { count: page.items.length, filters },
      };
      return page;
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit.verify', audit: 'audit.verified' },
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain of the whole trail and report the first broken row',
        response: { 200: verifyResponse },
      },
    },
    async (request) => {
      const report = await verifyAuditChain(db());
      request.auditTarget = { type: 'audit_log', id: 'chain', details: { ...report } };
      return report;
    },
  );
}
