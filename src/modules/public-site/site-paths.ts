import { isLocale, reportLocales, type Locale, type ReportLocale } from '../../i18n/i18n.ts';

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

/** The network's open equality data and how it is made, served by `open-data/routes.ts`. */
export const dataPages = {
  data: { it: '/it/dati', en: '/en/data' },
  methodology: { it: '/it/dati/metodologia', en: '/en/data/methodology' },
  /** Followed by `/<year>`: the released year's report as a tagged PDF. */
  report: { it: '/it/dati/rapporto', en: '/en/data/report' },
} as const satisfies Record<string, Record<Locale, string>>;

/** The public report form ("segnalazione"), served by `src/modules/report-form/`. */
export const reportPages = {
  report: { it: '/it/segnala', en: '/en/report' },
} as const satisfies Record<string, Record<Locale, string>>;

/**
 * The report form and the receipt channel in a reporting language other than Italian and
 * English: the English address under the language's own prefix (`/ar/report`, `/ar/receipt/status`).
 */
export function reportingPath(paths: Record<Locale, string>, locale: ReportLocale): string {
  return isLocale(locale) ? paths[locale] : `/${locale}${paths.en.slice('/en'.length)}`;
}

/** A page of the report form or the receipt channel in every reporting language. */
export function reportingAlternates(paths: Record<Locale, string>): Record<ReportLocale, string> {
  return Object.fromEntries(
    reportLocales.map((locale) => [locale, reportingPath(paths, locale)]),
  ) as Record<ReportLocale, string>;
}

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

/**
 * The receipt channel (`src/modules/receipt/`): a reporter signs in with the receipt code and
 * follows their report. The code is posted, never part of an address.
 */
export const receiptPages = {
  signIn: { it: '/it/ricevuta', en: '/en/receipt' },
  status: { it: '/it/ricevuta/stato', en: '/en/receipt/status' },
  messages: { it: '/it/ricevuta/messaggi', en: '/en/receipt/messages' },
  addInformation: { it: '/it/ricevuta/aggiungi', en: '/en/receipt/add' },
  consents: { it: '/it/ricevuta/consensi', en: '/en/receipt/consents' },
  withdraw: { it: '/it/ricevuta/ritira', en: '/en/receipt/withdraw' },
  signOut: { it: '/it/ricevuta/esci', en: '/en/receipt/sign-out' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ReceiptPage = keyof typeof receiptPages;

export function receiptPagePath(page: ReceiptPage, locale: ReportLocale): string {
  return reportingPath(receiptPages[page], locale);
}

/** The back office (React SPA); its sign-in screen is the staff entrance. */
export const staffAreaPath = '/app/';
