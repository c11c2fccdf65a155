import {
  hoursOn,
  isOpenAt,
  nextOpening,
  type Interval,
  type IsoWeekday,
  type OpeningHours,
} from '../../../core/opening-hours.ts';
import { html, type SafeHtml } from '../../../http/html.ts';
import { hasMessage, translate, type Locale } from '../../../i18n/i18n.ts';
import { deskTimeZone } from './desks.ts';

export type Vocabulary = 'service' | 'language' | 'channel' | 'accessibility' | 'access_mode';

/**
 * The label of a vocabulary code (`network.<vocabulary>.<code>`). A code without a message
 * still reads as something: a language by its name in the page's language, others as the code.
 */
export function vocabularyLabel(locale: Locale, vocabulary: Vocabulary, code: string): string {
  const key = `network.${vocabulary}.${code}`;
  if (hasMessage(locale, key) || hasMessage('it', key)) return translate(locale, key);
  if (vocabulary === 'language') {
    try {
      return new Intl.DisplayNames(locale, { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  }
  return code.replaceAll('_', ' ');
}

export function vocabularyList(locale: Locale, vocabulary: Vocabulary, codes: readonly string[]) {
  return codes.map((code) => vocabularyLabel(locale, vocabulary, code));
}

/** Monday 1 … Sunday 7, from the messages or else from Intl. */
export function weekdayName(locale: Locale, weekday: IsoWeekday): string {
  const key = `network.weekday.${weekday}`;
  if (hasMessage(locale, key) || hasMessage('it', key)) return translate(locale, key);
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/** "09:00" → "9:00", as Italians write times. */
export function displayTime(time: string): string {
  return time.replace(/^0(\d)/, '$1');
}

export function displayIntervals(locale: Locale, intervals: readonly Interval[]): string {
  if (intervals.length === 0) return translate(locale, 'public.network.hours.closed');
  return intervals
    .map((interval) => `${displayTime(interval.opens)}–${displayTime(interval.closes)}`)
    .join(', ');
}

/** Today's date on the desks' wall clock, as "YYYY-MM-DD". */
export function localDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: deskTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function isoWeekdayOf(date: string): IsoWeekday {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return (weekday === 0 ? 7 : weekday) as IsoWeekday;
}

/** "lunedì 12 gennaio" for a calendar date. */
export function displayDate(locale: Locale, date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dayMonth = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
  return `${weekdayName(locale, isoWeekdayOf(date))} ${dayMonth}`;
}

export interface OpenState {
  open: boolean;
  /** "Apre lunedì alle 9:00"; null when open now or not opening in the next 60 days. */
  next: string | null;
}

export function openState(locale: Locale, hours: OpeningHours, now: Date): OpenState {
  if (isOpenAt(hours, now, deskTimeZone)) return { open: true, next: null };
  const opening = nextOpening(hours, now, deskTimeZone);
  if (!opening) return { open: false, next: null };
  const today = localDate(now);
  const time = displayTime(opening.opens);
  if (opening.date === today) {
    return { open: false, next: translate(locale, 'public.network.opens_today', { time }) };
  }
  if (opening.date === addDays(today, 1)) {
    return { open: false, next: translate(locale, 'public.network.opens_tomorrow', { time }) };
  }
  const day =
    opening.date <= addDays(today, 6)
      ? weekdayName(locale, isoWeekdayOf(opening.date))
      : displayDate(locale, opening.date);
  return { open: false, next: translate(locale, 'public.network.opens_on', { day, time }) };
}

/** The open/closed badge with the next opening, as shown on cards and on the desk page. */
export function openBadge(locale: Locale, hours: OpeningHours | null, now: Date): SafeHtml {
  const t = (key: string) => translate(locale, key);
  if (!hours) return html`<p class="mb-2">${t('public.network.hours.unknown')}</p>`;
  const state = openState(locale, hours, now);
  return html`<p class="mb-2">
    ${
      state.open
        ? html`<span class="badge bg-success">${t('public.network.open_now')}</span>`
        : html`<span class="badge bg-secondary">${t('public.network.closed_now')}</span>`
    }
    ${state.next ? html`<span class="ms-1">${state.next}</span>` : null}
  </p>`;
}

export interface UpcomingChange {
  date: string;
  intervals: Interval[];
  reason: 'exception' | 'holiday' | 'closed_exception';
}

/** Days in the next `days` days (today included) whose hours differ from the weekly ones. */
export function upcomingChanges(hours: OpeningHours, now: Date, days = 30): UpcomingChange[] {
  const today = localDate(now);
  const changes: UpcomingChange[] = [];
  for (let offset = 0; offset <= days; offset += 1) {
    const date = addDays(today, offset);
    const day = hoursOn(hours, date);
    if (day.reason !== 'weekly')
      changes.push({ date, intervals: day.intervals, reason: day.reason });
  }
  return changes;
}

/** Only web addresses are linked: they are typed by a person in the back office. */
export function isWebAddress(value: string | null): value is string {
  return value !== null && /^https?:\/\/[^\s]+$/i.test(value);
}

/** A phone number as a `tel:` address: digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function isEmailAddress(value: string | null): value is string {
  return value !== null && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value);
}

/** How to reach the desk through each of its channels, with links that work on a phone. */
export function channelList(
  locale: Locale,
  desk: {
    channels: readonly string[];
    phone: string | null;
    email: string | null;
    address: string | null;
    postalCode: string | null;
    onlineUrl: string | null;
    municipality: { name: string; provinceAcronym: string };
  },
): SafeHtml {
  const items = desk.channels.map((channel) => {
    const label = vocabularyLabel(locale, 'channel', channel);
    let contact: SafeHtml | string | null = null;
    if (channel === 'phone' && desk.phone) {
      contact = html`<a href="${telHref(desk.phone)}">${desk.phone}</a>`;
    } else if (channel === 'email' && isEmailAddress(desk.email)) {
      contact = html`<a href="mailto:${desk.email}">${desk.email}</a>`;
    } else if (channel === 'in_person' && desk.address) {
      contact = [desk.address, [desk.postalCode, desk.municipality.name].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(', ')
        .concat(` (${desk.municipality.provinceAcronym})`);
    } else if (channel === 'online' && isWebAddress(desk.onlineUrl)) {
      contact = html`<a href="${desk.onlineUrl}">${desk.onlineUrl}</a>`;
    }
    return html`<li><strong>${label}</strong>${contact ? html`: ${contact}` : null}</li>`;
  });
  return html`<ul class="list-unstyled mb-2">
    ${items}
  </ul>`;
}
