import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import { translate } from '../../i18n/i18n.ts';
import { confirmImport } from './confirm-import.ts';
import {
  directoryCsv,
  directoryXlsx,
  helpDesksCsv,
  loadDesksOf,
  loadDirectory,
} from './export-organisations.ts';
import { loadMunicipalityIndex } from './import-context.ts';
import { previewImport } from './preview-import.ts';
import { downloadName, officeContentTypes } from '../spreadsheets/office-files.ts';
import { exportQuery, importPreview, importResult, previewIdParams } from './schemas.ts';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/** Mapping survey import (preview, then confirm) and the directory export. */
export async function networkImportRoutes(fastify: FastifyInstance): Promise<void> {
  // Multipart bodies are accepted only by this module's routes.
  await fastify.register(fastifyMultipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6 },
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.post(
    '/api/network/import/preview',
    {
      config: { permission: 'network.manage', audit: 'network.import_previewed' },
      schema: {
        tags: ['network'],
        summary: 'Upload a mapping survey (CSV or XLSX) and see what importing it would do',
        consumes: ['multipart/form-data'],
        response: { 200: importPreview },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const file = await request.file();
      if (!file) {
        throw new AppError('validation_failed', {
          fields: [{ field: 'file', message: translate(request.locale, 'import.file.missing') }],
        });
      }
      const bytes = await file.toBuffer();
      const { preview, plan, fileSha256 } = await previewImport(
        db(),
        { fileName: file.filename.slice(0, 255), bytes },
        { userId: actor.id, locale: request.locale },
      );
      request.auditTarget = {
        type: 'network_import',
        id: preview.previewId,
        details: {
          rows: preview.rows,
          create: plan.create.length,
          update: plan.update.length,
          unchanged: plan.unchanged,
          helpDesksCreate: plan.helpDesks.create.length,
          helpDesksUpdate: plan.helpDesks.update.length,
          rejected: plan.rejected.length,
          fileSha256,
        },
      };
      return preview;
    },
  );

  app.post(
    '/api/network/import/:previewId/confirm',
    {
      config: { permission: 'network.manage', audit: 'network.imported' },
      schema: {
        tags: ['network'],
        summary: 'Apply a preview exactly as shown, all or nothing',
        params: previewIdParams,
        response: { 200: importResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { previewId } = request.params;
      if (!uuidPattern.test(previewId)) throw notFound();
      request.auditTarget = { type: 'network_import', id: previewId.toLowerCase() };
      const result = await confirmImport(db(), previewId, { userId: actor.id, label: actor.email });
      request.auditRecorded = true;
      return result;
    },
  );

  app.get(
    '/api/organisations/export',
    {
      config: { permission: 'organisations.read', audit: 'organisations.exported' },
      schema: {
        tags: ['organisations'],
        summary:
          'Download the directory (CSV for Italian Excel, XLSX or JSON) with the list filters; ' +
          'XLSX holds organisations and help desks, CSV and JSON one of them (`sheet`)',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const { format, sheet, ...filters } = request.query;
      const [organisations, municipalities] = await Promise.all([
        loadDirectory(db(), filters),
        loadMunicipalityIndex(db()),
      ]);
      const desks =
        format === 'xlsx' || sheet === 'help_desks'
          ? await loadDesksOf(db(), organisations, municipalities)
          : [];
      const desksOnly = format !== 'xlsx' && sheet === 'help_desks';
      request.auditTarget = {
        type: 'organisation',
        id: '*',
        details: {
          format,
          count: desksOnly ? desks.length : organisations.length,
          ...(desks.length > 0 || desksOnly ? { helpDesks: desks.length } : {}),
        },
      };
      const fileName = downloadName(`rete-${desksOnly ? 'sportelli' : 'organizzazioni'}`, format);
      reply
        .header('content-type', officeContentTypes[format])
        .header('content-disposition', `attachment; filename="${fileName}"`);
      if (format === 'json') return reply.send(JSON.stringify(desksOnly ? desks : organisations));
      if (format === 'xlsx') {
        return reply.send(
          await directoryXlsx(organisations, desks, request.locale, municipalities),
        );
      }
      if (desksOnly) return reply.send(helpDesksCsv(desks, request.locale, municipalities));
      return reply.send(directoryCsv(organisations, request.locale, municipalities));
    },
  );
}
