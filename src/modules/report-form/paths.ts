import type { Locale } from '../../i18n/i18n.ts';
import { reportPages } from '../public-site/site-paths.ts';

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

export function formPath(locale: Locale): string {
  return reportPages.report[locale];
}

export function stepPath(locale: Locale, key: StepKey): string {
  return `${formPath(locale)}/${stepNumber(key)}`;
}

/** Evidence arrives as multipart, so it has its own address (and its own CSRF check). */
export const evidenceSegment: Record<Locale, string> = { it: 'prove', en: 'evidence' };
export const sendSegment: Record<Locale, string> = { it: 'invia', en: 'send' };

export function evidencePostPath(locale: Locale): string {
  return `${formPath(locale)}/${evidenceSegment[locale]}`;
}

export function sendPath(locale: Locale): string {
  return `${formPath(locale)}/${sendSegment[locale]}`;
}

/** Where a reporter follows the report with the receipt code (served by the receipt module). */
export const receiptChannelPaths: Record<Locale, string> = {
  it: '/it/ricevuta',
  en: '/en/receipt',
};
