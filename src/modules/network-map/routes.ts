import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadNetworkMap } from './load-network-map.ts';
import { networkMap, networkMapQuery } from './schemas.ts';

/** The back-office network map, with the directory's filters. */
export async function networkMapRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/network/map',
    {
      // Municipalities and counts only: no personal data, nothing to audit.
      config: { permission: 'organisations.read', audit: null },
      schema: {
        tags: ['network'],
        summary: "The region's municipalities by network status, for the organisations filtered",
        querystring: networkMapQuery,
        response: { 200: networkMap },
      },
    },
    async (request) => loadNetworkMap(app.deps.database.db, request.query, request.locale),
  );
}
