import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';
import { locales } from '../../../i18n/i18n.ts';
import { rememberLocale } from '../language.ts';
import { networkPages } from '../site-paths.ts';
import { renderDeskPage } from './desk-page.ts';
import { competentMunicipalities, loadDesk } from './desks.ts';
import { renderMapPage } from './map-page.ts';
import { renderSearchPage } from './search-page.ts';
import { searchDesks } from './search.ts';
import { sendPage } from '../send-page.ts';

const field = z.string().max(200).optional();
const searchQuery = z.object({ comune: field, servizio: field, lingua: field, aperto: field });
const deskParams = z.object({ id: z.string().max(100) });

/**
 * "Trova uno sportello", each desk's page and the map of the network: public information of
 * active desks and organisations only, no personal data, hence no audit rows.
 */
export async function findDeskRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  for (const locale of locales) {
    app.get(
      networkPages.findDesk[locale],
      {
        config: { permission: 'public', audit: null },
        schema: {
          tags: ['public-site'],
          summary: `Find a help desk (${locale})`,
          hide: true,
          querystring: searchQuery,
        },
      },
      async (request, reply) => {
        request.locale = locale;
        rememberLocale(reply, app.deps.config, locale);
        const now = new Date();
        const search = await searchDesks(db(), request.query, now);
        return sendPage(reply, locale, renderSearchPage(locale, search, now));
      },
    );

    app.get(
      `${networkPages.findDesk[locale]}/:id`,
      {
        config: { permission: 'public', audit: null },
        schema: {
          tags: ['public-site'],
          summary: `A help desk's public page (${locale})`,
          hide: true,
          params: deskParams,
        },
      },
      async (request, reply) => {
        request.locale = locale;
        const desk = await loadDesk(db(), request.params.id);
        if (!desk) throw notFound();
        rememberLocale(reply, app.deps.config, locale);
        const municipalities = await competentMunicipalities(db(), desk.id);
        return sendPage(
          reply,
          locale,
          renderDeskPage(locale, { desk, municipalities }, new Date()),
        );
      },
    );

    app.get(
      networkPages.map[locale],
      {
        config: { permission: 'public', audit: null },
        schema: { tags: ['public-site'], summary: `Map of the network (${locale})`, hide: true },
      },
      async (request, reply) => {
        request.locale = locale;
        rememberLocale(reply, app.deps.config, locale);
        return sendPage(reply, locale, await renderMapPage(db(), locale));
      },
    );
  }
}
