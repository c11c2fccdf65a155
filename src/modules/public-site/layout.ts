import { html, type SafeHtml } from '../../http/html.ts';
import {
  isLocale,
  languageNames,
  languageTag,
  reportLocales,
  siteLocaleOf,
  textDirection,
  translate,
  type Locale,
  type ReportLocale,
} from '../../i18n/i18n.ts';
import { faviconUrl, stylesheetUrls } from './assets.ts';
import { icon } from './bootstrap-italia.ts';
import {
  dataPages,
  networkPagePath,
  pagePath,
  receiptPagePath,
  staffAreaPath,
} from './site-paths.ts';

export interface PageView {
  /** The page's language: a site language, or a reporting language on the report form and receipt. */
  locale: ReportLocale;
  /** The page's own title; the site name is appended. */
  title: string;
  /**
   * The same page in each language it exists in (always Italian and English; every reporting
   * language for the report form and receipt pages), for the language switch and `hreflang`.
   */
  alternates: Record<Locale, string> & Partial<Record<ReportLocale, string>>;
  main: SafeHtml;
  /** Same-origin scripts (deferred); pages work without them. */
  scripts?: readonly string[];
}

/** The languages the page can be switched to, the current one included, in the usual order. */
function switchLanguages(view: PageView): ReportLocale[] {
  return reportLocales.filter(
    (locale) => locale === view.locale || view.alternates[locale] !== undefined,
  );
}

function languageItems(view: PageView, languages: readonly ReportLocale[]): SafeHtml[] {
  return languages.map((locale) => {
    const tag = languageTag(locale);
    const href = view.alternates[locale];
    return locale === view.locale || href === undefined
      ? html`<li>
          <span lang="${tag}" dir="${textDirection(locale)}" aria-current="true"
            >${languageNames[locale]}</span
          >
        </li>`
      : html`<li>
          <a href="${href}" hreflang="${tag}" lang="${tag}" dir="${textDirection(locale)}"
            >${languageNames[locale]}</a
          >
        </li>`;
  });
}

/**
 * Two or three languages are plain links; the report form's dozen are behind a disclosure
 * (`<details>`, so it opens without JavaScript), each language named in its own words.
 */
function languageSwitch(view: PageView): SafeHtml {
  const t = (key: string) => translate(view.locale, key);
  const languages = switchLanguages(view);
  if (languages.some((locale) => !isLocale(locale) && locale !== view.locale)) {
    return html`<nav aria-label="${t('public.language.label')}" class="site-language-chooser">
      <details>
        <summary>
          ${t('public.language.choose')}:
          <span lang="${languageTag(view.locale)}">${languageNames[view.locale]}</span>
        </summary>
        <ul>
          ${languageItems(view, languages)}
        </ul>
      </details>
    </nav>`;
  }
  return html`<nav aria-label="${t('public.language.label')}">
    <ul class="site-language-switch">
      ${languageItems(view, languages)}
    </ul>
  </nav>`;
}

/**
 * A link to a page in the site's languages only: from a page in a reporting language it opens
 * in English, and says so to the browser and to screen readers with `hreflang`.
 */
function siteLink(view: PageView, href: string, label: string): SafeHtml {
  const site = siteLocaleOf(view.locale);
  return site === view.locale
    ? html`<a href="${href}">${label}</a>`
    : html`<a href="${href}" hreflang="${site}">${label}</a>`;
}

