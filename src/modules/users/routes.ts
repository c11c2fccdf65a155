import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../../core/errors.ts';
import { canReadUser, type Actor } from '../../core/policy.ts';
import { disableUser, enableUser, resetUserPassword } from './account-status.ts';
import { createUser } from './create-user.ts';
import { listUsers } from './list-users.ts';
import { replaceMemberships } from './replace-memberships.ts';
import {
  createUserBody,
  listUsersQuery,
  membershipsBody,
  passwordBody,
  updateUserBody,
  userIdParams,
  userPage,
} from './schemas.ts';
import { assertMayManage, type ManageAction } from './self-protection.ts';
import { updateUserProfile } from './update-profile.ts';
import { isUuid } from './user-id.ts';
import { loadUserSummary, organisationIdsOf, userSummary } from './user-summary.ts';

function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/** User administration for the back office: `users.read` to look, `users.manage` to change. */
export async function userRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  /** The account behind `:id` if the actor may read it; otherwise 404, like a missing one. */
  async function readableUser(request: FastifyRequest, id: string) {
    if (!isUuid(id)) throw notFound();
    request.auditTarget = { type: 'user', id: id.toLowerCase() };
    const summary = await loadUserSummary(db(), id);
    const actor = actorOf(request);
    if (
      !summary ||
      !canReadUser(actor, { id: summary.id, organisationIds: organisationIdsOf(summary) })
    ) {
      throw notFound();
    }
    return summary;
  }

  async function manageableUser(request: FastifyRequest, id: string, action: ManageAction) {
    const summary = await readableUser(request, id);
    assertMayManage(actorOf(request), summary.id, action, request.locale);
    return summary;
  }

  async function presentChanged(id: string) {
    const summary = await loadUserSummary(db(), id);
    if (!summary) throw notFound();
    return summary;
  }

  app.get(
    '/api/users',
    {
      config: { permission: 'users.read', audit: 'users.list' },
      schema: {
        tags: ['users'],
        summary: 'Accounts you may see, by name, optionally filtered by name or e-mail',
        querystring: listUsersQuery,
        response: { 200: userPage },
      },
    },
    async (request) => {
      const page = await listUsers(db(), actorOf(request), request.query, request.locale);
      request.auditTarget = {
        type: 'user',
        id: '*',
        details: {
          count: page.items.length,
          userIds: page.items.map((item) => item.id),
          searched: Boolean(request.query.query?.trim()),
        },
      };
      return page;
    },
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users.manage', audit: 'users.created' },
      schema: {
        tags: ['users'],
        summary: 'Create an account with its organisation memberships',
        body: createUserBody,
        response: { 201: userSummary },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createUser(db(), request.body, {
        actor: { userId: actor.id, label: actor.email },
        locale: request.locale,
      });
      request.auditTarget = { type: 'user', id };
      request.auditRecorded = true;
      return reply.status(201).send(await presentChanged(id));
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { permission: 'users.read', audit: 'users.read' },
      schema: {
        tags: ['users'],
        summary: 'One account',
        params: userIdParams,
        response: { 200: userSummary },
      },
    },
    async (request) => readableUser(request, request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'users.manage', audit: 'users.update' },
      schema: {
        tags: ['users'],
        summary: "Change an account's display name or language",
        params: userIdParams,
        body: updateUserBody,
        response: { 200: userSummary },
      },
    },
    async (request) => {
      const target = await manageableUser(request, request.params.id, 'update');
      const fields = await updateUserProfile(db(), target.id, request.body);
      request.auditTarget = { type: 'user', id: target.id, details: { fields } };
      return presentChanged(target.id);
    },
  );

  app.put(
    '/api/users/:id/memberships',
    {
      config: { permission: 'users.manage', audit: 'users.memberships_changed' },
      schema: {
        tags: ['users'],
        summary: "Replace an account's organisation memberships and roles",
        params: userIdParams,
        body: membershipsBody,
        response: { 200: userSummary },
      },
    },
    async (request) => {
      const target = await manageableUser(request, request.params.id, 'memberships');
      const change = await replaceMemberships(
        db(),
        target.id,
        request.body.memberships,
        request.locale,
      );
      request.auditTarget = { type: 'user', id: target.id, details: { ...change } };
      return presentChanged(target.id);
    },
  );

  app.post(
    '/api/users/:id/disable',
    {
      config: { permission: 'users.manage', audit: 'users.disabled' },
      schema: {
        tags: ['users'],
        summary: 'Disable an account and end all its sessions',
        params: userIdParams,
        response: { 200: userSummary },
      },
    },
    async (request) => {
      const target = await manageableUser(request, request.params.id, 'disable');
      await disableUser(db(), target.id);
      return presentChanged(target.id);
    },
  );

  app.post(
    '/api/users/:id/enable',
    {
      config: { permission: 'users.manage', audit: 'users.enabled' },
      schema: {
        tags: ['users'],
        summary: 'Enable a disabled account',
        params: userIdParams,
        response: { 200: userSummary },
      },
    },
    async (request) => {
      const target = await manageableUser(request, request.params.id, 'enable');
      await enableUser(db(), target.id);
      return presentChanged(target.id);
    },
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { permission: 'users.manage', audit: 'users.password_reset' },
      schema: {
        tags: ['users'],
        summary: "Set a new password for an account (ends all of the account's sessions)",
        params: userIdParams,
        body: passwordBody,
      },
    },
    async (request, reply) => {
      const target = await manageableUser(request, request.params.id, 'password');
      await resetUserPassword(db(), target.id, request.body.password);
      return reply.status(204).send();
    },
  );
}
