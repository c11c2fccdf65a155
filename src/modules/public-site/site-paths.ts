import type { Locale } from '../../i18n/i18n.ts';

/** Every public page with its address in each language (Italian first). */
export const sitePages = {
  home: { it: '/it', en: '/en' },
  accessibility: { it: '/it/accessibilita', en: '/en/accessibility' },
  privacy: { it: '/it/privacy', en: '/en/privacy' },
  dataSources: { it: '/it/fonti-dati', en: '/en/data-sources' },
} as const satisfies Record<string, Record<Locale, string>>;

export type SitePage = keyof typeof sitePages;

/** The network's public directory and map, served by `find-desk/routes.ts`. */
export const networkPages = {
  findDesk: { it: '/it/sportelli', en: '/en/help-desks' },
  map: { it: '/it/mappa', en: '/en/map' },
} as const satisfies Record<string, Record<Locale, string>>;

export type NetworkPage = keyof typeof networkPages;

export function networkPagePath(page: NetworkPage, locale: Locale): string {
  return networkPages[page][locale];
}

/** A help desk's public page. */
export function deskPath(id: string, locale: Locale): string {
  return `${networkPages.findDesk[locale]}/${encodeURIComponent(id)}`;
}

export function deskAlternates(id: string): Record<Locale, string> {
  return { it: deskPath(id, 'it'), en: deskPath(id, 'en') };
}

export function pagePath(page: SitePage, locale: Locale): string {
  return sitePages[page][locale];
}

/** The back office (React SPA); its sign-in screen is the staff entrance. */
export const staffAreaPath = '/app/';
