import type { Kysely } from 'kysely';
import { SMALL_NUMBERS_BELOW } from '../../../core/stats/trend.ts';
import type { DB } from '../../../db/schema.ts';
import { html, unsafeHtml, type SafeHtml } from '../../../http/html.ts';
import { translate } from '../../../i18n/i18n.ts';
import { legendSwatchSvg } from '../../maps/map-legend.ts';
import { SUPPRESSED_MARK } from '../../stats/crosstab-export.ts';
import { buildMunicipalityMap, type MunicipalityMapSource } from '../../stats/municipality-map.ts';
import { mapFigure } from '../map-figure.ts';

export interface MunicipalityMap {
  section: SafeHtml;
}

/**
 * The region's municipalities coloured by reports per 100,000 inhabitants (ISTAT population),
 * hidden counts hatched as "no data", and the same figures as a table.
 */
export async function renderMunicipalityMap(
  db: Kysely<DB>,
  options: MunicipalityMapSource,
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
    ${mapFigure(svg, locale, {
      attribution: (source) => t('attribution', { source }),
      link: t('attribution_link'),
    })}
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
