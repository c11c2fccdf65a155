import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { html, unsafeHtml, type SafeHtml } from '../../../http/html.ts';
import { translate, type Locale } from '../../../i18n/i18n.ts';
import { renderChoroplethSvg } from '../../maps/choropleth-svg.ts';
import { loadRegionMunicipalities } from '../../maps/map-features.ts';
import { legendSwatchSvg, mapLegend } from '../../maps/map-legend.ts';
import { mapRows } from '../../maps/map-rows.ts';
import { networkCategories, type NetworkCategoryKey } from '../../maps/palettes.ts';
import { renderLayout } from '../layout.ts';
import { mapFigure } from '../map-figure.ts';
import { networkPagePath, networkPages } from '../site-paths.ts';
import { networkRegion, networkStatusOf } from './network-data.ts';

type T = (key: string, values?: Record<string, string | number>) => string;

/** "Mappa della rete": the region's municipalities by network status, and the same as a table. */
export async function renderMapPage(db: Kysely<DB>, locale: Locale): Promise<string> {
  const t: T = (key, values) => translate(locale, `public.network.map.${key}`, values);
  const region = await networkRegion(db);
  const features = await loadRegionMunicipalities(region.code);
  const valueOf = await networkStatusOf(db);
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
  const rows = mapRows(features, valueOf);
  const number = new Intl.NumberFormat(locale);

  const legendList: SafeHtml = html`<ul class="list-unstyled site-map-legend">
    ${legend.map(
      (entry) =>
        html`<li>
          ${unsafeHtml(legendSwatchSvg(entry))} ${entry.label}:
          ${t('legend_count', { count: entry.count })}
        </li>`,
    )}
  </ul>`;

  const main = html`<h1>${t('title')}</h1>
    <p class="lead">${t('lead', { region: regionName })}</p>
    <p><a href="#network-table">${t('skip_to_table')}</a></p>
    ${mapFigure(svg, locale, {
      attribution: (source) => t('attribution', { source }),
      link: t('attribution_link'),
    })}
    <h2 class="h4">${t('legend')}</h2>
    ${legendList}
    <p><a href="${networkPagePath('findDesk', locale)}">${t('find_desk')}</a></p>
    <section class="mt-5" aria-labelledby="network-table-heading">
      <h2 id="network-table-heading">${t('table_heading')}</h2>
      <div class="table-responsive" id="network-table">
        <table class="table table-sm">
          <caption>
            ${t('table_caption', { region: regionName, count: number.format(rows.length) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('column.municipality')}</th>
              <th scope="col">${t('column.province')}</th>
              <th scope="col">${t('column.status')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  <th scope="row">${row.name}</th>
                  <td>${row.provinceAcronym ?? ''}</td>
                  <td>${labels[(row.category ?? 'not-member') as NetworkCategoryKey]}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  return renderLayout({ locale, title: t('title'), alternates: networkPages.map, main });
}