function header(view: PageView): SafeHtml {
  const t = (key: string) => translate(view.locale, key);
  const site = siteLocaleOf(view.locale);
  return html`<header class="it-header-wrapper">
    <div class="it-header-slim-wrapper">
      <div class="container">
        <div class="row">
          <div class="col-12">
            <div class="it-header-slim-wrapper-content">
              <a
                class="site-network-name"
                href="${pagePath('home', site)}"
                ${site === view.locale ? null : html`hreflang="${site}"`}
                >${t('public.network.name')}</a
              >
              <div class="it-header-slim-right-zone">
                ${languageSwitch(view)}
                <a class="btn btn-primary btn-icon btn-full" href="${staffAreaPath}">
                  <span class="rounded-icon">${icon('it-user', 'icon-primary')}</span>
                  <span>${t('public.staff_area')}</span>
                </a>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
    <div class="it-nav-wrapper">
      <div class="it-header-center-wrapper">
        <div class="container">
          <div class="row">
            <div class="col-12">
              <div class="it-header-center-content-wrapper">
                <div class="it-brand-wrapper">
                  <a href="${pagePath('home', site)}">
                    ${icon('it-pa')}
                    <div class="it-brand-text">
                      <div class="it-brand-title">${t('app.name')}</div>
                      <div class="it-brand-tagline d-none d-md-block">
                        ${t('public.brand.tagline')}
                      </div>
                    </div>
                  </a>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="site-main-nav-wrapper">
        <div class="container">
          <nav aria-label="${t('public.network.nav.label')}">
            <ul class="site-main-nav">
              <li>${siteLink(view, pagePath('home', site), t('public.network.nav.home'))}</li>
              <li>
                ${siteLink(view, networkPagePath('findDesk', site), t('public.network.nav.find_desk'))}
              </li>
              <li>${siteLink(view, networkPagePath('map', site), t('public.network.nav.map'))}</li>
              <li>${siteLink(view, dataPages.data[site], t('public.network.nav.data'))}</li>
              <li>
                <a href="${receiptPagePath('signIn', view.locale)}">${t('public.receipt.nav_link')}</a>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </div>
  </header>`;
}

function footer(view: PageView): SafeHtml {
  const t = (key: string) => translate(view.locale, key);
  const site = siteLocaleOf(view.locale);
  const links: SafeHtml[] = [
    siteLink(view, networkPagePath('findDesk', site), t('public.network.nav.find_desk')),
    siteLink(view, networkPagePath('map', site), t('public.network.nav.map')),
    siteLink(view, dataPages.data[site], t('public.network.nav.data')),
    html`<a href="${receiptPagePath('signIn', view.locale)}">${t('public.receipt.nav_link')}</a>`,
    siteLink(view, pagePath('accessibility', site), t('public.footer.accessibility')),
    siteLink(view, pagePath('privacy', site), t('public.footer.privacy')),
    siteLink(view, pagePath('dataSources', site), t('public.footer.data_sources')),
    html`<a href="${staffAreaPath}">${t('public.staff_area')}</a>`,
  ];
  return html`<footer class="it-footer">
    <div class="it-footer-main">
      <div class="container">
        <div class="row">
          <div class="col-12 py-4">
            <div class="it-brand-wrapper">
              <a href="${pagePath('home', site)}">
                ${icon('it-pa')}
                <div class="it-brand-text">
                  <div class="it-brand-title">${t('app.name')}</div>
                  <div class="it-brand-tagline">${t('public.network.name')}</div>
                </div>
              </a>
            </div>
            <p class="mt-3 mb-0">${t('public.footer.software')}</p>
          </div>
        </div>
      </div>
    </div>
    <div class="it-footer-small-prints clearfix">
      <div class="container">
        <nav aria-label="${t('public.footer.links_label')}">
          <ul class="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            ${links.map((link) => html`<li class="list-inline-item">${link}</li>`)}
          </ul>
        </nav>
      </div>
    </div>
  </footer>`;
}

/** The public site's page: Bootstrap Italia header and footer around the page's own content. */
export function renderLayout(view: PageView): string {
  const t = (key: string) => translate(view.locale, key);
  return `<!doctype html>\n${
    html`<html lang="${languageTag(view.locale)}"${textDirection(view.locale) === 'rtl' ? html` dir="rtl"` : null}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${view.title} · ${t('app.name')}</title>
        ${stylesheetUrls.map((href) => html`<link rel="stylesheet" href="${href}" />`)}
        <link rel="icon" type="image/svg+xml" href="${faviconUrl}" />
        ${(view.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
        ${switchLanguages(view)
          .filter((locale) => locale !== view.locale && view.alternates[locale] !== undefined)
          .map((locale) => {
            const href = view.alternates[locale];
            return html`<link rel="alternate" hreflang="${languageTag(locale)}" href="${href}" />`;
          })}
      </head>
      <body>
        <div class="skiplink">
          <a class="visually-hidden-focusable" href="#main">${t('public.skip_to_content')}</a>
        </div>
        ${header(view)}
        <main id="main" class="container my-5">${view.main}</main>
        ${footer(view)}
      </body>
    </html>`.value
  }`;
}
