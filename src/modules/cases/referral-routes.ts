import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createReferral, replyToReferral, type ReferralStep } from './case-referrals.ts';
import { actorOf, auditDetails, caseGrant } from './case-route-helpers.ts';
import { findPossibleDuplicates, linkCases, unlinkCases } from './possible-duplicates.ts';
import { listCaseReferrals, listIncomingReferrals } from './referral-lists.ts';
import { caseIdParams } from './schemas.ts';
import {
  createdItem,
  linkBody,
  linkParams,
  referralBody,
  referralDeclineBody,
  referralParams,
  referralReplyBody,
} from './timeline-schemas.ts';

const named = z.object({ id: z.string(), name: z.string() }).nullable();
const referralStatus = z.enum(['pending', 'accepted', 'declined', 'revoked']);
const stepAnswer = z.object({ id: z.string(), status: z.string() });

/**
 * Referrals to another node or a legal expert (with the reporter's sharing consent), the
 * receiver's inbox, and possible duplicates across desks linked by a person.
 */
export async function caseReferralRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const config = () => app.deps.config;

  app.post(
    '/api/cases/:id/referrals',
    {
      config: { permission: 'cases.read', audit: 'cases.referral_created' },
      schema: {
        tags: ['cases'],
        summary: 'Refer a case to another organisation or a legal expert (sharing consent)',
        params: caseIdParams,
        body: referralBody,
        response: { 201: createdItem },
      },
    },
    async (request, reply) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const referral = await createReferral(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.body,
        request.locale,
      );
      auditDetails(request, grant, { referralId: referral.id, shares: request.body.shares });
      return reply.status(201).send(referral);
    },
  );

  app.get(
    '/api/cases/:id/referrals',
    {
      config: { permission: 'cases.read', audit: 'cases.referrals_read' },
      schema: {
        tags: ['cases'],
        summary: 'The referrals of a case (its team)',
        params: caseIdParams,
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              status: referralStatus,
              shares: z.array(z.string()),
              toOrganisation: named,
              toUser: z.object({ id: z.string(), displayName: z.string() }).nullable(),
              note: z.string().nullable(),
              statusReason: z.string().nullable(),
              createdAt: z.string(),
              respondedAt: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const referrals = await listCaseReferrals(db(), config(), grant.caseId);
      auditDetails(request, grant, { count: referrals.length });
      return referrals;
    },
  );

  const steps: { step: ReferralStep; audit: string; summary: string; decline?: true }[] = [
    { step: 'accept', audit: 'cases.referral_accepted', summary: 'Accept a referral (receiver)' },
    {
      step: 'decline',
      audit: 'cases.referral_declined',
      summary: 'Decline a referral with a reason (receiver)',
      decline: true,
    },
    {
      step: 'revoke',
      audit: 'cases.referral_revoked',
      summary: 'Revoke a referral (sending team)',
    },
  ];
  for (const { step, audit, summary, decline } of steps) {
    app.post(
      `/api/cases/:id/referrals/:referralId/${step}`,
      {
        config: { permission: 'cases.read', audit },
        schema: {
          tags: ['cases'],
          summary,
          params: referralParams,
          body: decline ? referralDeclineBody : referralReplyBody,
          response: { 200: stepAnswer },
        },
      },
      async (request) => {
        // The receiver answers whatever their referral shares; the sender's team revokes.
        const grant = await caseGrant(
          request,
          request.params.id,
          step === 'revoke' ? 'team' : 'any',
        );
        const answer = await replyToReferral(
          db(),
          config(),
          actorOf(request),
          grant.caseId,
          request.params.referralId,
          step,
          request.body.reason ?? null,
          request.locale,
        );
        auditDetails(request, grant, { referralId: answer.id, status: answer.status });
        return answer;
      },
    );
  }

  app.get(
    '/api/referrals/incoming',
    {
      config: { permission: 'cases.read', audit: 'cases.referrals_listed' },
      schema: {
        tags: ['cases'],
        summary: 'Cases referred to me or my organisation, pending first',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              caseId: z.string(),
              reference: z.string(),
              caseStatus: z.string(),
              status: referralStatus,
              shares: z.array(z.string()),
              fromOrganisation: named,
              note: z.string().nullable(),
              createdAt: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const referrals = await listIncomingReferrals(db(), config(), actor);
      request.auditTarget = {
        type: 'referral_inbox',
        id: actor.id,
        details: { count: referrals.length },
      };
      return referrals;
    },
  );

  app.get(
    '/api/cases/:id/possible-duplicates',
    {
      config: { permission: 'cases.read', audit: 'cases.duplicates_read' },
      schema: {
        tags: ['cases'],
        summary: 'Cases at any desk sharing a fingerprint, without revealing identity',
        params: caseIdParams,
        response: {
          200: z.array(
            z.union([
              z.object({
                visible: z.literal(true),
                caseId: z.string(),
                reference: z.string(),
                status: z.string(),
                receivedAt: z.string(),
                organisation: named,
                matches: z.array(z.string()),
                link: z.enum(['duplicate', 'related']).nullable(),
              }),
              z.object({ visible: z.literal(false), matches: z.array(z.string()) }),
            ]),
          ),
        },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const duplicates = await findPossibleDuplicates(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
      );
      const visible = duplicates.filter((duplicate) => duplicate.visible).length;
      // The hidden count lets an auditor spot someone probing other desks' cases.
      auditDetails(request, grant, {
        count: duplicates.length,
        visible,
        hidden: duplicates.length - visible,
      });
      return duplicates;
    },
  );

  app.post(
    '/api/cases/:id/links',
    {
      config: { permission: 'cases.read', audit: 'cases.linked' },
      schema: {
        tags: ['cases'],
        summary: 'Link two cases as duplicates or related (never merged)',
        params: caseIdParams,
        body: linkBody,
        response: {
          200: z.object({ linkedCaseId: z.string(), kind: z.string(), changed: z.boolean() }),
        },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const linked = await linkCases(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.body.linkedCaseId,
        request.body.kind,
        request.locale,
      );
      auditDetails(request, grant, { linkedCaseId: linked.linkedCaseId, kind: linked.kind });
      return linked;
    },
  );

  app.delete(
    '/api/cases/:id/links/:linkedCaseId',
    {
      config: { permission: 'cases.read', audit: 'cases.unlinked' },
      schema: {
        tags: ['cases'],
        summary: 'Undo a link between two cases',
        params: linkParams,
      },
    },
    async (request, reply) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const unlinked = await unlinkCases(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.params.linkedCaseId,
        request.locale,
      );
      auditDetails(request, grant, { linkedCaseId: unlinked.linkedCaseId });
      return reply.status(204).send();
    },
  );
}
