import type { Language } from '../api/types.ts';

export const languages: readonly Language[] = ['it', 'en'];
export const defaultLanguage: Language = 'it';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The SPA bundles the server's catalogues (`src/i18n/messages/<locale>/<area>.json`): `common.json`
 * carries the `error.<code>` texts both sides share, `backoffice.json` the SPA's own `bo.*` keys.
 * The public site's and the server's other areas stay out of the bundle, and so do the
 * reporting languages' catalogues: the back office is in Italian and English only.
 */
const files = import.meta.glob<Record<string, string>>(
  [
    '../../../src/i18n/messages/{it,en}/common.json',
    '../../../src/i18n/messages/{it,en}/backoffice.json',
    '../../../src/i18n/messages/{it,en}/backoffice-network.json',
    '../../../src/i18n/messages/{it,en}/backoffice-cases.json',
    '../../../src/i18n/messages/{it,en}/network.json',
    '../../../src/i18n/messages/{it,en}/import.json',
    '../../../src/i18n/messages/{it,en}/stats.json',
    '../../../src/i18n/messages/{it,en}/backoffice-stats.json',
  ],
  { eager: true, import: 'default' },
);

function catalogue(language: Language): Record<string, string> {
  const merged: Record<string, string> = {};
  const paths = Object.keys(files)
    .filter((path) => path.includes(`/messages/${language}/`))
    .sort();
  for (const path of paths) Object.assign(merged, files[path]);
  return merged;
}

const italian = catalogue('it');

/** A key missing in English falls back to Italian, as on the server. */
export const messages: Record<Language, Record<string, string>> = {
  it: italian,
  en: { ...italian, ...catalogue('en') },
};
