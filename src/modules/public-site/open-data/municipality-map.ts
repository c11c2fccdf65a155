import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { html, unsafeHtml, type SafeHtml } from '../../../http/html.ts';
import { translate, type Locale } from '../../../i18n/i18n.ts';
import { renderChoroplethSvg } from '../../maps/choropleth-svg.ts';
import { classify } from '../../maps/classify.ts';
import { loadRegionMunicipalities } from '../../maps/map-features.ts';
import { legendSwatchSvg, mapLegend } from '../../maps/map-legend.ts';
import type { MapCategory } from '../../maps/map-category.ts';
import { categoryOfValues, sequentialCategories } from '../../maps/sequential-categories.ts';
import { boundariesAttribution } from '../../reference/boundaries.ts';
import { SUPPRESSED_MARK } from '../../stats/crosstab-export.ts';
import type { CrossTabResult } from '../../stats/schemas.ts';
import { OTHER_TERRITORY } from '../../stats/value-labels.ts';
import { pagePath } from '../site-paths.ts';

/** Below this many reports a rate per 100,000 moves too much from one year to the next. */
export const UNSTABLE_BELOW = 20;

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
  const { byMunicipality, regionCode, regionName, locale } = options;
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
  const populationYear = places[0]?.population_year ?? null;
  const rates = ratesOf(byMunicipality, populations);
  const hidden = new Set(rates.filter((row) => row.count === null).map((row) => row.code));
  const valuesByCode = new Map<string, number>();
  for (const place of places) {
    if (hidden.has(place.istat_code)) continue;
    valuesByCode.set(
      place.istat_code,
      rates.find((row) => row.code === place.istat_code)?.rate ?? 0,
    );
  }
  const decimal = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
  const number = new Intl.NumberFormat(locale);
  const classes = classify([...valuesByCode.values()], 5);
  const categories: MapCategory[] = sequentialCategories(classes, (valueClass) =>
    valueClass.lower === valueClass.upper
      ? t('class_single', { value: decimal.format(valueClass.lower) })
      : t('class_range', {
          lower: decimal.format(valueClass.lower),
          upper: decimal.format(valueClass.upper),
        }),
  );
  const valueOf = categoryOfValues(valuesByCode, classes);
  const features = await loadRegionMunicipalities(regionCode);
  const svg = renderChoroplethSvg({
    features,
    valueOf,
    categories,
    title: t('svg_title', { region: regionName }),
    description: t('svg_description'),
    id: 'reports-map',
    noDataLabel: t('hidden'),
  });
  const legend = mapLegend(features, valueOf, categories, t('hidden'));
  const listed = rates
    .filter((row) => row.count !== 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
  const withoutReports = places.length - listed.length;
  const otherIndex = byMunicipality.rows.findIndex(([value]) => value!.code === OTHER_TERRITORY);
  const other =
    otherIndex === -1
      ? null
      : {
          label: byMunicipality.rows[otherIndex]![0]!.label,
          count: byMunicipality.rowTotals[otherIndex]!,
        };

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
                    row.count !== null && row.count < UNSTABLE_BELOW
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
    <p class="small">${t('unstable_note', { below: UNSTABLE_BELOW })}</p>
    ${withoutReports > 0 ? html`<p>${t('without_reports', { count: withoutReports })}</p>` : null}
  </section>`;
  return { section };
}
