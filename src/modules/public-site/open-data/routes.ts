import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { locales } from '../../../i18n/i18n.ts';
import { rememberLocale } from '../language.ts';
import { sendPage } from '../send-page.ts';
import { dataPages } from '../site-paths.ts';
import { renderDataPage } from './data-page.ts';
import { renderMethodologyPage } from './methodology-page.ts';
import { renderMunicipalityMap } from './municipality-map.ts';
import { loadPublicStats, offeredYears } from './public-stats.ts';
import { notFound } from '../../../core/errors.ts';
import { officeContentTypes } from '../../spreadsheets/office-files.ts';
import { currentTaxonomy } from '../../taxonomy/taxonomy-files.ts';
import { dataPackageDescriptor, findOpenDataTable, openDataCsv } from './open-data-package.ts';

export const OPEN_DATA_PATH = '/open-data';
const tableParams = z.object({ file: z.string().max(100) });

// An unknown year falls back to the current one: the form offers only valid ones, and a
// hand-edited address still gets a page.
const dataQuery = z.object({ period: z.string().max(20).optional() });

/**
 * The public equality data ("Dati") and its methodology: aggregates with the public
 * disclosure-control threshold, no personal data, so no audit rows; works without JavaScript.
 */
export async function openDataRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  for (const locale of locales) {
    app.get(
      dataPages.data[locale],
      {
        config: { permission: 'public', audit: null },
        schema: {
          tags: ['public-site'],
          summary: `Open equality data (${locale})`,
          hide: true,
          querystring: dataQuery,
        },
      },
      async (request, reply) => {
        request.locale = locale;
        rememberLocale(reply, app.deps.config, locale);
        const years = offeredYears(new Date());
        const chosen = Number(request.query.period);
        const stats = await loadPublicStats(db(), {
          years,
          threshold: app.deps.config.stats.publicThreshold,
          timeZone: app.deps.config.cases.timeZone,
          locale,
        });
        const year = stats.years.find((candidate) => candidate.year === chosen) ?? stats.years[0]!;
        const map = await renderMunicipalityMap(db(), {
          byMunicipality: year.byMunicipality,
          regionCode: stats.regionCode,
          regionName: stats.regionName,
          locale,
        });
        return sendPage(reply, locale, renderDataPage({ locale, stats, year, map, years }));
      },
    );

    app.get(
      dataPages.methodology[locale],
      {
        config: { permission: 'public', audit: null },
        schema: {
          tags: ['public-site'],
          summary: `How the open data are made (${locale})`,
          hide: true,
        },
      },
      async (request, reply) => {
        request.locale = locale;
        rememberLocale(reply, app.deps.config, locale);
        const page = renderMethodologyPage(locale, app.deps.config.stats.publicThreshold);
        return sendPage(reply, locale, page);
      },
    );
  }

  app.get(
    `${OPEN_DATA_PATH}/datapackage.json`,
    {
      config: { permission: 'public', audit: null },
      schema: {
        tags: ['public-site'],
        summary: 'Open data: the Frictionless Data Package describing the published tables',
      },
    },
    async (request, reply) => {
      const baseUrl = app.deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
      return reply
        .header('content-type', officeContentTypes.json)
        .header('cache-control', 'no-cache')
        .send(
          JSON.stringify(
            dataPackageDescriptor({
              baseUrl,
              threshold: app.deps.config.stats.publicThreshold,
              taxonomyVersion: currentTaxonomy().version,
              years: offeredYears(new Date()),
              today: new Date(),
            }),
            null,
            2,
          ),
        );
    },
  );

  app.get(
    `${OPEN_DATA_PATH}/:file`,
    {
      config: { permission: 'public', audit: null },
      schema: {
        tags: ['public-site'],
        summary: 'Open data: one table of the package as CSV (public disclosure control)',
        params: tableParams,
      },
    },
    async (request, reply) => {
      const match = /^([a-z-]+)\.csv$/.exec(request.params.file);
      const table = match ? findOpenDataTable(match[1]!) : undefined;
      if (!table) throw notFound();
      const csv = await openDataCsv(db(), table, {
        years: offeredYears(new Date()),
        threshold: app.deps.config.stats.publicThreshold,
        timeZone: app.deps.config.cases.timeZone,
      });
      return reply
        .header('content-type', officeContentTypes.csv)
        .header('content-disposition', `attachment; filename="${table.name}.csv"`)
        .header('cache-control', 'no-cache')
        .send(csv);
    },
  );
}
