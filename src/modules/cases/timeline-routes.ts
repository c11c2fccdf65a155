import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseAssigneeRoutes } from './assignee-routes.ts';
import { loadCaseEvents } from './case-events.ts';
import { listDeadlines, addDeadline, setDeadlineDone } from './case-deadlines.ts';
import { listCaseDocuments } from './case-documents.ts';
import { addAction, addNote, listActions } from './case-notes-actions.ts';
import { actorOf, auditDetails, caseGrant } from './case-route-helpers.ts';
import { caseDocumentRoutes } from './document-routes.ts';
import { caseReferralRoutes } from './referral-routes.ts';
import { caseIdParams } from './schemas.ts';
import { readStaffMessages, sendStaffMessage } from './staff-messages.ts';
import {
  actionBody,
  caseMessageList,
  caseTimeline,
  createdItem,
  deadlineBody,
  deadlineStateBody,
  messageBody,
  noteBody,
} from './timeline-schemas.ts';

const deadlineParams = z.object({ id: z.string().max(100), deadlineId: z.string().max(100) });

/**
 * The case's timeline and the team's work on it: notes, actions, deadlines with reminders and
 * the conversation with the reporter. Team access only (a referral's receiver reads the notes
 * through the case detail when shared); every read and write is audited with ids only.
 * Documents (with their multipart parser), referrals and the team to assign are plugins of their
 * own, registered here so the module list names the case's collaboration surface once.
 */
export async function caseTimelineRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(caseDocumentRoutes);
  await fastify.register(caseReferralRoutes);
  await fastify.register(caseAssigneeRoutes);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const config = () => app.deps.config;

  app.get(
    '/api/cases/:id/timeline',
    {
      config: { permission: 'cases.read', audit: 'cases.timeline_read' },
      schema: {
        tags: ['cases'],
        summary: 'The timeline of a case: events, actions, documents and deadlines',
        params: caseIdParams,
        response: { 200: caseTimeline },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const [events, actions, documents, deadlines] = await Promise.all([
        loadCaseEvents(db(), config(), grant.caseId),
        listActions(db(), config(), grant.caseId),
        listCaseDocuments(db(), config(), grant.caseId),
        listDeadlines(db(), config(), grant.caseId),
      ]);
      auditDetails(request, grant, { events: events.length });
      return {
        events: events.map((event) => ({ ...event, at: event.at.toISOString() })),
        actions,
        documents,
        deadlines,
      };
    },
  );

  app.post(
    '/api/cases/:id/notes',
    {
      config: { permission: 'cases.read', audit: 'cases.note_added' },
      schema: {
        tags: ['cases'],
        summary: 'Add a note to the timeline (stored encrypted)',
        params: caseIdParams,
        body: noteBody,
        response: { 201: createdItem },
      },
    },
    async (request, reply) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const note = await addNote(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.body,
        request.locale,
      );
      auditDetails(request, grant, { eventId: note.id });
      return reply.status(201).send(note);
    },
  );

  app.post(
    '/api/cases/:id/actions',
    {
      config: { permission: 'cases.read', audit: 'cases.action_added' },
      schema: {
        tags: ['cases'],
        summary: 'Record an action done for the case (kind, day, outcome)',
        params: caseIdParams,
        body: actionBody,
        response: { 201: createdItem },
      },
    },
    async (request, reply) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const action = await addAction(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.body,
        request.locale,
      );
      auditDetails(request, grant, { actionId: action.id, kind: request.body.kind });
      return reply.status(201).send(action);
    },
  );

  app.post(
    '/api/cases/:id/deadlines',
    {
      config: { permission: 'cases.read', audit: 'cases.deadline_added' },
      schema: {
        tags: ['cases'],
        summary: 'Set a deadline with an e-mail reminder to a member of the case team',
        params: caseIdParams,
        body: deadlineBody,
        response: { 201: createdItem.extend({ remindOn: z.string() }) },
      },
    },
    async (request, reply) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const deadline = await addDeadline(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.body,
        request.locale,
      );
      auditDetails(request, grant, { deadlineId: deadline.id, dueOn: request.body.dueOn });
      return reply.status(201).send(deadline);
    },
  );

  app.patch(
    '/api/cases/:id/deadlines/:deadlineId',
    {
      config: { permission: 'cases.read', audit: 'cases.deadline_changed' },
      schema: {
        tags: ['cases'],
        summary: 'Mark a deadline met or not met',
        params: deadlineParams,
        body: deadlineStateBody,
        response: { 200: z.object({ id: z.string(), done: z.boolean(), changed: z.boolean() }) },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const changed = await setDeadlineDone(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.params.deadlineId,
        request.body.done,
        request.locale,
      );
      auditDetails(request, grant, { deadlineId: changed.id, done: changed.done });
      return changed;
    },
  );

  app.get(
    '/api/cases/:id/messages',
    {
      config: { permission: 'cases.read', audit: 'cases.messages_read' },
      schema: {
        tags: ['cases'],
        summary: 'The conversation with the reporter through the receipt channel',
        params: caseIdParams,
        response: { 200: caseMessageList },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const { answer, newlyRead } = await readStaffMessages(db(), config(), grant.caseId);
      auditDetails(request, grant, { messages: answer.messages.length, newlyRead });
      return answer;
    },
  );

  app.post(
    '/api/cases/:id/messages',
    {
      config: { permission: 'cases.read', audit: 'cases.message_sent' },
      schema: {
        tags: ['cases'],
        summary: 'Write to the reporter (read with the receipt code)',
        params: caseIdParams,
        body: messageBody,
        response: { 201: createdItem },
      },
    },
    async (request, reply) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const message = await sendStaffMessage(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.body.body,
        request.locale,
      );
      auditDetails(request, grant, { messageId: message.id });
      return reply.status(201).send(message);
    },
  );
}
