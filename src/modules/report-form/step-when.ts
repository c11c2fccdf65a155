import { html, type SafeHtml } from '../../http/html.ts';
import { intlLocale, type ReportLocale } from '../../i18n/i18n.ts';
import {
  field,
  type DraftData,
  type FieldProblem,
  type FormBody,
  type StepOutcome,
} from './draft.ts';
import { radioGroup, selectField, textInput, translator, type FieldContext } from './page.ts';

type When = NonNullable<DraftData['when']>;
const precisions = ['day', 'month', 'year', 'unknown'] as const;
const FIRST_YEAR = 1950;

const empty: When = { precision: 'unknown', day: '', month: '', year: '' };

/** Step 2: when it happened — an exact day, a month, a year, or "I don't remember". */
export function renderWhen(context: FieldContext, when: When | undefined, now: Date): SafeHtml {
  const t = translator(context.locale);
  const value = when ?? { ...empty, precision: '' as When['precision'] };
  const monthNames = new Intl.DateTimeFormat(intlLocale(context.locale), {
    month: 'long',
    timeZone: 'UTC',
  });
  const months = Array.from({ length: 12 }, (_, index) => ({
    code: String(index + 1),
    label: monthNames.format(new Date(Date.UTC(2000, index, 1))),
  }));
  return html`${radioGroup(context, {
    id: 'precision',
    name: 'precision',
    legend: t('when.legend'),
    hint: t('when.hint'),
    value: value.precision,
    choices: precisions.map((code) => ({ code, label: t(`when.precision.${code}`) })),
  })}
    <fieldset class="mb-4">
      <legend class="h5">${t('when.details_legend')}</legend>
      ${textInput(context, {
        id: 'day',
        label: t('when.day'),
        hint: t('when.day_hint'),
        type: 'date',
        value: value.day,
        extra: html`min="${FIRST_YEAR}-01-01" max="${now.toISOString().slice(0, 10)}"`,
      })}
      ${selectField(context, {
        id: 'month',
        label: t('when.month'),
        value: value.month,
        choices: [{ code: '', label: t('when.no_month') }, ...months],
      })}
      ${textInput(context, {
        id: 'year',
        label: t('when.year'),
        hint: t('when.year_hint'),
        value: value.year,
        inputmode: 'numeric',
        maxlength: 4,
      })}
    </fieldset>`;
}

function validYear(year: string, now: Date): number | null {
  if (!/^\d{4}$/.test(year)) return null;
  const number = Number(year);
  return number >= FIRST_YEAR && number <= now.getUTCFullYear() ? number : null;
}

export function parseWhen(body: FormBody, locale: ReportLocale, now: Date): StepOutcome<When> {
  const t = translator(locale);
  const precisionValue = field(body, 'precision', 20);
  const typed: When = {
    precision: (precisions as readonly string[]).includes(precisionValue)
      ? (precisionValue as When['precision'])
      : 'unknown',
    day: field(body, 'day', 20).trim(),
    month: field(body, 'month', 2).trim(),
    year: field(body, 'year', 10).trim(),
  };
  const problems: FieldProblem[] = [];
  if (!(precisions as readonly string[]).includes(precisionValue)) {
    problems.push({ field: 'precision-0', message: t('when.precision_required') });
  } else if (typed.precision === 'day') {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(typed.day) ? new Date(`${typed.day}T00:00:00Z`) : null;
    const valid =
      date !== null &&
      !Number.isNaN(date.getTime()) &&
      date.toISOString().slice(0, 10) === typed.day &&
      date.getUTCFullYear() >= FIRST_YEAR &&
      date.getTime() <= now.getTime();
    if (!valid) problems.push({ field: 'day', message: t('when.day_invalid') });
  } else if (typed.precision === 'month' || typed.precision === 'year') {
    if (validYear(typed.year, now) === null) {
      problems.push({ field: 'year', message: t('when.year_invalid', { first: FIRST_YEAR }) });
    }
    if (typed.precision === 'month' && !/^(?:[1-9]|1[0-2])$/.test(typed.month)) {
      problems.push({ field: 'month', message: t('when.month_required') });
    }
  }
  if (problems.length > 0) return { ok: false, typed, problems };
  return { ok: true, value: typed };
}

/** The date stored on the case: the first day of what is known, with its precision. */
export function occurredOn(when: When | undefined): {
  occurredOn: string | null;
  precision: 'day' | 'month' | 'year' | null;
} {
  if (!when || when.precision === 'unknown') return { occurredOn: null, precision: null };
  if (when.precision === 'day') return { occurredOn: when.day, precision: 'day' };
  if (when.precision === 'month') {
    return { occurredOn: `${when.year}-${when.month.padStart(2, '0')}-01`, precision: 'month' };
  }
  return { occurredOn: `${when.year}-01-01`, precision: 'year' };
}
