import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { locales } from '../../i18n/i18n.ts';
import { actorOf } from '../cases/case-route-helpers.ts';
import { readFile } from '../files/read-file.ts';
import {
  BUILD_STATS_REPORT_JOB,
  listStaffReports,
  loadStaffReport,
  reportYears,
  requestStaffReport,
  type StaffReportView,
} from './staff-reports.ts';

const reportBody = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  municipalityCode: z
    .string()
    .regex(/^\d{6}$/, 'stats.validation.municipality_invalid')
    .nullish(),
  locale: z.enum(locales).optional(),
});

const reportView = z.object({
  id: z.uuid(),
  year: z.number().int(),
  municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
  locale: z.enum(locales),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().int().min(0).max(100),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
});

const reportParams = z.object({ id: z.string().max(64) });

function present(report: StaffReportView): z.infer<typeof reportView> {
  return {
    id: report.id,
    year: report.year,
    municipality: report.municipality,
    locale: report.locale,
    status: report.status,
    progress: report.progress,
    createdAt: report.createdAt.toISOString(),
    finishedAt: report.finishedAt?.toISOString() ?? null,
    expiresAt: report.expiresAt.toISOString(),
  };
}

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/**
 * Staff reports on equality data as background jobs: ask, follow the progress, download. Only
 * the requester sees a report; anyone else gets 404, as for one that does not exist.
 */
export async function statsReportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/stats/reports',
    {
      config: { permission: 'aggregates.read', audit: null },
      schema: {
        tags: ['stats'],
        summary: "The signed-in user's reports on equality data, and the years they can cover",
        response: {
          200: z.object({ reports: z.array(reportView), years: z.array(z.number().int()) }),
        },
      },
    },
    async (request) => ({
      reports: (await listStaffReports(db(), actorOf(request).id)).map(present),
      years: reportYears(new Date(), app.deps.config.cases.timeZone),
    }),
  );

  app.post(
    '/api/stats/reports',
    {
      // The request says what will be exported; the download is audited again.
      config: { permission: 'aggregates.read', audit: 'stats.exported' },
      schema: {
        tags: ['stats'],
        summary: 'Ask for a PDF report of a year, for the network or one municipality',
        body: reportBody,
        response: { 202: reportView },
      },
    },
    async (request, reply) => {
      const report = await requestStaffReport(
        db(),
        app.deps.config,
        actorOf(request),
        {
          year: request.body.year,
          municipalityCode: request.body.municipalityCode ?? null,
          locale: request.body.locale ?? request.locale,
        },
        request.locale,
      );
      // Queued now where this instance runs the worker; otherwise, or if sending fails, the
      // job's schedule picks the report up within a minute.
      await app.deps.jobs
        ?.send(BUILD_STATS_REPORT_JOB, { id: report.id })
        .catch((error: unknown) => request.log.warn({ err: error }, 'report job not queued'));
      request.auditTarget = {
        type: 'stats',
        id: 'report',
        details: {
          reportId: report.id,
          year: report.year,
          municipality: report.municipality?.code,
        },
      };
      return reply.code(202).send(present(report));
    },
  );

  app.get(
    '/api/stats/reports/:id',
    {
      config: { permission: 'aggregates.read', audit: null },
      schema: {
        tags: ['stats'],
        summary: 'How far a report is drawn',
        params: reportParams,
        response: { 200: reportView },
      },
    },
    async (request) => {
      const { id } = request.params;
      const report = isUuid(id) ? await loadStaffReport(db(), actorOf(request).id, id) : undefined;
      if (!report) throw notFound();
      return present(report);
    },
  );

  app.get(
    '/api/stats/reports/:id/download',
    {
      config: { permission: 'aggregates.read', audit: 'stats.exported' },
      schema: {
        tags: ['stats'],
        summary: 'Download a drawn report (PDF)',
        params: reportParams,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const report = isUuid(id) ? await loadStaffReport(db(), actorOf(request).id, id) : undefined;
      const file = report?.fileId
        ? await readFile(db(), app.deps.config.masterKeys, report.fileId)
        : undefined;
      if (!report || !file) throw notFound();
      request.auditTarget = {
        type: 'stats',
        id: 'report',
        details: { reportId: report.id, year: report.year, download: true },
      };
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );
}
