import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

export const locales = ['it', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'it';

const messagesDir = join(import.meta.dirname, 'messages');

/**
 * Messages live in one JSON file per area and language (`messages/<locale>/<area>.json`), so
 * each feature owns its strings; the SPA bundles the same files.
 */
function loadCatalogue(locale: Locale): Record<string, string> {
  const dir = join(messagesDir, locale);
  const merged: Record<string, string> = {};
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    Object.assign(merged, JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  return merged;
}

const catalogues: Record<Locale, Record<string, string>> = {
  it: loadCatalogue('it'),
  en: loadCatalogue('en'),
};
const compiled = new Map<string, IntlMessageFormat>();

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function hasMessage(locale: Locale, key: string): boolean {
  return key in catalogues[locale];
}

export function messageKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]);
}

/** Formats an ICU message; a key missing in English falls back to Italian, then to the key. */
export function translate(
  locale: Locale,
  key: string,
  values?: Record<string, string | number | Date>,
): string {
  const source = catalogues[locale][key] ?? catalogues[defaultLocale][key];
  if (source === undefined) return key;
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, locale);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/** Picks the best supported language from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { language: tag.toLowerCase().split('-')[0], q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.language).find(isLocale) ?? defaultLocale;
}
