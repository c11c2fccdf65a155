import type { Locale } from '../../i18n/i18n.ts';

/** Every public page with its address in each language (Italian first). */
export const sitePages = {
  home: { it: '/it', en: '/en' },
  accessibility: { it: '/it/accessibilita', en: '/en/accessibility' },
  privacy: { it: '/it/privacy', en: '/en/privacy' },
  dataSources: { it: '/it/fonti-dati', en: '/en/data-sources' },
} as const satisfies Record<string, Record<Locale, string>>;

export type SitePage = keyof typeof sitePages;

export function pagePath(page: SitePage, locale: Locale): string {
  return sitePages[page][locale];
}

/** The back office (React SPA); its sign-in screen is the staff entrance. */
export const staffAreaPath = '/app/';
