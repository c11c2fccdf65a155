import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../../core/errors.ts';
import { can, canManageOrganisation, type Actor } from '../../core/policy.ts';
import { createOrganisation } from './create-organisation.ts';
import { isUuid } from './field-errors.ts';
import { listOrganisations } from './list-organisations.ts';
import { loadOrganisation } from './load-organisation.ts';
import { organisationHistoryPage } from './organisation-history.ts';
import type { ActionContext } from './record-change.ts';
import { replaceReferrals } from './replace-referrals.ts';
import {
  createOrganisationBody,
  historyPage,
  listOrganisationsQuery,
  organisationDetail,
  organisationIdParams,
  organisationPage,
  referralsBody,
  updateOrganisationBody,
} from './schemas.ts';
import { updateOrganisation } from './update-organisation.ts';

function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

function contextOf(request: FastifyRequest): ActionContext {
  const actor = actorOf(request);
  return { actor: { userId: actor.id, label: actor.email }, locale: request.locale };
}

/**
 * The organisations of the network map (docs/network-map-api.md): `organisations.read` to
 * look, `network.manage` to create and change membership, `network.edit` to edit (node
 * coordinators only the organisations they coordinate; others answer 404).
 */
export async function organisationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  /** The id of an organisation the actor may change; 404 otherwise, like a missing one. */
  async function changeableId(request: FastifyRequest, id: string): Promise<string> {
    if (!isUuid(id)) throw notFound();
    const organisationId = id.toLowerCase();
    request.auditTarget = { type: 'organisation', id: organisationId };
    if (!canManageOrganisation(actorOf(request), organisationId)) throw notFound();
    const exists = await db()
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (!exists) throw notFound();
    return organisationId;
  }

  async function present(request: FastifyRequest, id: string) {
    const organisation = await loadOrganisation(
      db(),
      id,
      actorOf(request),
      app.deps.config.masterKeys,
    );
    if (!organisation) throw notFound();
    return organisation;
  }

  app.get(
    '/api/organisations',
    {
      // The directory of the network's organisations holds no personal data.
      config: { permission: 'organisations.read', audit: null },
      schema: {
        tags: ['organisations'],
        summary: 'Organisations of the network by name, filtered, one page at a time',
        querystring: listOrganisationsQuery,
        response: { 200: organisationPage },
      },
    },
    async (request) => listOrganisations(db(), request.query, request.locale),
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { permission: 'organisations.read', audit: null },
      schema: {
        tags: ['organisations'],
        summary: 'One organisation with its territories, referrals and help desks',
        params: organisationIdParams,
        response: { 200: organisationDetail },
      },
    },
    async (request) => {
      if (!isUuid(request.params.id)) throw notFound();
      return present(request, request.params.id.toLowerCase());
    },
  );

  app.post(
    '/api/organisations',
    {
      config: { permission: 'network.manage', audit: 'organisations.created' },
      schema: {
        tags: ['organisations'],
        summary: 'Create an organisation',
        body: createOrganisationBody,
        response: { 201: organisationDetail },
      },
    },
    async (request, reply) => {
      const id = await createOrganisation(db(), request.body, contextOf(request));
      request.auditTarget = { type: 'organisation', id };
      request.auditRecorded = true;
      return reply.status(201).send(await present(request, id));
    },
  );

  app.patch(
    '/api/organisations/:id',
    {
      config: { permission: 'network.edit', audit: 'organisations.updated' },
      schema: {
        tags: ['organisations'],
        summary: 'Change an organisation (membership and status need network.manage)',
        params: organisationIdParams,
        body: updateOrganisationBody,
        response: { 200: organisationDetail },
      },
    },
    async (request) => {
      const id = await changeableId(request, request.params.id);
      const fields = await updateOrganisation(db(), id, request.body, {
        ...contextOf(request),
        mayManageMembership: can(actorOf(request), 'network.manage'),
      });
      request.auditTarget = { type: 'organisation', id, details: { fields } };
      // The change wrote its own audit row; a request that changed nothing is logged as usual.
      request.auditRecorded = fields.length > 0;
      return present(request, id);
    },
  );

  app.put(
    '/api/organisations/:id/referrals',
    {
      config: { permission: 'network.edit', audit: 'organisations.referrals_changed' },
      schema: {
        tags: ['organisations'],
        summary: 'Replace the organisations this one refers cases to',
        params: organisationIdParams,
        body: referralsBody,
        response: { 200: organisationDetail },
      },
    },
    async (request) => {
      const id = await changeableId(request, request.params.id);
      const changed = await replaceReferrals(db(), id, request.body, contextOf(request));
      request.auditTarget = { type: 'organisation', id, details: { changed } };
      request.auditRecorded = changed;
      return present(request, id);
    },
  );

  app.get(
    '/api/organisations/:id/history',
    {
      config: { permission: 'organisations.read', audit: null },
      schema: {
        tags: ['organisations'],
        summary: 'The changes to an organisation, newest first',
        params: organisationIdParams,
        response: { 200: historyPage },
      },
    },
    async (request) => {
      if (!isUuid(request.params.id)) throw notFound();
      const id = request.params.id.toLowerCase();
      const exists = await db()
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!exists) throw notFound();
      return organisationHistoryPage(db(), id);
    },
  );
}
