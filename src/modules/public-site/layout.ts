import { html, type SafeHtml } from '../../http/html.ts';
import { locales, translate, type Locale } from '../../i18n/i18n.ts';
import { faviconUrl, stylesheetUrls } from './assets.ts';
import { icon } from './bootstrap-italia.ts';
import { networkPagePath, pagePath, receiptPagePath, staffAreaPath } from './site-paths.ts';

export interface PageView {
  locale: Locale;
  /** The page's own title; the site name is appended. */
  title: string;
  /** The same page in each language, for the language switch and `hreflang` alternates. */
  alternates: Record<Locale, string>;
  main: SafeHtml;
  /** Same-origin scripts (deferred); pages work without them. */
  scripts?: readonly string[];
}

const languageNames: Record<Locale, string> = { it: 'Italiano', en: 'English' };

function languageSwitch(view: PageView): SafeHtml {
  const t = (key: string) => translate(view.locale, key);
  return html`<nav aria-label="${t('public.language.label')}">
    <ul class="site-language-switch">
      ${locales.map((locale) =>
        locale === view.locale
          ? html`<li>
              <span lang="${locale}" aria-current="true">${languageNames[locale]}</span>
            </li>`
          : html`<li>
              <a href="${view.alternates[locale]}" hreflang="${locale}" lang="${locale}"
                >${languageNames[locale]}</a
              >
            </li>`,
      )}
    </ul>
  </nav>`;
}

function header(view: PageView): SafeHtml {
  const t = (key: string) => translate(view.locale, key);
  return html`<header class="it-header-wrapper">
    <div class="it-header-slim-wrapper">
      <div class="container">
        <div class="row">
          <div class="col-12">
            <div class="it-header-slim-wrapper-content">
              <a class="site-network-name" href="${pagePath('home', view.locale)}"
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
                  <a href="${pagePath('home', view.locale)}">
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
              <li><a href="${pagePath('home', view.locale)}">${t('public.network.nav.home')}</a></li>
              <li>
                <a href="${networkPagePath('findDesk', view.locale)}">${t('public.network.nav.find_desk')}</a>
              </li>
              <li><a href="${networkPagePath('map', view.locale)}">${t('public.network.nav.map')}</a></li>
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
  const links: [string, string][] = [
    [networkPagePath('findDesk', view.locale), t('public.network.nav.find_desk')],
    [networkPagePath('map', view.locale), t('public.network.nav.map')],
    [receiptPagePath('signIn', view.locale), t('public.receipt.nav_link')],
    [pagePath('accessibility', view.locale), t('public.footer.accessibility')],
    [pagePath('privacy', view.locale), t('public.footer.privacy')],
    [pagePath('dataSources', view.locale), t('public.footer.data_sources')],
    [staffAreaPath, t('public.staff_area')],
  ];
  return html`<footer class="it-footer">
    <div class="it-footer-main">
      <div class="container">
        <div class="row">
          <div class="col-12 py-4">
            <div class="it-brand-wrapper">
              <a href="${pagePath('home', view.locale)}">
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
            ${links.map(
              ([href, label]) =>
                html`<li class="list-inline-item"><a href="${href}">${label}</a></li>`,
            )}
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
    html`<html lang="${view.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${view.title} · ${t('app.name')}</title>
        ${stylesheetUrls.map((href) => html`<link rel="stylesheet" href="${href}" />`)}
        <link rel="icon" type="image/svg+xml" href="${faviconUrl}" />
        ${(view.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
        ${locales
          .filter((locale) => locale !== view.locale)
          .map(
            (locale) =>
              html`<link rel="alternate" hreflang="${locale}" href="${view.alternates[locale]}" />`,
          )}
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
