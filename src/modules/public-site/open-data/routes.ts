import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { locales } from '../../../i18n/i18n.ts';
import { rememberLocale } from '../language.ts';
import { sendPage } from '../send-page.ts';
import { dataPages } from '../site-paths.ts';
import { renderDataPage } from './data-page.ts';
import { renderMethodologyPage } from './methodology-page.ts';
import { buildMunicipalityMap } from '../../stats/municipality-map.ts';
import { renderMunicipalityMap } from './municipality-map-section.ts';
import { loadPublicReleases } from './public-releases.ts';
import { annualReportPdf } from './annual-report-cache.ts';
import { notFound } from '../../../core/errors.ts';
import { officeContentTypes } from '../../spreadsheets/office-files.ts';
import { dataPackageDescriptor, findOpenDataTable, openDataCsv } from './open-data-package.ts';

export const OPEN_DATA_PATH = '/open-data';
const tableParams = z.object({ file: z.string().max(100) });

// An unknown year falls back to the latest released one: the form offers only released
// years, and a hand-edited address still gets a page.
const dataQuery = z.object({ period: z.string().max(20).optional() });
const reportParams = z.object({ year: z.string().max(10) });

/**
 * The public equality data ("Dati") and its methodology: the released years
 * (`public-releases.ts`), aggregates protected with the public threshold when they were
 * released, no personal data, so no audit rows; works without JavaScript.
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
        const releases = await loadPublicReleases(db(), locale);
        const chosen = Number(request.query.period);
        const release = releases.find((candidate) => candidate.year === chosen) ?? releases[0];
        const map = release
          ? await renderMunicipalityMap(db(), {
              byMunicipality: release.figures.byMunicipality,
              regionCode: release.regionCode,
              regionName: release.regionName,
              locale,
            })
          : null;
        const page = renderDataPage({
          locale,
          release: release ?? null,
          previous:
            releases.find((candidate) => candidate.year === (release?.year ?? 0) - 1) ?? null,
          map,
          years: releases.map((candidate) => candidate.year),
          releaseDelayDays: app.deps.config.stats.publicReleaseDelayDays,
        });
        return sendPage(reply, locale, page);
      },
    );

    app.get(
      `${dataPages.report[locale]}/:year`,
      {
        config: { permission: 'public', audit: null },
        schema: {
          tags: ['public-site'],
          summary: `A released year's report as a tagged PDF (${locale})`,
          params: reportParams,
        },
      },
      async (request, reply) => {
        const releases = await loadPublicReleases(db(), locale);
        const release = releases.find(
          (candidate) => String(candidate.year) === request.params.year,
        );
        if (!release) throw notFound();
        const pdf = await annualReportPdf(release, {
          locale,
          releaseDelayDays: app.deps.config.stats.publicReleaseDelayDays,
          extras: async () => {
            const map = await buildMunicipalityMap(db(), {
              byMunicipality: release.figures.byMunicipality,
              regionCode: release.regionCode,
              regionName: release.regionName,
              locale,
              metric: 'rate',
            });
            // The rest of the reports as the page's last row, so the table adds up.
            const other =
              map.other && map.other.count.value !== 0
                ? [
                    {
                      name: map.other.label,
                      population: null,
                      count: map.other.count.value,
                      rate: null,
                    },
                  ]
                : [];
            return {
              previous: releases.find((candidate) => candidate.year === release.year - 1) ?? null,
              placeRates: [...map.rows, ...other],
            };
          },
        });
        const name = locale === 'it' ? 'rapporto-dati' : 'data-report';
        return (
          reply
            .header('content-type', 'application/pdf')
            .header('content-disposition', `inline; filename="${name}-${release.year}.pdf"`)
            // A released year never changes: its report can be kept for a day.
            .header('cache-control', 'public, max-age=86400')
            .send(pdf)
        );
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
        const page = renderMethodologyPage(locale, app.deps.config.stats);
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
      const releases = await loadPublicReleases(db(), 'en');
      return reply
        .header('content-type', officeContentTypes.json)
        .header('cache-control', 'no-cache')
        .send(
          JSON.stringify(
            dataPackageDescriptor({
              baseUrl,
              releases,
              threshold: app.deps.config.stats.publicThreshold,
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
      const csv = await openDataCsv(db(), table);
      return reply
        .header('content-type', officeContentTypes.csv)
        .header('content-disposition', `attachment; filename="${table.name}.csv"`)
        .header('cache-control', 'no-cache')
        .send(csv);
    },
  );
}
