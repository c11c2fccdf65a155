import type { FastifyInstance } from 'fastify';
import { authRoutes } from '../modules/auth/routes.ts';
import { healthRoutes } from '../modules/health/routes.ts';
import { registerOpenApi } from '../modules/openapi/plugin.ts';

/** Every feature module's routes, in one list so a reader sees the whole surface. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await registerOpenApi(app);
  await app.register(healthRoutes);
  await app.register(authRoutes);
}
