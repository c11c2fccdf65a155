import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { locales, type Locale } from '../../i18n/i18n.ts';
import { countMunicipalities } from '../reference/municipalities.ts';
import { renderAccessibilityPage } from './accessibility-page.ts';
import { publicAssets } from './assets.ts';
import { backOfficeRoutes, type BackOfficeOptions } from './back-office.ts';
import { renderDataSourcesPage } from './data-sources-page.ts';
import { loadNetworkFigures } from './find-desk/network-data.ts';
import { findDeskRoutes } from './find-desk/routes.ts';
import { openDataRoutes } from './open-data/routes.ts';
import { renderHomePage } from './home-page.ts';
import { preferredLocale, rememberLocale } from './language.ts';
import { loadNetworkOverview } from './network-members.ts';
import { renderPrivacyPage } from './privacy-page.ts';
import { pagePath, sitePages, type SitePage } from './site-paths.ts';
import { sendPage } from './send-page.ts';

export type PublicSiteOptions = BackOfficeOptions;

type PageRenderer = (db: Kysely<DB>, locale: Locale) => Promise<string>;

const renderers: Record<SitePage, PageRenderer> = {
  home: async (db, locale) =>
    renderHomePage(locale, await loadNetworkOverview(db), await loadNetworkFigures(db), new Date()),
  accessibility: async (db, locale) =>
    renderAccessibilityPage(locale, (await loadNetworkOverview(db)).leadPartner),
  privacy: async (db, locale) =>
    renderPrivacyPage(locale, (await loadNetworkOverview(db)).leadPartner),
  dataSources: async (db, locale) => renderDataSourcesPage(locale, await countMunicipalities(db)),
};

/**
 * The public web site (server-rendered, no JavaScript needed) in Italian and English, its
 * assets and the back office at /app. No page reads or shows personal data,
 * so none writes an audit row.
 */
export async function publicSiteRoutes(
  app: FastifyInstance,
  options: PublicSiteOptions,
): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/',
    {
      config: { permission: 'public', audit: null },
      schema: {
        tags: ['public-site'],
        summary: 'Opens the site in the preferred language',
        hide: true,
      },
    },
    (request, reply) =>
      reply
        .header('vary', 'Cookie, Accept-Language')
        .header('cache-control', 'no-store')
        .redirect(pagePath('home', preferredLocale(request)), 302),
  );

  for (const [page, paths] of Object.entries(sitePages) as [SitePage, Record<Locale, string>][]) {
    for (const locale of locales) {
      app.get(
        paths[locale],
        {
          config: { permission: 'public', audit: null },
          schema: { tags: ['public-site'], summary: `Public page ${page} (${locale})`, hide: true },
        },
        async (request, reply) => {
          request.locale = locale;
          rememberLocale(reply, app.deps.config, locale);
          return sendPage(reply, locale, await renderers[page](db(), locale));
        },
      );
    }
  }

  await app.register(findDeskRoutes);
  await app.register(openDataRoutes);
  await app.register(publicAssets);
  await app.register(backOfficeRoutes, options);
}
