import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { FileRefusedError } from '../../core/files/file-content.ts';
import { translate } from '../../i18n/i18n.ts';
import { fileFieldError, fileMissingError } from '../files/file-errors.ts';
import { MAX_STORED_FILE_BYTES, prepareFile } from '../files/store-file.ts';
import {
  addCaseDocument,
  caseDocumentAccept,
  listCaseDocuments,
  readCaseDocument,
  removeCaseDocument,
} from './case-documents.ts';
import { actorOf, auditDetails, caseGrant } from './case-route-helpers.ts';
import { caseIdParams } from './schemas.ts';
import { caseDocumentList, createdItem } from './timeline-schemas.ts';

const FIELD = 'file';
const MAX_DESCRIPTION = 2_000;
const documentParams = z.object({ id: z.string().max(100), documentId: z.string().max(100) });

/** `filename="ascii fallback"; filename*=UTF-8''exact` (RFC 6266); the name is already safe. */
function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replaceAll('"', '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function statusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : null;
}

function hasControlCharacters(value: string): boolean {
  for (const character of value) {
    const code = character.charCodeAt(0);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** The upload form: one file and an optional description. Anything unreadable is a 400. */
async function readDocumentForm(request: FastifyRequest) {
  if (!request.isMultipart()) throw fileMissingError(request.locale, FIELD, caseDocumentAccept);
  let description: string | null = null;
  let file: { fileName: string; bytes: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'description' && typeof part.value === 'string') {
          description = part.value.trim() || null;
        }
        continue;
      }
      const bytes = await part.toBuffer();
      if (part.fieldname === FIELD && !file && bytes.length > 0) {
        file = { fileName: part.filename, bytes };
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (statusOf(error) === 413) {
      throw fileFieldError(new FileRefusedError('too_large'), {
        locale: request.locale,
        field: FIELD,
        accept: caseDocumentAccept,
      });
    }
    throw new AppError('bad_request', { cause: error });
  }
  if (
    description !== null &&
    (description.length > MAX_DESCRIPTION || hasControlCharacters(description))
  ) {
    throw new AppError('validation_failed', {
      fields: [
        {
          field: 'description',
          message: translate(request.locale, 'cases.validation.text_invalid'),
        },
      ],
    });
  }
  if (!file) throw fileMissingError(request.locale, FIELD, caseDocumentAccept);
  return { description, file };
}

/**
 * Documents on a case: uploaded by the team (content checked, metadata removed, encrypted),
 * listed and downloaded by the team or by a referral that shares `documents`, removed by the
 * team (the content is erased, the timeline keeps that it existed).
 */
export async function caseDocumentRoutes(fastify: FastifyInstance): Promise<void> {
  // One more byte than the limit, so an oversized file is told apart from one exactly at it.
  await fastify.register(fastifyMultipart, {
    limits: { fileSize: MAX_STORED_FILE_BYTES + 1, files: 1, fields: 3, parts: 4 },
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const config = () => app.deps.config;

  app.post(
    '/api/cases/:id/documents',
    {
      config: { permission: 'cases.read', audit: 'cases.document_added' },
      schema: {
        tags: ['cases'],
        summary: 'Attach a document (PDF, image or text; metadata removed, stored encrypted)',
        consumes: ['multipart/form-data'],
        params: caseIdParams,
        response: { 201: createdItem },
      },
    },
    async (request, reply) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const form = await readDocumentForm(request);
      let prepared;
      try {
        prepared = await prepareFile({
          bytes: form.file.bytes,
          fileName: form.file.fileName,
          accept: caseDocumentAccept,
        });
      } catch (error) {
        throw fileFieldError(error, {
          locale: request.locale,
          field: FIELD,
          accept: caseDocumentAccept,
        });
      }
      const document = await addCaseDocument(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        prepared,
        form.description,
        request.locale,
      );
      auditDetails(request, grant, { documentId: document.id, mediaType: prepared.mediaType });
      return reply.status(201).send(document);
    },
  );

  app.get(
    '/api/cases/:id/documents',
    {
      config: { permission: 'cases.read', audit: 'cases.documents_listed' },
      schema: {
        tags: ['cases'],
        summary: 'The documents of a case (team, or a referral sharing documents)',
        params: caseIdParams,
        response: { 200: caseDocumentList },
      },
    },
    async (request) => {
      const grant = await caseGrant(request, request.params.id, 'any', 'documents');
      const documents = await listCaseDocuments(db(), config(), grant.caseId);
      auditDetails(request, grant, { access: grant.access, count: documents.length });
      return documents;
    },
  );

  app.get(
    '/api/cases/:id/documents/:documentId',
    {
      config: { permission: 'cases.read', audit: 'cases.document_read' },
      schema: {
        tags: ['cases'],
        summary: 'Download a document (always as an attachment)',
        params: documentParams,
      },
    },
    async (request, reply) => {
      const grant = await caseGrant(request, request.params.id, 'any', 'documents');
      const file = await readCaseDocument(db(), config(), grant.caseId, request.params.documentId);
      auditDetails(request, grant, { access: grant.access, documentId: file.documentId });
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
    '/api/cases/:id/documents/:documentId',
    {
      config: { permission: 'cases.read', audit: 'cases.document_removed' },
      schema: {
        tags: ['cases'],
        summary: 'Remove a document (its content is erased)',
        params: documentParams,
      },
    },
    async (request, reply) => {
      const grant = await caseGrant(request, request.params.id, 'team');
      const removed = await removeCaseDocument(
        db(),
        config(),
        actorOf(request),
        grant.caseId,
        request.params.documentId,
        request.locale,
      );
      auditDetails(request, grant, { documentId: removed.id });
      return reply.status(204).send();
    },
  );
}
