import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../core/errors.ts';
import { canReassignCase } from '../../core/policy.ts';
import type { CaseAccessGrant } from './case-access.ts';
import { loadCaseDetail } from './case-detail.ts';
import { actorOf, auditDetails, caseGrant } from './case-route-helpers.ts';
import { classifyCase } from './classify-case.ts';
import { auditedTransaction } from '../../http/request-audit.ts';
import { intakeCase } from './intake-case.ts';
import { listCases } from './list-cases.ts';
import { reassignCase } from './reassign-case.ts';
import {
  caseDetail,
  caseIdParams,
  casePage,
  classificationBody,
  createCaseBody,
  createdCase,
  listCasesQuery,
  reassignBody,
  reassignedCase,
  transitionBody,
  updateCaseBody,
  victimProfileBody,
} from './schemas.ts';
import { transitionCase } from './transition-case.ts';
import { updateCase } from './update-case.ts';
import { setVictimProfile } from './victim-profile.ts';

/**
 * The staff side of cases: intake by an operator, the queue, one case, and the changes the
 * team makes to it. Every route that touches a case finds it through `caseGrant`, so a case of
 * another desk answers 404 exactly like a missing one, and every read is audited; every change
 * checks the access again under the case's row lock (`lockCase`).
 */
export async function caseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const config = () => app.deps.config;

  async function present(grant: CaseAccessGrant) {
    const detail = await loadCaseDetail(db(), config(), grant);
    if (!detail) throw notFound();
    return detail;
  }

  app.post(
    '/api/cases',
    {
      config: { permission: 'cases.intake', audit: 'cases.created' },
      schema: {
        tags: ['cases'],
        summary: 'Enter a report received by phone, e-mail, in person, press or monitoring',
        body: createCaseBody,
        response: { 201: createdCase },
      },
    },
    async (request, reply) => {
      const created = await auditedTransaction(db(), request, 201, async (trx) => {
        const created = await intakeCase(
          trx,
          config(),
          actorOf(request),
          request.body,
          request.locale,
        );
        request.auditTarget = {
          type: 'case',
          id: created.id,
          details: { channel: request.body.channel, receiptIssued: created.receiptCode !== null },
        };
        return created;
      });
      // The receipt code is shown once: no cache may keep it.
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/cases',
    {
      config: { permission: 'cases.read', audit: 'cases.listed' },
      schema: {
        tags: ['cases'],
        summary: "The operator's queue: filters, full-text search on titles, keyset pages",
        querystring: listCasesQuery,
        response: { 200: casePage },
      },
    },
    async (request) => {
      const page = await listCases(db(), config(), actorOf(request), request.query, request.locale);
      // The target is whose queue was read; the details say which view and how many rows.
      request.auditTarget = {
        type: 'case_queue',
        id: actorOf(request).id,
        details: { scope: request.query.scope ?? 'team', count: page.items.length },
      };
      return page;
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { permission: 'cases.read', audit: 'cases.read' },
      schema: {
        tags: ['cases'],
        summary: 'One case, decrypted for its team, limited to what a referral shares',
        params: caseIdParams,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'any');
      auditDetails(request, grant, { access: grant.access });
      return present(grant);
    },
  );

  app.post(
    '/api/cases/:id/transitions',
    {
      config: { permission: 'cases.read', audit: 'cases.transitioned' },
      schema: {
        tags: ['cases'],
        summary: 'Move a case to another state (reason, outcome, redirection as the rules ask)',
        params: caseIdParams,
        body: transitionBody,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const moved = await transitionCase(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.body,
        request.locale,
      );
      auditDetails(request, grant, moved);
      return present(grant);
    },
  );

  app.put(
    '/api/cases/:id/classification',
    {
      config: { permission: 'cases.read', audit: 'cases.classified' },
      schema: {
        tags: ['cases'],
        summary: "Classify a case with its taxonomy version's codes",
        params: caseIdParams,
        body: classificationBody,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const changed = await classifyCase(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.body,
        request.locale,
      );
      auditDetails(request, grant, { changed });
      return present(grant);
    },
  );

  app.put(
    '/api/cases/:id/victim-profile',
    {
      config: { permission: 'cases.read', audit: 'cases.victim_profile_changed' },
      schema: {
        tags: ['cases'],
        summary: 'Record the pseudonymous victim profile (equality data)',
        params: caseIdParams,
        body: victimProfileBody,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const fields = await setVictimProfile(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.body,
        request.locale,
      );
      auditDetails(request, grant, { fields });
      return present(grant);
    },
  );

  app.patch(
    '/api/cases/:id',
    {
      config: { permission: 'cases.read', audit: 'cases.updated' },
      schema: {
        tags: ['cases'],
        summary: 'Change title, assignee, date or municipality of a case',
        params: caseIdParams,
        body: updateCaseBody,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const fields = await updateCase(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.body,
        request.locale,
      );
      auditDetails(request, grant, { fields });
      return present(grant);
    },
  );

  app.post(
    '/api/cases/:id/reassign',
    {
      config: { permission: 'cases.manage', audit: 'cases.reassigned' },
      schema: {
        tags: ['cases'],
        summary: "Move a case to another help desk or organisation's queue (coordinators)",
        params: caseIdParams,
        body: reassignBody,
        response: { 200: reassignedCase },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const grant = await caseGrant(request, request.params.id, 'team');
      if (!canReassignCase(actor, grant.scope)) throw notFound();
      const moved = await reassignCase(
        db(),
        config(),
        actor,
        grant.caseId,
        request.body,
        request.locale,
      );
      auditDetails(request, grant, moved);
      // The queue only: after the move the coordinator may no longer be on the case's team.
      return { id: grant.caseId, ...moved };
    },
  );
}
