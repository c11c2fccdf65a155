import type { FastifyInstance } from 'fastify';
import type { Locale } from '../../i18n/i18n.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { equalityCrossTab } from './equality-crosstab.ts';
import {
  crossTabExportQuery,
  crossTabQuery,
  crossTabResult,
  intersectionalResult,
  statsFiltersQuery,
  statsMapQuery,
  statsMapResult,
  type CrossTabQuery,
  type StatsFiltersQuery,
} from './schemas.ts';
import { intersectionalAnalysis } from './intersectional-analysis.ts';
import { crossTabChart } from './crosstab-chart.ts';
import { crossTabCsv, crossTabNotes, crossTabXlsx } from './crosstab-export.ts';
import { downloadName, officeContentTypes } from '../spreadsheets/office-files.ts';
import type { StatsFilters } from './case-groups.ts';
import { staffMunicipalityMap } from './stats-map.ts';

export function filtersOf(query: StatsFiltersQuery): StatsFilters {
  return {
    population: query.population,
    from: query.from,
    to: query.to,
    grounds: query.ground,
    domains: query.domain,
    types: query.type,
    channels: query.channel,
    regionCode: query.region,
    provinceCode: query.province,
    municipalityCode: query.municipality,
  };
}

/** Equality data for analysts, coordinators and municipal officers: aggregates only. */
export async function statsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Staff may ask any question: the internal threshold, and figures perturbed so that two
  // answers cannot be subtracted to isolate a few cases.
  const staffDisclosure = { threshold: app.deps.config.stats.internalThreshold, perturbed: true };
  const staffCrossTab = (query: CrossTabQuery, locale: Locale) =>
    equalityCrossTab(
      app.deps.database.db,
      { rows: query.rows, columns: query.columns ?? null, filters: filtersOf(query) },
      { ...staffDisclosure, timeZone: app.deps.config.cases.timeZone, locale },
    );

  app.get(
    '/api/stats/crosstab',
    {
      // No personal data leaves, but who asked which breakdown is kept: a run of queries that
      // differ by one filter is how hidden cells are hunted, and the trail shows it.
      config: { permission: 'aggregates.read', audit: 'stats.read' },
      schema: {
        tags: ['stats'],
        summary: 'Counts of reports or cases by one or two dimensions, with disclosure control',
        querystring: crossTabQuery,
        response: { 200: crossTabResult },
      },
    },
    async (request) => {
      const { query } = request;
      request.auditTarget = {
        type: 'stats',
        id: 'crosstab',
        details: { query: { ...query } },
      };
      return staffCrossTab(query, request.locale);
    },
  );

  app.get(
    '/api/stats/intersectional',
    {
      config: { permission: 'aggregates.read', audit: 'stats.read' },
      schema: {
        tags: ['stats'],
        summary: 'Cases with one ground, several grounds or none, and the frequent combinations',
        querystring: statsFiltersQuery,
        response: { 200: intersectionalResult },
      },
    },
    async (request) => {
      request.auditTarget = {
        type: 'stats',
        id: 'intersectional',
        details: { query: { ...request.query } },
      };
      return intersectionalAnalysis(app.deps.database.db, filtersOf(request.query), {
        ...staffDisclosure,
        timeZone: app.deps.config.cases.timeZone,
        locale: request.locale,
      });
    },
  );

  app.get(
    '/api/stats/map',
    {
      config: { permission: 'aggregates.read', audit: 'stats.read' },
      schema: {
        tags: ['stats'],
        summary:
          "The network region's municipalities coloured by reports or reports per 100,000 " +
          'inhabitants, with the same figures as rows (disclosure control applied)',
        querystring: statsMapQuery,
        response: { 200: statsMapResult },
      },
    },
    async (request) => {
      const { metric, ...query } = request.query;
      request.auditTarget = { type: 'stats', id: 'map', details: { metric, query } };
      return staffMunicipalityMap(app.deps.database.db, filtersOf(query), {
        metric,
        ...staffDisclosure,
        timeZone: app.deps.config.cases.timeZone,
        locale: request.locale,
      });
    },
  );

  app.get(
    '/api/stats/crosstab/export',
    {
      config: { permission: 'aggregates.read', audit: 'stats.exported' },
      schema: {
        tags: ['stats'],
        summary:
          'Download a cross-tab with disclosure control applied: CSV for Italian Excel ' +
          '(hidden counts marked "c"), XLSX with a notes sheet, or JSON',
        querystring: crossTabExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      request.auditTarget = { type: 'stats', id: 'crosstab', details: { format, query } };
      const result = await staffCrossTab(query, request.locale);
      const name = downloadName(
        `dati-${[...query.rows, query.columns].filter(Boolean).join('-')}`,
        format,
      );
      reply
        .header('content-type', officeContentTypes[format])
        .header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'json') {
        return reply.send(
          JSON.stringify({ ...result, notes: crossTabNotes(result, request.locale) }),
        );
      }
      if (format === 'xlsx') return reply.send(await crossTabXlsx(result, request.locale));
      return reply.send(crossTabCsv(result, request.locale));
    },
  );

  app.get(
    '/api/stats/crosstab/chart',
    {
      config: { permission: 'aggregates.read', audit: 'stats.read' },
      schema: {
        tags: ['stats'],
        summary:
          'The row totals of a cross-tab as an SVG chart (bars, or columns over time), with ' +
          'disclosure control applied; the table is its accessible alternative',
        querystring: crossTabQuery,
      },
    },
    async (request, reply) => {
      const { query } = request;
      request.auditTarget = { type: 'stats', id: 'crosstab', details: { chart: true, query } };
      const result = await staffCrossTab(query, request.locale);
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(crossTabChart(result, request.locale));
    },
  );
}
