import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { renderChoroplethSvg } from '../maps/choropleth-svg.ts';
import { loadRegionMunicipalities } from '../maps/map-features.ts';
import { mapLegend } from '../maps/map-legend.ts';
import { mapRows } from '../maps/map-rows.ts';
import { networkCategories, type NetworkCategoryKey } from '../maps/palettes.ts';
import { networkRegion, networkStatusOf } from '../public-site/find-desk/network-data.ts';
import { boundariesAttribution } from '../reference/boundaries.ts';
import type { NetworkMap, NetworkMapQuery } from './schemas.ts';

/**
 * The network map of the public site, for the back office: the same classification (a desk wins
 * over membership), counting only the organisations that match the coordinator's filters.
 */
export async function loadNetworkMap(
  db: Kysely<DB>,
  filters: NetworkMapQuery,
  locale: Locale,
): Promise<NetworkMap> {
  const t = (key: string, values?: Record<string, string | number>) =>
    translate(locale, `public.network.map.${key}`, values);
  const region = await networkRegion(db);
  const features = await loadRegionMunicipalities(region.code);
  const valueOf = await networkStatusOf(db, filters);
  const labels: Record<NetworkCategoryKey, string> = {
    'help-desk': t('status.help_desk'),
    member: t('status.member'),
    'not-member': t('status.not_member'),
  };
  const categories = networkCategories(labels);
  const regionName = region.name ?? region.code;
  const svg = renderChoroplethSvg({
    features,
    valueOf,
    categories,
    title: t('svg_title', { region: regionName }),
    description: t('svg_description'),
    id: 'network-map',
    noDataLabel: t('status.not_member'),
  });
  const legend = mapLegend(features, valueOf, categories, t('status.not_member'));
  return {
    regionCode: region.code,
    regionName,
    svg,
    legend: legend.map(({ key, label, count, fill }) => ({ key, label, count, fill })),
    rows: mapRows(features, valueOf).map((row) => ({
      ...row,
      category: row.category ?? 'not-member',
    })),
    attribution: t('attribution', { source: boundariesAttribution }),
  };
}
