import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { csrfTokenFor, hostCookieName, secureCookies } from '../../http/csrf.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import type { SessionContext } from '../../http/request-context.ts';
import { hashPassword, isCurrentPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { presentSessionUser, sessionUserView } from './session-user.ts';
import { completeSecondFactor, signIn } from './sign-in.ts';
import { loadActor, revokeSession, revokeUserSessions, SESSION_COOKIE } from './sessions.ts';
import {
  disableTotp,
  enableTotp,
  isValidTotpCode,
  readTotpSecret,
  startTotpEnrolment,
} from './totp.ts';

const signedInResponse = z.object({
  status: z.literal('signed_in'),
  user: sessionUserView,
  csrfToken: z.string(),
});
const secondFactorResponse = z.object({
  status: z.literal('second_factor_required'),
  csrfToken: z.string(),
});

export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, 'validation.password_too_short')
  .max(1024);

function wrongPassword(locale: Locale, field: string): AppError {
  return new AppError('validation_failed', {
    fields: [{ field, message: translate(locale, 'validation.current_password_wrong') }],
  });
}

function actorOrFail(request: FastifyRequest) {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;

  function startSession(request: FastifyRequest, reply: FastifyReply, session: SessionContext) {
    request.session = session;
    reply.setCookie(hostCookieName(config, SESSION_COOKIE), session.id, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(config),
      maxAge: config.session.absoluteHours * 3600,
    });
  }

  app.get(
    '/api/auth/session',
    {
      config: { permission: 'public', audit: null },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user (or null) and the CSRF token for unsafe requests',
        response: { 200: z.object({ user: sessionUserView.nullable(), csrfToken: z.string() }) },
      },
    },
    async (request, reply) => ({
      user: request.actor ? await presentSessionUser(db(), request.actor) : null,
      csrfToken: csrfTokenFor(request, reply, config),
    }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public', audit: 'auth.login' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        body: z.object({
          email: z.string().trim().min(1).max(320),
          password: z.string().min(1).max(1024),
        }),
        response: { 200: z.discriminatedUnion('status', [signedInResponse, secondFactorResponse]) },
      },
    },
    async (request, reply) => {
      const result = await signIn(db(), config, {
        email: request.body.email,
        password: request.body.password,
        address: request.ip,
        previousSession: request.session,
      });
      startSession(request, reply, result.session);
      request.auditTarget = {
        type: 'user',
        id: result.session.userId,
        details: { secondFactorRequired: result.secondFactorRequired },
      };
      const csrfToken = csrfTokenFor(request, reply, config);
      if (result.secondFactorRequired) {
        return { status: 'second_factor_required' as const, csrfToken };
      }
      request.actor = await loadActor(db(), result.session.userId);
      return {
        status: 'signed_in' as const,
        user: await presentSessionUser(db(), actorOrFail(request)),
        csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/second-factor',
    {
      config: { permission: 'public', audit: 'auth.second_factor' },
      schema: {
        tags: ['auth'],
        summary: 'Complete sign-in with the TOTP code',
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'validation.totp_code'),
        }),
        response: { 200: signedInResponse },
      },
    },
    async (request, reply) => {
      const pending = request.session;
      if (!pending?.pendingSecondFactor) throw new AppError('unauthenticated');
      request.auditTarget = { type: 'user', id: pending.userId };
      const session = await completeSecondFactor(db(), config, {
        session: pending,
        code: request.body.code,
        address: request.ip,
      });
      startSession(request, reply, session);
      request.actor = await loadActor(db(), session.userId);
      return {
        status: 'signed_in' as const,
        user: await presentSessionUser(db(), actorOrFail(request)),
        csrfToken: csrfTokenFor(request, reply, config),
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'public', audit: 'auth.logout' },
      schema: { tags: ['auth'], summary: 'Sign out (revokes the session)' },
    },
    async (request, reply) => {
      if (request.session) {
        request.auditTarget = { type: 'user', id: request.session.userId };
        await revokeSession(db(), request.session.idHash);
      }
      reply.clearCookie(hostCookieName(config, SESSION_COOKIE), {
        path: '/',
        secure: secureCookies(config),
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { permission: 'signed_in', audit: 'auth.password_changed' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (signs out your other sessions)',
        body: z.object({
          currentPassword: z.string().min(1).max(1024),
          newPassword: newPasswordField,
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOrFail(request);
      request.auditTarget = { type: 'user', id: actor.id };
      if (!(await isCurrentPassword(db(), actor.id, request.body.currentPassword))) {
        throw wrongPassword(request.locale, 'currentPassword');
      }
      await db()
        .updateTable('users')
        .set({
          password_hash: await hashPassword(request.body.newPassword),
          updated_at: new Date(),
        })
        .where('id', '=', actor.id)
        .execute();
      await revokeUserSessions(db(), actor.id, request.session?.idHash);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { permission: 'signed_in', audit: 'auth.totp_setup' },
      schema: {
        tags: ['auth'],
        summary: 'Start two-factor enrolment: returns the secret and its QR code',
        response: {
          200: z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }),
        },
      },
    },
    async (request) => {
      const actor = actorOrFail(request);
      request.auditTarget = { type: 'user', id: actor.id };
      const existing = await readTotpSecret(db(), config, actor.id);
      if (existing?.enabled) throw new AppError('conflict');
      return startTotpEnrolment(db(), config, actor);
    },
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: { permission: 'signed_in', audit: 'auth.totp_enabled' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm enrolment with a code from the authenticator',
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'validation.totp_code'),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOrFail(request);
      request.auditTarget = { type: 'user', id: actor.id };
      const totp = await readTotpSecret(db(), config, actor.id);
      if (!totp || !isValidTotpCode(totp.secret, request.body.code)) {
        throw new AppError('second_factor_invalid');
      }
      await enableTotp(db(), actor.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { permission: 'signed_in', audit: 'auth.totp_disabled' },
      schema: {
        tags: ['auth'],
        summary: 'Turn two-factor authentication off (needs the password)',
        body: z.object({ password: z.string().min(1).max(1024) }),
      },
    },
    async (request, reply) => {
      const actor = actorOrFail(request);
      request.auditTarget = { type: 'user', id: actor.id };
      if (!(await isCurrentPassword(db(), actor.id, request.body.password))) {
        throw wrongPassword(request.locale, 'password');
      }
      await disableTotp(db(), actor.id);
      return reply.status(204).send();
    },
  );
}
