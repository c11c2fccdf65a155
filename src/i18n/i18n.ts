import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

/** The languages of the whole site and the back office. */
export const locales = ['it', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'it';

/**
 * The languages of the people who report: the report form and the receipt pages (with the
 * page chrome and error pages they use) are offered in all of them, Italian and English first.
 * Every other page and the back office stay in the site's languages.
 */
export const reportLocales = [
  'it',
  'en',
  'ro',
  'sq',
  'ar',
  'uk',
  'zh',
  'fr',
  'es',
  'el',
  'de',
  'bs',
] as const;
export type ReportLocale = (typeof reportLocales)[number];

/** Each reporting language by its own name, as a person looks for it in a list. */
export const languageNames: Record<ReportLocale, string> = {
  it: 'Italiano',
  en: 'English',
  ro: 'Română',
  sq: 'Shqip',
  ar: 'العربية',
  uk: 'Українська',
  zh: '中文',
  fr: 'Français',
  es: 'Español',
  el: 'Ελληνικά',
  de: 'Deutsch',
  bs: 'Bosanski',
};

const rightToLeft: ReadonlySet<ReportLocale> = new Set(['ar']);

export function textDirection(locale: ReportLocale): 'ltr' | 'rtl' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

/** The BCP 47 tag of a page's `lang` and `Content-Language`: the Chinese offered is simplified. */
export function languageTag(locale: ReportLocale): string {
  return locale === 'zh' ? 'zh-Hans' : locale;
}

/**
 * The tag given to `Intl`: British English (day before month, as in the rest of Europe), and
 * Arabic with Western digits, like the receipt code, the years and the phone numbers people
 * type in the same form.
 */
export function intlLocale(locale: ReportLocale): string {
  if (locale === 'en') return 'en-GB';
  if (locale === 'ar') return 'ar-u-nu-latn';
  return languageTag(locale);
}

/** The site language that stands in for a reporting language on pages not translated into it. */
export function siteLocaleOf(locale: ReportLocale): Locale {
  return isLocale(locale) ? locale : 'en';
}

const messagesDir = join(import.meta.dirname, 'messages');

/**
 * Messages live in one JSON file per area and language (`messages/<locale>/<area>.json`), so
 * each feature owns its strings; the SPA bundles the Italian and English files it needs.
 */
function loadCatalogue(locale: ReportLocale): Record<string, string> {
  const dir = join(messagesDir, locale);
  const merged: Record<string, string> = {};
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    Object.assign(merged, JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  return merged;
}

const catalogues = Object.fromEntries(
  reportLocales.map((locale) => [locale, loadCatalogue(locale)]),
) as Record<ReportLocale, Record<string, string>>;
const compiled = new Map<string, IntlMessageFormat>();

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function isReportLocale(value: unknown): value is ReportLocale {
  return typeof value === 'string' && (reportLocales as readonly string[]).includes(value);
}

export function hasMessage(locale: ReportLocale, key: string): boolean {
  return key in catalogues[locale];
}

export function messageKeys(locale: ReportLocale): string[] {
  return Object.keys(catalogues[locale]);
}

/**
 * Where a missing message is looked for: English, then Italian, for English and every
 * reporting language (a person who reads Arabic is likelier to read English than Italian).
 */
function lookupOrder(locale: ReportLocale): readonly ReportLocale[] {
  if (locale === 'it') return ['it'];
  if (locale === 'en') return ['en', 'it'];
  return [locale, 'en', 'it'];
}

/** Formats an ICU message, with the plural rules of the language the message is written in. */
export function translate(
  locale: ReportLocale,
  key: string,
  values?: Record<string, string | number | Date>,
): string {
  const source = lookupOrder(locale).find((candidate) => key in catalogues[candidate]);
  if (source === undefined) return key;
  const cacheKey = `${source}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(catalogues[source][key]!, intlLocale(source));
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

function negotiate<L extends string>(
  acceptLanguage: string | undefined,
  supported: readonly L[],
  fallback: L,
): L {
  if (!acceptLanguage) return fallback;
  const isSupported = (value: string | undefined): value is L =>
    (supported as readonly (string | undefined)[]).includes(value);
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { language: tag.toLowerCase().split('-')[0], q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.language).find(isSupported) ?? fallback;
}

/** Picks the best site language from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  return negotiate(acceptLanguage, locales, defaultLocale);
}

/** Picks the best reporting language from an Accept-Language header (for the report form). */
export function negotiateReportLocale(acceptLanguage: string | undefined): ReportLocale {
  return negotiate(acceptLanguage, reportLocales, defaultLocale);
}
