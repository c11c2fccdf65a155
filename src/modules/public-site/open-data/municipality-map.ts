import type { Kysely } from 'kysely';
import { SMALL_NUMBERS_BELOW } from '../../../core/stats/trend.ts';
import type { DB } from '../../../db/schema.ts';
import { html, unsafeHtml, type SafeHtml } from '../../../http/html.ts';
import { translate, type Locale } from '../../../i18n/i18n.ts';
import { renderChoroplethSvg } from '../../maps/choropleth-svg.ts';
import { classify } from '../../maps/classify.ts';
import { loadRegionMunicipalities } from '../../maps/map-features.ts';
import { legendSwatchSvg, mapLegend, type LegendEntry } from '../../maps/map-legend.ts';
import type { MapCategory } from '../../maps/map-category.ts';
import { categoryOfValues, sequentialCategories } from '../../maps/sequential-categories.ts';
import { boundariesAttribution } from '../../reference/boundaries.ts';
import { SUPPRESSED_MARK } from '../../stats/crosstab-export.ts';
import type { CrossTabResult } from '../../stats/schemas.ts';
import { OTHER_TERRITORY } from '../../stats/value-labels.ts';
import { pagePath } from '../site-paths.ts';

export interface MunicipalityRate {
  code: string;
  name: string;
  population: number;
  count: number | null;
  /** Reports per 100,000 inhabitants, null when the count is hidden. */
  rate: number | null;
}

export function ratesOf(
  byMunicipality: CrossTabResult,
  populations: ReadonlyMap<string, { name: string; population: number }>,
): MunicipalityRate[] {
  return byMunicipality.rows.flatMap(([municipality], index) => {
    const place = populations.get(municipality!.code);
    if (!place) return [];
    const count = byMunicipality.rowTotals[index]!.value;
    const rate = count === null || place.population === 0 ? null : (count / place.population) * 1e5;
    return [
      { code: municipality!.code, name: place.name, population: place.population, count, rate },
    ];
  });
}

export interface MunicipalityMap {
  section: SafeHtml;
}

export type MapMetric = 'rate' | 'count';

/** A region's municipalities coloured by reports (or reports per 100,000), with its data. */
export interface MunicipalityMapData {
  svg: string;
  legend: LegendEntry[];
  /** Municipalities with reports (or hidden counts), by name. */
  rows: MunicipalityRate[];
  /** Reports elsewhere, online or without a place, when the table has that row. */
  other: { label: string; count: { value: number | null } } | null;
  populationYear: number | null;
  withoutReports: number;
}

/**
 * Colours the region's municipalities by their published counts or rates per 100,000
 * inhabitants (ISTAT population) in five classes; hidden counts are drawn as "no data".
 */
