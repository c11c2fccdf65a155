import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOrganisations, organisationListItem } from './list-organisations.ts';

export async function organisationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/organisations',
    {
      // The directory of the network's organisations holds no personal data.
      config: { permission: 'organisations.read', audit: null },
      schema: {
        tags: ['organisations'],
        summary: 'The organisations of the network, by name',
        response: { 200: z.object({ items: z.array(organisationListItem) }) },
      },
    },
    async () => ({ items: await listOrganisations(app.deps.database.db) }),
  );
}
