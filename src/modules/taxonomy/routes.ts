import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../core/errors.ts';
import { facets } from '../../core/taxonomy/taxonomy.ts';
import { taxonomyAnswer, taxonomyQuery } from '../cases/schemas.ts';
import { currentTaxonomy, shippedTaxonomies, taxonomyVersion } from './taxonomy-files.ts';

/**
 * The classification taxonomy for the back office: the current version by default, or the one a
 * case keeps (`?version=`). Public reference data, no personal data.
 */
export async function taxonomyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/taxonomy',
    {
      config: { permission: 'signed_in', audit: null },
      schema: {
        tags: ['cases'],
        summary: 'Facets of the classification with codes, labels and mappings',
        querystring: taxonomyQuery,
        response: { 200: taxonomyAnswer },
      },
    },
    async (request) => {
      const version = request.query.version;
      const taxonomy = version === undefined ? currentTaxonomy() : taxonomyVersion(version);
      if (!taxonomy) throw notFound();
      return {
        version: taxonomy.version,
        publishedOn: taxonomy.publishedOn,
        versions: [...shippedTaxonomies().keys()],
        facets: Object.fromEntries(
          facets.map((facet) => [
            facet,
            taxonomy.codes
              .filter((entry) => entry.facet === facet)
              .map((entry) => ({
                code: entry.code,
                parent: entry.parent,
                labels: entry.labels,
                publicLabels: entry.publicLabels,
                mappings: entry.mappings,
              })),
          ]),
        ),
      };
    },
  );
}
