import type { FastifyInstance } from 'fastify';
import { auditRoutes } from '../modules/audit/routes.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { caseRoutes } from '../modules/cases/routes.ts';
import { caseTimelineRoutes } from '../modules/cases/timeline-routes.ts';
import { healthRoutes } from '../modules/health/routes.ts';
import { helpDeskRoutes } from '../modules/help-desks/routes.ts';
import { registerOpenApi } from '../modules/openapi/plugin.ts';
import { municipalityRoutes } from '../modules/municipalities/routes.ts';
import { networkImportRoutes } from '../modules/network-import/routes.ts';
import { networkMapRoutes } from '../modules/network-map/routes.ts';
import { organisationRoutes } from '../modules/organisations/routes.ts';
import { unarProtocolRoutes } from '../modules/organisations/unar-protocol-routes.ts';
import { publicSiteRoutes } from '../modules/public-site/routes.ts';
import { receiptRoutes } from '../modules/receipt/routes.ts';
import { reportFormRoutes } from '../modules/report-form/routes.ts';
import { statsReportRoutes } from '../modules/stats/report-routes.ts';
import { statsRoutes } from '../modules/stats/routes.ts';
import { taxonomyRoutes } from '../modules/taxonomy/routes.ts';
import { userRoutes } from '../modules/users/routes.ts';

/** Every feature module's routes, in one list so a reader sees the whole surface. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await registerOpenApi(app);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(organisationRoutes);
  await app.register(unarProtocolRoutes);
  await app.register(networkImportRoutes);
  await app.register(networkMapRoutes);
  await app.register(helpDeskRoutes);
  await app.register(municipalityRoutes);
  await app.register(auditRoutes);
  await app.register(caseRoutes);
  await app.register(caseTimelineRoutes);
  await app.register(taxonomyRoutes);
  await app.register(statsRoutes);
  await app.register(statsReportRoutes);
  await app.register(receiptRoutes);
  await app.register(publicSiteRoutes);
  await app.register(reportFormRoutes);
}
