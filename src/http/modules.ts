import type { FastifyInstance } from 'fastify';
import { auditRoutes } from '../modules/audit/routes.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { healthRoutes } from '../modules/health/routes.ts';
import { registerOpenApi } from '../modules/openapi/plugin.ts';
import { organisationRoutes } from '../modules/organisations/routes.ts';
import { publicSiteRoutes } from '../modules/public-site/routes.ts';
import { userRoutes } from '../modules/users/routes.ts';

/** Every feature module's routes, in one list so a reader sees the whole surface. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await registerOpenApi(app);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(organisationRoutes);
  await app.register(auditRoutes);
  await app.register(publicSiteRoutes);
}
