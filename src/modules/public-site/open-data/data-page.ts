import { html, unsafeHtml, type SafeHtml } from '../../../http/html.ts';
import { translate, type Locale } from '../../../i18n/i18n.ts';
import { horizontalBarChart, timeColumnChart, type ChartCount } from '../../charts/count-charts.ts';
import { SUPPRESSED_MARK } from '../../stats/crosstab-export.ts';
import { periodChange, SMALL_NUMBERS_BELOW } from '../../../core/stats/trend.ts';
import type { CrossTabResult } from '../../stats/schemas.ts';
import { renderLayout } from '../layout.ts';
import { dataPages } from '../site-paths.ts';
import type { MunicipalityMap } from './municipality-map-section.ts';
import type { PublicRelease } from './public-releases.ts';
import type { YearFigures } from '../../stats/yearly-figures.ts';
import { openDataTables } from './open-data-package.ts';

type T = (key: string, values?: Record<string, string | number>) => string;
type Count = { value: number | null };

export function countText(count: Count, locale: Locale): string {
  return count.value === null ? SUPPRESSED_MARK : new Intl.NumberFormat(locale).format(count.value);
}

/** The rows of a one-way table, with their codes, labels and published counts. */
export function tableRows(table: CrossTabResult): { code: string; label: string; count: Count }[] {
  return table.rows.map(([value], index) => ({
    code: value!.code,
    label: value!.label,
    count: table.rowTotals[index]!,
  }));
}

/** The breakdowns of a year, in the order the page and the report show them. */
export const breakdowns = [
  { id: 'ground', view: 'byGround', chart: 'bars', keepEmpty: false },
  { id: 'domain', view: 'byDomain', chart: 'bars', keepEmpty: false },
  { id: 'month', view: 'byMonth', chart: 'columns', keepEmpty: true },
] as const;

/** The chart of a breakdown as SVG: bars by value, or columns by month. */
export function breakdownChart(options: {
  id: string;
  rows: readonly { code: string; label: string; count: Count }[];
  title: string;
  chart: 'bars' | 'columns';
  locale: Locale;
}): string {
  const { id, rows, title, locale } = options;
  // Months read "dic 25" under the columns; the table keeps "dicembre 2025".
  const short = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const chartLabel = (row: { code: string; label: string }) =>
    id === 'month' ? short.format(new Date(`${row.code}-01T00:00:00Z`)) : row.label;
  const counts: ChartCount[] = rows.map((row) => ({
    label: chartLabel(row),
    value: row.count.value,
  }));
  const chartOptions = { counts, title, hiddenMark: SUPPRESSED_MARK, locale };
  return options.chart === 'bars'
    ? horizontalBarChart(chartOptions)
    : timeColumnChart(chartOptions);
}

