import { html, type SafeHtml } from '../../http/html.ts';
import type { ReportLocale } from '../../i18n/i18n.ts';
import { field, type FormBody, type StepOutcome } from './draft.ts';
import { textArea, translator, type FieldContext } from './page.ts';

export const NARRATIVE_MAX = 10_000;

/** Step 1: what happened, in the reporter's own words. */
export function renderWhat(context: FieldContext, narrative: string): SafeHtml {
  const t = translator(context.locale);
  return html`<p>${t('what.intro')}</p>
    ${textArea(context, {
      id: 'narrative',
      label: t('what.label'),
      hint: t('what.hint', { max: NARRATIVE_MAX }),
      value: narrative,
      rows: 10,
      required: true,
    })}`;
}

export function parseWhat(body: FormBody, locale: ReportLocale): StepOutcome<string> {
  const t = translator(locale);
  const narrative = field(body, 'narrative', NARRATIVE_MAX * 3).replaceAll('\u0000', '');
  if (narrative.trim() === '') {
    return {
      ok: false,
      typed: narrative,
      problems: [{ field: 'narrative', message: t('what.required') }],
    };
  }
  if (narrative.length > NARRATIVE_MAX) {
    return {
      ok: false,
      typed: narrative,
      problems: [
        {
          field: 'narrative',
          message: t('what.too_long', { max: NARRATIVE_MAX, length: narrative.length }),
        },
      ],
    };
  }
  return { ok: true, value: narrative.trim() };
}
