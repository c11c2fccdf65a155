import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../../core/errors.ts';
import { can, type Actor } from '../../core/policy.ts';
import { translate } from '../../i18n/i18n.ts';
import { isUuid } from './check-help-desk.ts';
import { helpDeskHistoryPage as loadHistoryPage } from './help-desk-history.ts';
import { normaliseState, type HelpDeskState } from './help-desk-state.ts';
import { listHelpDesks } from './list-help-desks.ts';
import { canEditHelpDesk, loadHelpDesk, loadHelpDeskState } from './load-help-desk.ts';
import { createHelpDesk, updateHelpDesk, type ActionContext } from './save-help-desk.ts';
import {
  createHelpDeskBody,
  helpDeskDetail,
  helpDeskHistoryPage,
  helpDeskIdParams,
  helpDeskPage,
  listHelpDesksQuery,
  updateHelpDeskBody,
  type CreateHelpDeskBody,
  type UpdateHelpDeskBody,
} from './schemas.ts';

function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

function contextOf(request: FastifyRequest): ActionContext {
  const actor = actorOf(request);
  return { actor: { userId: actor.id, label: actor.email }, locale: request.locale };
}

function newState(body: CreateHelpDeskBody): HelpDeskState {
  return normaliseState({
    organisationId: body.organisationId,
    name: body.name,
    description: body.description ?? null,
    municipalityCode: body.municipalityCode,
    address: body.address ?? null,
    postalCode: body.postalCode ?? null,
    latitude: body.latitude ?? null,
    longitude: body.longitude ?? null,
    phone: body.phone ?? null,
    email: body.email ?? null,
    website: body.website ?? null,
    onlineUrl: body.onlineUrl ?? null,
    channels: body.channels,
    services: body.services ?? [],
    languages: body.languages ?? [],
    accessibility: body.accessibility ?? [],
    accessMode: body.accessMode,
    openingHours: body.openingHours,
    competentMunicipalityCodes: body.competentMunicipalityCodes,
    status: body.status ?? 'active',
  });
}

function patchedState(before: HelpDeskState, body: UpdateHelpDeskBody): HelpDeskState {
  const given = Object.fromEntries(
    Object.entries(body).filter(([, value]) => value !== undefined),
  ) as Partial<HelpDeskState>;
  return normaliseState({ ...before, ...given });
}

/**
 * Help desks of the network map for the back office: everyone with `organisations.read` reads;
 * network admins and the coordinators of a desk's organisation change it (`network.edit`).
 */
export async function helpDeskRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  async function present(request: FastifyRequest, id: string) {
    const desk = await loadHelpDesk(db(), id, actorOf(request));
    if (!desk) throw notFound();
    return desk;
  }

  app.get(
    '/api/help-desks',
    {
      config: { permission: 'organisations.read', audit: null },
      schema: {
        tags: ['help-desks'],
        summary: 'Help desks by name, filtered by organisation, municipality, service, language',
        querystring: listHelpDesksQuery,
        response: { 200: helpDeskPage },
      },
    },
    async (request) => listHelpDesks(db(), request.query, request.locale),
  );

  app.get(
    '/api/help-desks/:id',
    {
      config: { permission: 'organisations.read', audit: null },
      schema: {
        tags: ['help-desks'],
        summary: 'One help desk',
        params: helpDeskIdParams,
        response: { 200: helpDeskDetail },
      },
    },
    async (request) => present(request, request.params.id),
  );

  app.post(
    '/api/help-desks',
    {
      config: { permission: 'network.edit', audit: 'help_desks.created' },
      schema: {
        tags: ['help-desks'],
        summary: 'Create a help desk of an organisation',
        body: createHelpDeskBody,
        response: { 201: helpDeskDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const state = newState(request.body);
      // Node coordinators create desks only for their own organisation.
      if (!canEditHelpDesk(actor, state.organisationId)) throw notFound();
      const id = await createHelpDesk(db(), state, contextOf(request));
      request.auditTarget = { type: 'help_desk', id };
      request.auditRecorded = true;
      return reply.status(201).send(await present(request, id));
    },
  );

  app.patch(
    '/api/help-desks/:id',
    {
      config: { permission: 'network.edit', audit: 'help_desks.updated' },
      schema: {
        tags: ['help-desks'],
        summary: 'Change a help desk (moving it to another organisation needs network.manage)',
        params: helpDeskIdParams,
        body: updateHelpDeskBody,
        response: { 200: helpDeskDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id.toLowerCase();
      if (!isUuid(id)) throw notFound();
      request.auditTarget = { type: 'help_desk', id };
      const fields = await updateHelpDesk(
        db(),
        id,
        (before) => {
          if (!canEditHelpDesk(actor, before.organisationId)) throw notFound();
          const after = patchedState(before, request.body);
          const moved = after.organisationId !== before.organisationId;
          if (
            moved &&
            (!can(actor, 'network.manage') || !canEditHelpDesk(actor, after.organisationId))
          ) {
            throw new AppError('validation_failed', {
              fields: [
                {
                  field: 'organisationId',
                  message: translate(request.locale, 'network.validation.move_forbidden'),
                },
              ],
            });
          }
          return after;
        },
        contextOf(request),
      );
      if (!fields) throw notFound();
      request.auditTarget = { type: 'help_desk', id, details: { fields } };
      // With changes the audit row was written with them; with none the guard records the call.
      request.auditRecorded = fields.length > 0;
      return present(request, id);
    },
  );

  app.get(
    '/api/help-desks/:id/history',
    {
      config: { permission: 'organisations.read', audit: null },
      schema: {
        tags: ['help-desks'],
        summary: 'What changed on a help desk, newest first',
        params: helpDeskIdParams,
        response: { 200: helpDeskHistoryPage },
      },
    },
    async (request) => {
      const desk = await loadHelpDeskState(db(), request.params.id);
      if (!desk) throw notFound();
      return loadHistoryPage(db(), request.params.id.toLowerCase());
    },
  );
}