export async function buildMunicipalityMap(
  db: Kysely<DB>,
  options: {
    byMunicipality: CrossTabResult;
    regionCode: string;
    regionName: string;
    locale: Locale;
    metric: MapMetric;
  },
): Promise<MunicipalityMapData> {
  const { byMunicipality, regionCode, regionName, locale, metric } = options;
  const t = (key: string, values?: Record<string, string | number>) =>
    translate(locale, `public.data.map.${key}`, values);
  const places = await db
    .selectFrom('municipalities')
    .select(['istat_code', 'name', 'population', 'population_year'])
    .where('region_code', '=', regionCode)
    .execute();
  const populations = new Map(
    places.map((place) => [place.istat_code, { name: place.name, population: place.population }]),
  );
  const rates = ratesOf(byMunicipality, populations);
  const byCode = new Map(rates.map((row) => [row.code, row]));
  const valuesByCode = new Map<string, number>();
  for (const place of places) {
    const row = byCode.get(place.istat_code);
    if (row?.count === null) continue;
    valuesByCode.set(place.istat_code, (metric === 'rate' ? row?.rate : row?.count) ?? 0);
  }
  const format = new Intl.NumberFormat(
    locale,
    metric === 'rate' ? { maximumFractionDigits: 1, minimumFractionDigits: 1 } : {},
  );
  const classes = classify([...valuesByCode.values()], 5);
  const categories: MapCategory[] = sequentialCategories(classes, (valueClass) =>
    valueClass.lower === valueClass.upper
      ? t(`${metric}_class_single`, {
          // A count is a whole number the message makes plural; a rate is shown with a decimal.
          value: metric === 'count' ? valueClass.lower : format.format(valueClass.lower),
        })
      : t(`${metric}_class_range`, {
          lower: format.format(valueClass.lower),
          upper: format.format(valueClass.upper),
        }),
  );
  const valueOf = categoryOfValues(valuesByCode, classes);
  const features = await loadRegionMunicipalities(regionCode);
  const svg = renderChoroplethSvg({
    features,
    valueOf,
    categories,
    title: t('svg_title', { region: regionName }),
    description: t(`${metric}_svg_description`),
    id: 'reports-map',
    noDataLabel: t('hidden'),
  });
  const rows = rates
    .filter((row) => row.count !== 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
  const otherIndex = byMunicipality.rows.findIndex(([value]) => value!.code === OTHER_TERRITORY);
  return {
    svg,
    legend: mapLegend(features, valueOf, categories, t('hidden')),
    rows,
    other:
      otherIndex === -1
        ? null
        : {
            label: byMunicipality.rows[otherIndex]![0]!.label,
            count: byMunicipality.rowTotals[otherIndex]!,
          },
    populationYear: places[0]?.population_year ?? null,
    withoutReports: places.length - rows.length,
  };
}

/**
 * The region's municipalities coloured by reports per 100,000 inhabitants (ISTAT population),
 * hidden counts hatched as "no data", and the same figures as a table.
 */
export async function renderMunicipalityMap(
  db: Kysely<DB>,
  options: {
    byMunicipality: CrossTabResult;
    regionCode: string;
    regionName: string;
    locale: Locale;
  },
): Promise<MunicipalityMap> {
  const { regionName, locale } = options;
  const t = (key: string, values?: Record<string, string | number>) =>
    translate(locale, `public.data.map.${key}`, values);
  const map = await buildMunicipalityMap(db, { ...options, metric: 'rate' });
  const { svg, legend, other, populationYear, withoutReports } = map;
  const listed = map.rows;
  const decimal = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
  const number = new Intl.NumberFormat(locale);

  const section = html`<section class="mt-5" aria-labelledby="map-heading">
    <h2 id="map-heading">${t('title', { region: regionName })}</h2>
    <p>${t('lead', { year: populationYear ?? '—' })}</p>
    <p><a href="#rates-table">${t('skip_to_table')}</a></p>
    <figure class="site-map">
      ${unsafeHtml(svg)}
      <figcaption class="small mt-2">
        ${t('attribution', { source: boundariesAttribution })}
        <a href="${pagePath('dataSources', locale)}">${t('attribution_link')}</a>
      </figcaption>
    </figure>
    <h3 class="h5">${t('legend')}</h3>
    <ul class="list-unstyled site-map-legend">
      ${legend.map(
        (entry) =>
          html`<li>${unsafeHtml(legendSwatchSvg(entry))} ${entry.label}: ${t('legend_count', { count: entry.count })}</li>`,
      )}
    </ul>
    <div class="table-responsive" id="rates-table">
      <table class="table table-sm site-data-table">
        <caption>
          ${t('table_caption', { region: regionName })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('column.municipality')}</th>
            <th scope="col" class="text-end">${t('column.reports')}</th>
            <th scope="col" class="text-end">${t('column.population')}</th>
            <th scope="col" class="text-end">${t('column.rate')}</th>
          </tr>
        </thead>
        <tbody>
          ${listed.map(
            (row) =>
              html`<tr>
                <th scope="row">${row.name}</th>
                <td class="text-end">${row.count === null ? SUPPRESSED_MARK : number.format(row.count)}</td>
                <td class="text-end">${number.format(row.population)}</td>
                <td class="text-end">
                  ${row.rate === null ? SUPPRESSED_MARK : decimal.format(row.rate)}${
                    row.count !== null && row.count < SMALL_NUMBERS_BELOW
                      ? html`<abbr title="${t('unstable')}">*</abbr>`
                      : null
                  }
                </td>
              </tr>`,
          )}
          ${
            other && other.count.value !== 0
              ? html`<tr>
                <th scope="row">${other.label}</th>
                <td class="text-end">
                  ${other.count.value === null ? SUPPRESSED_MARK : number.format(other.count.value)}
                </td>
                <td class="text-end">—</td>
                <td class="text-end">—</td>
              </tr>`
              : null
          }
        </tbody>
      </table>
    </div>
    <p class="small">${t('unstable_note', { below: SMALL_NUMBERS_BELOW })}</p>
    ${withoutReports > 0 ? html`<p>${t('without_reports', { count: withoutReports })}</p>` : null}
  </section>`;
  return { section };
}
