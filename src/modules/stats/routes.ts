import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { equalityCrossTab } from './equality-crosstab.ts';
import { crossTabQuery, crossTabResult, type CrossTabQuery } from './schemas.ts';
import type { StatsFilters } from './case-groups.ts';

export function filtersOf(query: CrossTabQuery): StatsFilters {
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
      return equalityCrossTab(
        app.deps.database.db,
        { rows: query.rows, columns: query.columns ?? null, filters: filtersOf(query) },
        {
          threshold: app.deps.config.stats.internalThreshold,
          timeZone: app.deps.config.cases.timeZone,
          locale: request.locale,
        },
      );
    },
  );
}
