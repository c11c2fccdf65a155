import { codesOf, type Facet } from '../../core/taxonomy/taxonomy.ts';
import { hasMessage, isLocale, translate, type ReportLocale } from '../../i18n/i18n.ts';
import { taxonomyLabelKey } from '../../i18n/reporting-scope.ts';
import { currentTaxonomy } from '../taxonomy/taxonomy-files.ts';

export interface Choice {
  code: string;
  label: string;
}

/**
 * The public wording of a code: Italian and English from the taxonomy itself, a reporting
 * language from its catalogue (the published taxonomy file never changes), else English.
 */
function publicLabel(
  facet: Facet,
  code: string,
  labels: { it: string; en: string },
  locale: ReportLocale,
): string {
  if (isLocale(locale)) return labels[locale];
  const key = taxonomyLabelKey(facet, code);
  return hasMessage(locale, key) ? translate(locale, key) : labels.en;
}

/**
 * The plain-language choices of the form: top-level codes of a facet that carry public wording
 * in the current taxonomy. Codes without it (e.g. `operator`) are for the case team only.
 */
export function publicChoices(facet: Facet, locale: ReportLocale): Choice[] {
  return codesOf(currentTaxonomy(), facet)
    .filter((entry) => entry.parent === null && entry.publicLabels !== null)
    .map((entry) => ({
      code: entry.code,
      label: publicLabel(facet, entry.code, entry.publicLabels!, locale),
    }));
}

export function isPublicChoice(facet: Facet, code: string): boolean {
  return publicChoices(facet, 'it').some((choice) => choice.code === code);
}

export function choiceLabel(facet: Facet, code: string, locale: ReportLocale): string | null {
  return publicChoices(facet, locale).find((choice) => choice.code === code)?.label ?? null;
}

/** "I don't know" / "I'm not sure": answers the form offers besides the taxonomy's codes. */
export const DONT_KNOW = 'dont_know';
