import { weeklySummary, type OpeningHours } from '../../../core/opening-hours.ts';
import { html, type SafeHtml } from '../../../http/html.ts';
import { translate, type Locale } from '../../../i18n/i18n.ts';
import { renderLayout } from '../layout.ts';
import { deskAlternates, networkPagePath, pagePath, reportPages } from '../site-paths.ts';
import type { PublicDesk } from './desks.ts';
import {
  channelList,
  displayDate,
  displayIntervals,
  isWebAddress,
  openBadge,
  upcomingChanges,
  vocabularyLabel,
  vocabularyList,
  weekdayName,
} from './present.ts';

type T = (key: string, values?: Record<string, string | number>) => string;

export interface DeskPageData {
  desk: PublicDesk;
  municipalities: { code: string; name: string; provinceAcronym: string }[];
}

function list(items: readonly string[], empty: string): SafeHtml {
  if (items.length === 0) return html`<p>${empty}</p>`;
  return html`<ul>
    ${items.map((item) => html`<li>${item}</li>`)}
  </ul>`;
}

function hoursTable(locale: Locale, hours: OpeningHours): SafeHtml {
  const t: T = (key, values) => translate(locale, `public.network.${key}`, values);
  const rows = weeklySummary(hours).map((group) => {
    const first = weekdayName(locale, group.weekdays[0]!);
    const last = weekdayName(locale, group.weekdays.at(-1)!);
    const days = group.weekdays.length === 1 ? first : `${first} – ${last}`;
    return html`<tr>
      <th scope="row">${days}</th>
      <td>${displayIntervals(locale, group.intervals)}</td>
    </tr>`;
  });
  return html`<div class="table-responsive">
    <table class="table">
      <caption>
        ${t('desk.hours_caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('desk.hours_days')}</th>
          <th scope="col">${t('desk.hours_hours')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>
  ${hours.closedOnPublicHolidays ? html`<p>${t('desk.closed_on_holidays')}</p>` : null}`;
}

function upcoming(locale: Locale, hours: OpeningHours, now: Date): SafeHtml {
  const t: T = (key, values) => translate(locale, `public.network.${key}`, values);
  const changes = upcomingChanges(hours, now);
  if (changes.length === 0) return html`<p>${t('desk.no_exceptions')}</p>`;
  return html`<ul>
    ${changes.map(
      (change) =>
        html`<li>
          <strong>${displayDate(locale, change.date)}</strong>:
          ${
            change.reason === 'holiday'
              ? t('desk.holiday')
              : change.intervals.length === 0
                ? t('hours.closed')
                : t('desk.special_hours', { hours: displayIntervals(locale, change.intervals) })
          }
        </li>`,
    )}
  </ul>`;
}

/** Everything public about one help desk. */
export function renderDeskPage(locale: Locale, data: DeskPageData, now: Date): string {
  const t: T = (key, values) => translate(locale, `public.network.${key}`, values);
  const { desk } = data;
  const section = (id: string, heading: string, body: SafeHtml) =>
    html`<section class="mt-5" aria-labelledby="${id}">
      <h2 id="${id}">${heading}</h2>
      ${body}
    </section>`;
  const reach = html`${channelList(locale, desk)}
    <p>
      <strong>${t('desk.access_mode')}</strong>
      ${vocabularyLabel(locale, 'access_mode', desk.accessMode)}
    </p>
    ${
      isWebAddress(desk.website)
        ? html`<p><a href="${desk.website}">${t('desk.website')}</a></p>`
        : null
    }`;

  const main = html`<nav aria-label="${t('desk.breadcrumb_label')}" class="breadcrumb-container">
      <ol class="breadcrumb">
        <li class="breadcrumb-item">
          <a href="${pagePath('home', locale)}">${translate(locale, 'public.network.name')}</a
          ><span class="separator" aria-hidden="true">/</span>
        </li>
        <li class="breadcrumb-item">
          <a href="${networkPagePath('findDesk', locale)}">${t('search.title')}</a
          ><span class="separator" aria-hidden="true">/</span>
        </li>
        <li class="breadcrumb-item active" aria-current="page">${desk.name}</li>
      </ol>
    </nav>
    <h1>${desk.name}</h1>
    <p class="lead">
      ${t('card.organisation', { organisation: desk.organisation.name })} ·
      ${t('card.town', {
        municipality: desk.municipality.name,
        province: desk.municipality.provinceAcronym,
      })}
    </p>
    ${openBadge(locale, desk.hours, now)}
    ${desk.description ? html`<p>${desk.description}</p>` : null}
    <p>
      <a class="btn btn-primary" href="${reportPages.report[locale]}">${t('desk.report')}</a>
    </p>
    ${section('services', t('desk.services'), list(vocabularyList(locale, 'service', desk.services), t('desk.none')))}
    ${section('languages', t('desk.languages'), list(vocabularyList(locale, 'language', desk.languages), t('desk.none')))}
    ${section(
      'contacts',
      t('desk.contacts'),
      html`<p>${t('desk.report_text')}</p>
        ${reach}`,
    )}
    ${section(
      'hours',
      t('desk.hours'),
      desk.hours
        ? html`${hoursTable(locale, desk.hours)}
            <h3 class="h4 mt-4">${t('desk.exceptions')}</h3>
            ${upcoming(locale, desk.hours, now)}`
        : html`<p>${t('hours.unknown')}</p>`,
    )}
    ${section(
      'accessibility',
      t('desk.accessibility'),
      list(vocabularyList(locale, 'accessibility', desk.accessibility), t('desk.no_accessibility')),
    )}
    ${section(
      'territory',
      t('desk.territory'),
      list(
        data.municipalities.map((item) => `${item.name} (${item.provinceAcronym})`),
        t('desk.none'),
      ),
    )}
    ${section(
      'organisation',
      t('desk.organisation'),
      html`<p>
        ${desk.organisation.name}
        ${
          isWebAddress(desk.organisation.website)
            ? html` · <a href="${desk.organisation.website}">${t('desk.website')}</a>`
            : null
        }
      </p>`,
    )}
    <p class="mt-5">
      <a href="${networkPagePath('findDesk', locale)}">${t('desk.back')}</a>
    </p>`;
  return renderLayout({ locale, title: desk.name, alternates: deskAlternates(desk.id), main });
}
