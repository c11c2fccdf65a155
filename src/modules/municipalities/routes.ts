import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cleanString } from '../organisations/schemas.ts';
import { searchMunicipalities } from '../reference/municipalities.ts';

const municipalitiesQuery = z.object({
  query: cleanString().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const municipalityPage = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), provinceAcronym: z.string() })),
});

/** The ISTAT municipalities for pickers: public reference data, for any signed-in user. */
export async function municipalityRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/municipalities',
    {
      // Public reference data (ISTAT), no personal data.
      config: { permission: 'signed_in', audit: null },
      schema: {
        tags: ['municipalities'],
        summary: 'Municipalities whose name starts with the text typed (accents optional)',
        querystring: municipalitiesQuery,
        response: { 200: municipalityPage },
      },
    },
    async (request) => {
      const rows = await searchMunicipalities(app.deps.database.db, request.query.query, {
        limit: request.query.limit,
      });
      return {
        items: rows.map((row) => ({
          code: row.istat_code,
          name: row.name,
          provinceAcronym: row.province_acronym,
        })),
      };
    },
  );
}
