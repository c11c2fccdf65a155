import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { SMALL_NUMBERS_BELOW } from '../../core/stats/trend.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { networkRegion } from '../public-site/find-desk/network-data.ts';
import { buildMunicipalityMap, type MapMetric } from './municipality-map.ts';
import { protectMunicipalities } from './yearly-figures.ts';
import { boundariesAttribution } from '../reference/boundaries.ts';
import type { StatsFilters } from './case-groups.ts';
import type { Disclosure } from '../../core/stats/perturbation.ts';
import { countCrossTab } from './equality-crosstab.ts';

/**
 * The back office's map: the network region's municipalities coloured by the reports (or cases)
 * of the chosen filters, as a count or per 100,000 inhabitants, with the same figures as rows.
 * The counts are protected as the staff cross-tab by municipality protects them (internal
 * threshold, perturbed), then places outside the region, online or without a place are one row.
 */
export async function staffMunicipalityMap(
  db: Kysely<DB>,
  filters: StatsFilters,
  options: Disclosure & { metric: MapMetric; timeZone: string; locale: Locale },
) {
  const { metric, threshold, perturbed, timeZone, locale } = options;
  const region = await networkRegion(db);
  const regionName = region.name ?? region.code;
  const counted = await countCrossTab(
    db,
    { rows: ['municipality'], columns: null, filters },
    { timeZone, locale },
  );
  const byMunicipality = protectMunicipalities(counted, region.code, {
    threshold,
    perturbed,
    locale,
  });
  const map = await buildMunicipalityMap(db, {
    byMunicipality,
    regionCode: region.code,
    regionName,
    locale,
    metric,
  });
  return {
    regionName,
    metric,
    threshold,
    perturbed,
    populationYear: map.populationYear,
    svg: map.svg,
    legend: map.legend.map(({ key, label, fill, count, hatched }) => ({
      key,
      label,
      fill,
      count,
      hatched,
    })),
    rows: map.rows.map((row) => ({
      code: row.code,
      name: row.name,
      population: row.population,
      count: row.count,
      rate: row.rate,
      unstable: row.count !== null && row.count < SMALL_NUMBERS_BELOW,
    })),
    other: map.other ? { label: map.other.label, count: map.other.count.value } : null,
    withoutReports: map.withoutReports,
    total: byMunicipality.grandTotal.value,
    attribution: translate(locale, 'public.data.map.attribution', {
      source: boundariesAttribution,
    }),
  };
}
