import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { renderChoroplethSvg } from '../maps/choropleth-svg.ts';
import { classify } from '../maps/classify.ts';
import { loadRegionMunicipalities } from '../maps/map-features.ts';
import { mapLegend, type LegendEntry } from '../maps/map-legend.ts';
import type { MapCategory } from '../maps/map-category.ts';
import { categoryOfValues, sequentialCategories } from '../maps/sequential-categories.ts';
import type { CrossTabResult } from './schemas.ts';
import { OTHER_TERRITORY } from './value-labels.ts';

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

/** What a map of the region is drawn from: the protected counts by municipality. */
export interface MunicipalityMapSource {
  byMunicipality: CrossTabResult;
  regionCode: string;
  regionName: string;
  locale: Locale;
}

/**
 * Colours the region's municipalities by their published counts or rates per 100,000
 * inhabitants (ISTAT population) in five classes; hidden counts are drawn as "no data".
 */
export async function buildMunicipalityMap(
  db: Kysely<DB>,
  options: MunicipalityMapSource & { metric: MapMetric },
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
