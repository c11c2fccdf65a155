import { isLocale, type ReportLocale } from '../../i18n/i18n.ts';
import { reportingPath, reportPages } from '../public-site/site-paths.ts';

/** The steps of the form, in order; the last one is the review before sending. */
export const stepKeys = [
  'what',
  'when',
  'where',
  'who',
  'why',
  'evidence',
  'contact',
  'review',
] as const;
export type StepKey = (typeof stepKeys)[number];
export const STEP_COUNT = stepKeys.length;

export function stepNumber(key: StepKey): number {
  return stepKeys.indexOf(key) + 1;
}

export function stepKeyOf(value: string): StepKey | null {
  if (!/^[1-9]$/.test(value)) return null;
  return stepKeys[Number(value) - 1] ?? null;
}

export function formPath(locale: ReportLocale): string {
  return reportingPath(reportPages.report, locale);
}

export function stepPath(locale: ReportLocale, key: StepKey): string {
  return `${formPath(locale)}/${stepNumber(key)}`;
}

/**
 * Evidence arrives as multipart, so it has its own address (and its own CSRF check). The
 * reporting languages use the English segments, as they use the English addresses.
 */
const evidenceSegment = { it: 'prove', en: 'evidence' } as const;
const sendSegment = { it: 'invia', en: 'send' } as const;

export function evidencePostPath(locale: ReportLocale): string {
  return `${formPath(locale)}/${evidenceSegment[isLocale(locale) ? locale : 'en']}`;
}

export function sendPath(locale: ReportLocale): string {
  return `${formPath(locale)}/${sendSegment[isLocale(locale) ? locale : 'en']}`;
}

/**
 * Language-neutral addresses to print on a poster or say on the phone: they open the form in
 * the language the person chose before, or their browser's, among the reporting languages.
 */
export const formEntryPaths = ['/segnala', '/report'] as const;
