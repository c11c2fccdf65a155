import { helpDeskServices } from '../../../core/help-desk.ts';
import { html, type SafeHtml } from '../../../http/html.ts';
import { translate, type Locale } from '../../../i18n/i18n.ts';
import { renderLayout } from '../layout.ts';
import { deskPath, networkPagePath, networkPages } from '../site-paths.ts';
import type { PublicDesk } from './desks.ts';
import { channelList, openBadge, vocabularyLabel, vocabularyList } from './present.ts';
import type { DeskSearch } from './search.ts';

type T = (key: string, values?: Record<string, string | number>) => string;

function option(value: string, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}" ${selected ? html`selected` : null}>${label}</option>`;
}

function searchForm(locale: Locale, search: DeskSearch): SafeHtml {
  const t: T = (key, values) => translate(locale, `public.network.${key}`, values);
  const collator = new Intl.Collator(locale);
  const services = helpDeskServices
    .map((code) => ({ code, label: vocabularyLabel(locale, 'service', code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const offered =
    search.language && !search.languages.includes(search.language)
      ? [...search.languages, search.language]
      : search.languages;
  const languages = offered
    .map((code) => ({ code, label: vocabularyLabel(locale, 'language', code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return html`<form method="get" action="${networkPagePath('findDesk', locale)}" class="site-desk-form">
    <div class="mb-3">
      <label class="form-label" for="desk-municipality">${t('search.municipality')}</label>
      <input
        class="form-control"
        type="text"
        id="desk-municipality"
        name="comune"
        value="${search.municipality}"
        autocomplete="address-level2"
        aria-describedby="desk-municipality-hint"
        maxlength="100"
      />
      <p id="desk-municipality-hint" class="form-text small mb-0">
        ${t('search.municipality_hint')}
      </p>
    </div>
    <div class="mb-3">
      <label class="form-label" for="desk-service">${t('search.service')}</label>
      <select class="form-select" id="desk-service" name="servizio">
        ${option('', t('search.any_service'), search.service === null)}
        ${services.map((item) => option(item.code, item.label, item.code === search.service))}
      </select>
    </div>
    <div class="mb-3">
      <label class="form-label" for="desk-language">${t('search.language')}</label>
      <select class="form-select" id="desk-language" name="lingua">
        ${option('', t('search.any_language'), search.language === null)}
        ${languages.map((item) => option(item.code, item.label, item.code === search.language))}
      </select>
    </div>
    <div class="form-check mb-3">
      <input id="desk-open" type="checkbox" name="aperto" value="1" ${
        search.openNow ? html`checked` : null
      } />
      <label for="desk-open">${t('search.open_now')}</label>
    </div>
    <button type="submit" class="btn btn-primary">${t('search.submit')}</button>
  </form>`;
}

export function deskCard(locale: Locale, desk: PublicDesk, now: Date): SafeHtml {
  const t: T = (key, values) => translate(locale, `public.network.${key}`, values);
  return html`<li class="site-desk">
    <article class="card card-bg mb-3" aria-labelledby="desk-${desk.id}">
      <div class="card-body">
        <h3 class="h5 card-title" id="desk-${desk.id}">
          <a href="${deskPath(desk.id, locale)}">${desk.name}</a>
        </h3>
        <p class="mb-1">
          ${t('card.organisation', { organisation: desk.organisation.name })}
        </p>
        <p class="mb-2">
          ${t('card.town', {
            municipality: desk.municipality.name,
            province: desk.municipality.provinceAcronym,
          })}
        </p>
        ${openBadge(locale, desk.hours, now)}
        ${
          desk.services.length > 0
            ? html`<p class="mb-1">
                <strong>${t('card.services')}</strong>
                ${vocabularyList(locale, 'service', desk.services).join(', ')}
              </p>`
            : null
        }
        ${
          desk.languages.length > 0
            ? html`<p class="mb-2">
                <strong>${t('card.languages')}</strong>
                ${vocabularyList(locale, 'language', desk.languages).join(', ')}
              </p>`
            : null
        }
        ${channelList(locale, desk)}
        <p class="mb-0">
          <a href="${deskPath(desk.id, locale)}">${t('card.details', { name: desk.name })}</a>
        </p>
      </div>
    </article>
  </li>`;
}

function scopeMessage(locale: Locale, search: DeskSearch): SafeHtml | null {
  const t: T = (key, values) => translate(locale, `public.network.${key}`, values);
  const scope = search.scope;
  const place = (p: { name: string; provinceAcronym: string }) =>
    `${p.name} (${p.provinceAcronym})`;
  switch (scope.kind) {
    case 'all':
      return null;
    case 'competent':
      return html`<p>${t('results.competent', { place: place(scope.place) })}</p>`;
    case 'province':
      return html`<div class="alert alert-info" role="note">
        ${t('results.province', {
          place: place(scope.place),
          province: scope.place.provinceName,
        })}
      </div>`;
    case 'unknown_place':
      return html`<div class="alert alert-warning" role="note">
        ${t('results.unknown_place', { typed: scope.typed })}
      </div>`;
    case 'ambiguous':
      return html`<div class="alert alert-info" role="note">
        <p>${t('results.ambiguous', { typed: scope.typed })}</p>
        <ul class="mb-0">
          ${scope.places.map(
            (item) =>
              html`<li>
                <a href="${networkPagePath('findDesk', locale)}?comune=${item.code}"
                  >${place(item)}</a
                >
              </li>`,
          )}
        </ul>
      </div>`;
  }
}

function ignoredMessages(locale: Locale, search: DeskSearch): SafeHtml[] {
  return search.ignored.map(
    (item) =>
      html`<div class="alert alert-warning" role="note">
        ${translate(locale, `public.network.ignored.${item.field}`, { value: item.value })}
      </div>`,
  );
}

/** Suggestions when nothing matches: which filters to drop, and the full list. */
function noResults(locale: Locale, search: DeskSearch): SafeHtml {
  const t: T = (key, values) => translate(locale, `public.network.${key}`, values);
  const filters = search.service !== null || search.language !== null || search.openNow;
  const base = networkPagePath('findDesk', locale);
  const without = (drop: 'servizio' | 'lingua' | 'aperto') => {
    const params = new URLSearchParams();
    if (search.municipality && search.scope.kind !== 'unknown_place') {
      params.set('comune', search.municipality);
    }
    if (search.service && drop !== 'servizio') params.set('servizio', search.service);
    if (search.language && drop !== 'lingua') params.set('lingua', search.language);
    if (search.openNow && drop !== 'aperto') params.set('aperto', '1');
    const query = params.toString();
    return query ? `${base}?${query}` : base;
  };
  const suggestions: SafeHtml[] = [];
  if (search.openNow) {
    suggestions.push(html`<li><a href="${without('aperto')}">${t('empty.drop_open')}</a></li>`);
  }
  if (search.service) {
    suggestions.push(
      html`<li><a href="${without('servizio')}">${t('empty.drop_service')}</a></li>`,
    );
  }
  if (search.language) {
    suggestions.push(html`<li><a href="${without('lingua')}">${t('empty.drop_language')}</a></li>`);
  }
  suggestions.push(html`<li><a href="${base}">${t('empty.all_desks')}</a></li>`);
  return html`<div class="site-no-results">
    <p><strong>${t('empty.heading')}</strong></p>
    ${filters && search.inScope > 0 ? html`<p>${t('empty.filters', { count: search.inScope })}</p>` : null}
    <ul>
      ${suggestions}
    </ul>
  </div>`;
}

function results(locale: Locale, search: DeskSearch, now: Date): SafeHtml {
  const t: T = (key, values) => translate(locale, `public.network.${key}`, values);
  if (search.scope.kind === 'all' && search.inScope === 0) {
    return html`<p>${t('empty.network')}</p>`;
  }
  return html`${scopeMessage(locale, search)}
    ${
      search.scope.kind === 'ambiguous'
        ? null
        : search.desks.length === 0
          ? noResults(locale, search)
          : html`<p>${t('results.count', { count: search.desks.length })}</p>
              <ul class="list-unstyled">
                ${search.desks.map((desk) => deskCard(locale, desk, now))}
              </ul>`
    }`;
}

function searchParams(search: DeskSearch): string {
  const params = new URLSearchParams();
  if (search.municipality) params.set('comune', search.municipality);
  if (search.service) params.set('servizio', search.service);
  if (search.language) params.set('lingua', search.language);
  if (search.openNow) params.set('aperto', '1');
  return params.toString();
}

/** "Trova uno sportello": the form and, below it, the desks found. */
export function renderSearchPage(locale: Locale, search: DeskSearch, now: Date): string {
  const t: T = (key, values) => translate(locale, `public.network.${key}`, values);
  const main = html`<h1>${t('search.title')}</h1>
    <p class="lead">${t('search.lead')}</p>
    ${searchForm(locale, search)}
    <section class="mt-5" aria-labelledby="desk-results">
      <h2 id="desk-results">${t('results.heading')}</h2>
      ${ignoredMessages(locale, search)} ${results(locale, search, now)}
    </section>
    <p class="mt-4"><a href="${networkPagePath('map', locale)}">${t('search.see_map')}</a></p>`;
  // The language switch keeps the search, so the same results open in the other language.
  const params = searchParams(search);
  const alternates = {
    it: params ? `${networkPages.findDesk.it}?${params}` : networkPages.findDesk.it,
    en: params ? `${networkPages.findDesk.en}?${params}` : networkPages.findDesk.en,
  };
  return renderLayout({ locale, title: t('search.title'), alternates, main });
}
