import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import { FileRefusedError } from '../../core/files/file-content.ts';
import { canManageOrganisation, type Actor } from '../../core/policy.ts';
import { fileFieldError, fileMissingError } from '../files/file-errors.ts';
import { MAX_STORED_FILE_BYTES, prepareFile } from '../files/store-file.ts';
import { isUuid } from './field-errors.ts';
import { organisationIdParams } from './schemas.ts';
import {
  attachUnarProtocol,
  canReadUnarProtocol,
  readUnarProtocol,
  removeUnarProtocol,
  unarProtocolAccept,
} from './unar-protocol-document.ts';

const FIELD = 'file';

const unarProtocolDocument = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});

function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/** The organisation id if the rule allows the actor; 404 otherwise, like a missing record. */
async function organisationFor(
  request: FastifyRequest,
  rawId: string,
  allowed: (actor: Actor, organisationId: string) => boolean,
): Promise<string> {
  if (!isUuid(rawId)) throw notFound();
  const id = rawId.toLowerCase();
  request.auditTarget = { type: 'organisation', id };
  if (!allowed(actorOf(request), id)) throw notFound();
  const exists = await request.server.deps.database.db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!exists) throw notFound();
  return id;
}

/** `filename="ascii fallback"; filename*=UTF-8''exact` (RFC 6266); the name is already safe. */
function attachmentHeader(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The signed UNAR protocol of a network member (one PDF per organisation): uploaded and removed
 * by whoever may edit the organisation, downloaded by its own staff and the network admins.
 */
export async function unarProtocolRoutes(fastify: FastifyInstance): Promise<void> {
  // One more byte than the limit, so an oversized file is told apart from one exactly at it.
  await fastify.register(fastifyMultipart, {
    limits: { fileSize: MAX_STORED_FILE_BYTES + 1, files: 1, fields: 2, parts: 3 },
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const keys = () => app.deps.config.masterKeys;
  const context = (request: FastifyRequest) => {
    const actor = actorOf(request);
    return { actor: { userId: actor.id, label: actor.email }, locale: request.locale };
  };
  const refusal = (request: FastifyRequest, error: unknown) =>
    fileFieldError(error, { locale: request.locale, field: FIELD, accept: unarProtocolAccept });

  app.put(
    '/api/organisations/:id/unar-protocol-document',
    {
      config: { permission: 'network.edit', audit: 'organisations.unar_document_uploaded' },
      schema: {
        tags: ['organisations'],
        summary: 'Upload the signed UNAR protocol (PDF, metadata removed, stored encrypted)',
        consumes: ['multipart/form-data'],
        params: organisationIdParams,
        response: { 200: unarProtocolDocument },
      },
    },
    async (request) => {
      const id = await organisationFor(request, request.params.id, canManageOrganisation);
      const file = await request.file();
      if (!file || file.fieldname !== FIELD) {
        throw fileMissingError(request.locale, FIELD, unarProtocolAccept);
      }
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch (error) {
        if ((error as { statusCode?: unknown }).statusCode !== 413) throw error;
        throw refusal(request, new FileRefusedError('too_large'));
      }
      let prepared;
      try {
        prepared = await prepareFile({
          bytes,
          fileName: file.filename,
          accept: unarProtocolAccept,
        });
      } catch (error) {
        throw refusal(request, error);
      }
      const document = await attachUnarProtocol(db(), keys(), id, prepared, context(request));
      request.auditRecorded = true;
      return document;
    },
  );

  app.get(
    '/api/organisations/:id/unar-protocol-document',
    {
      config: { permission: 'organisations.read', audit: 'organisations.unar_document_read' },
      schema: {
        tags: ['organisations'],
        summary: 'Download the signed UNAR protocol (always as an attachment)',
        params: organisationIdParams,
      },
    },
    async (request, reply) => {
      const id = await organisationFor(request, request.params.id, canReadUnarProtocol);
      const file = await readUnarProtocol(db(), keys(), id);
      request.auditTarget = { type: 'organisation', id, details: { fileId: file.id } };
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentHeader(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.bytes);
    },
  );

  app.delete(
    '/api/organisations/:id/unar-protocol-document',
    {
      config: { permission: 'network.edit', audit: 'organisations.unar_document_removed' },
      schema: {
        tags: ['organisations'],
        summary: 'Remove the signed UNAR protocol (its content is erased)',
        params: organisationIdParams,
      },
    },
    async (request, reply) => {
      const id = await organisationFor(request, request.params.id, canManageOrganisation);
      const removed = await removeUnarProtocol(db(), keys(), id, context(request));
      if (!removed) throw notFound();
      request.auditRecorded = true;
      return reply.status(204).send();
    },
  );
}