function breakdownSection(options: {
  id: string;
  table: CrossTabResult;
  t: T;
  locale: Locale;
  chart: 'bars' | 'columns';
  keepEmpty?: boolean;
}): SafeHtml {
  const { id, table, t, locale } = options;
  const rows = tableRows(table).filter((row) => options.keepEmpty || row.count.value !== 0);
  const title = t(`${id}.title`);
  const svg = breakdownChart({ id, rows, title, chart: options.chart, locale });
  return html`<section class="mt-5" aria-labelledby="${id}-heading">
    <h2 id="${id}-heading">${title}</h2>
    ${table.rowsMaySumToMore ? html`<p>${t('multiple_note')}</p>` : null}
    ${
      rows.length === 0
        ? html`<p>${t('no_reports')}</p>`
        : html`<figure class="site-chart-figure">${unsafeHtml(svg)}</figure>
          <div class="table-responsive">
            <table class="table table-sm site-data-table">
              <caption>
                ${t(`${id}.caption`)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${table.rowDimensions[0]!.label}</th>
                  <th scope="col" class="text-end">${t('column.reports')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (row) =>
                    html`<tr>
                      <th scope="row">${row.label}</th>
                      <td class="text-end">${countText(row.count, locale)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

function periodForm(year: number, years: readonly number[], t: T, locale: Locale) {
  const selected = String(year);
  return html`<form method="get" action="${dataPages.data[locale]}" class="site-period-form my-4">
    <div class="select-wrapper site-period-select">
      <label for="period">${t('period.label')}</label>
      <select id="period" name="period">
        ${years.map(
          (year) =>
            html`<option value="${String(year)}" ${selected === String(year) ? 'selected' : null}>
              ${String(year)}
            </option>`,
        )}
      </select>
    </div>
    <button type="submit" class="btn btn-primary mt-2">${t('period.show')}</button>
  </form>`;
}

function keyFigures(stats: YearFigures, t: T, locale: Locale): SafeHtml {
  const { reports } = stats;
  const share =
    reports.multipleGrounds.value !== null && reports.total.value
      ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
          reports.multipleGrounds.value / reports.total.value,
        )
      : null;
  const figures = [
    { value: countText(reports.total, locale), label: t('figures.reports') },
    { value: countText(stats.casesTakenInCharge, locale), label: t('figures.cases') },
    {
      value: countText(reports.multipleGrounds, locale),
      label: share ? t('figures.intersectional_share', { share }) : t('figures.intersectional'),
    },
  ];
  return html`<dl class="site-figures">
    ${figures.map(
      (figure) =>
        html`<div>
          <dt>${figure.label}</dt>
          <dd>${figure.value}</dd>
        </div>`,
    )}
  </dl>`;
}

function openDataSection(t: T): SafeHtml {
  return html`<section class="mt-5" aria-labelledby="open-data-heading">
    <h2 id="open-data-heading">${t('package.heading')}</h2>
    <p>${t('package.lead')}</p>
    <ul>
      <li><a href="/open-data/datapackage.json">${t('package.descriptor')}</a></li>
      ${openDataTables.map(
        (table) =>
          html`<li>
            <a href="/open-data/${table.name}.csv" download>${t(`package.table.${table.name}`)}</a>
            (CSV)
          </li>`,
      )}
    </ul>
  </section>`;
}

/** A change as people read it: "+12 %", "−3 %", "0 %". */
export function percentChange(locale: Locale): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
}

/**
 * The changes of the key figures (reports, cases taken in charge) against the year before,
 * with the message key of each; those that cannot be given (a hidden count) are left out.
 */
export function keyFigureChanges(year: YearFigures, previous: YearFigures) {
  return [
    {
      key: 'figures.reports',
      change: periodChange(year.reports.total.value, previous.reports.total.value),
    },
    {
      key: 'figures.cases',
      change: periodChange(year.casesTakenInCharge.value, previous.casesTakenInCharge.value),
    },
  ].flatMap(({ key, change }) => (change ? [{ key, change }] : []));
}

/** The key figures against the year before, when both were released; small numbers flagged. */
function changeSection(
  year: YearFigures,
  previous: PublicRelease | null,
  t: T,
  locale: Locale,
): SafeHtml | null {
  if (!previous) return null;
  const percent = percentChange(locale);
  const changes = keyFigureChanges(year, previous.figures).map(({ key, change }) => ({
    label: t(key),
    change,
  }));
  if (changes.length === 0) return null;
  return html`<p class="mt-3">
      ${t('change.lead', { year: previous.year })}
      ${changes.map(
        (entry, index) =>
          html`${index > 0 ? '; ' : ''}${entry.label}
            <strong>${percent.format(entry.change.share)}</strong>${
              entry.change.small ? html`<abbr title="${t('change.small')}">*</abbr>` : null
            }`,
      )}.
    </p>
    ${
      changes.some((entry) => entry.change.small)
        ? html`<p class="small">${t('change.small_note', { below: SMALL_NUMBERS_BELOW })}</p>`
        : null
    }`;
}

/**
 * "Dati": the network's open equality statistics, one released year at a time, with
 * disclosure control, no JavaScript. Before the first release it says when figures come out.
 */
export function renderDataPage(view: {
  locale: Locale;
  release: PublicRelease | null;
  /** The year before, when it was released too: the key figures' change. */
  previous: PublicRelease | null;
  map: MunicipalityMap | null;
  years: readonly number[];
  releaseDelayDays: number;
}): string {
  const { locale, release } = view;
  const t: T = (key, values) => translate(locale, `public.data.${key}`, values);
  if (!release) {
    const main = html`<h1>${t('title')}</h1>
      <p class="lead">${t('none.lead')}</p>
      <p>${t('none.when', { days: view.releaseDelayDays })}</p>
      <p><a href="${dataPages.methodology[locale]}">${t('notes.methodology_link')}</a></p>`;
    return renderLayout({ locale, title: t('title'), alternates: dataPages.data, main });
  }
  const year = release.figures;
  const releasedOn = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(
    release.releasedAt,
  );
  const main = html`<h1>${t('title')}</h1>
    <p class="lead">${t('lead', { period: String(release.year) })}</p>
    <p>${t('released', { date: releasedOn, days: view.releaseDelayDays })}</p>
    ${periodForm(release.year, view.years, t, locale)}
    <p>
      <a href="${dataPages.report[locale]}/${String(release.year)}">
        ${t('report.download', { year: release.year })}
      </a>
    </p>
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading" class="visually-hidden">${t('figures.heading')}</h2>
      ${keyFigures(year, t, locale)} ${changeSection(year, view.previous, t, locale)}
    </section>
    ${breakdowns.map((breakdown) =>
      breakdownSection({ ...breakdown, table: year[breakdown.view], t, locale }),
    )}
    ${view.map?.section ?? null}
    <section class="mt-5" aria-labelledby="notes-heading">
      <h2 id="notes-heading">${t('notes.heading')}</h2>
      <ul>
        <li>${t('notes.suppression', { mark: SUPPRESSED_MARK, threshold: release.threshold })}</li>
        <li>${t('notes.consent')}</li>
        <li>${t('notes.classification', { version: release.taxonomyVersion })}</li>
      </ul>
      <p><a href="${dataPages.methodology[locale]}">${t('notes.methodology_link')}</a></p>
    </section>
    ${openDataSection(t)}`;
  return renderLayout({ locale, title: t('title'), alternates: dataPages.data, main });
}
