import { codesOf, type Facet } from '../../core/taxonomy/taxonomy.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { currentTaxonomy } from '../taxonomy/taxonomy-files.ts';

export interface Choice {
  code: string;
  label: string;
}

/**
 * The plain-language choices of the form: top-level codes of a facet that carry public wording
 * in the current taxonomy. Codes without it (e.g. `operator`) are for the case team only.
 */
export function publicChoices(facet: Facet, locale: Locale): Choice[] {
  return codesOf(currentTaxonomy(), facet)
    .filter((entry) => entry.parent === null && entry.publicLabels !== null)
    .map((entry) => ({ code: entry.code, label: entry.publicLabels![locale] }));
}

export function isPublicChoice(facet: Facet, code: string): boolean {
  return publicChoices(facet, 'it').some((choice) => choice.code === code);
}

export function choiceLabel(facet: Facet, code: string, locale: Locale): string | null {
  return publicChoices(facet, locale).find((choice) => choice.code === code)?.label ?? null;
}

/** "I don't know" / "I'm not sure": answers the form offers besides the taxonomy's codes. */
export const DONT_KNOW = 'dont_know';
