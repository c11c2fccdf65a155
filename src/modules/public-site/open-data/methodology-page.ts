import { html } from '../../../http/html.ts';
import { translate, type Locale } from '../../../i18n/i18n.ts';
import { currentTaxonomy } from '../../taxonomy/taxonomy-files.ts';
import { SUPPRESSED_MARK } from '../../stats/crosstab-export.ts';
import { renderLayout } from '../layout.ts';
import { dataPages, pagePath } from '../site-paths.ts';
import { SMALL_NUMBERS_BELOW } from '../../../core/stats/trend.ts';

export const methodologySections = [
  'what',
  'consent',
  'classification',
  'suppression',
  'releases',
  'rates',
  'limits',
] as const;

/** How the public figures are made: definitions, taxonomy, disclosure control, sources. */
export function renderMethodologyPage(
  locale: Locale,
  stats: { publicThreshold: number; publicReleaseDelayDays: number },
): string {
  const t = (key: string, values?: Record<string, string | number>) =>
    translate(locale, `public.data.methodology.${key}`, values);
  const values = {
    threshold: stats.publicThreshold,
    days: stats.publicReleaseDelayDays,
    mark: SUPPRESSED_MARK,
    version: currentTaxonomy().version,
    below: SMALL_NUMBERS_BELOW,
  };
  const main = html`<h1>${t('title')}</h1>
    <p class="lead">${t('lead')}</p>
    ${methodologySections.map(
      (section) =>
        html`<section aria-labelledby="methodology-${section}">
          <h2 id="methodology-${section}" class="mt-4">${t(`${section}.heading`)}</h2>
          <p>${t(`${section}.text`, values)}</p>
        </section>`,
    )}
    <p class="mt-4">
      <a href="${dataPages.data[locale]}">${t('back')}</a> ·
      <a href="${pagePath('dataSources', locale)}">${t('sources_link')}</a>
    </p>`;
  return renderLayout({ locale, title: t('title'), alternates: dataPages.methodology, main });
}
