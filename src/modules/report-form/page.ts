import { html, type SafeHtml } from '../../http/html.ts';
import { reportLocales, translate, type ReportLocale } from '../../i18n/i18n.ts';
import { renderLayout } from '../public-site/layout.ts';
import type { FieldProblem } from './draft.ts';
import { STEP_COUNT, stepKeys, stepNumber, stepPath, type StepKey } from './paths.ts';
import { reportScriptUrl } from './script.ts';

export type T = (key: string, values?: Record<string, string | number>) => string;

export function translator(locale: ReportLocale): T {
  return (key, values) => translate(locale, `report.${key}`, values);
}

/** What every field helper needs: the page's language and the problems found in what was sent. */
export interface FieldContext {
  locale: ReportLocale;
  problems: FieldProblem[];
}

function problemOf(context: FieldContext, id: string): FieldProblem | undefined {
  return context.problems.find((problem) => problem.field === id);
}

function describedBy(id: string, hint: boolean, problem: boolean): string | null {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : null;
}

function hintAndError(
  locale: ReportLocale,
  id: string,
  hint: string | undefined,
  problem: FieldProblem | undefined,
) {
  return html`${hint ? html`<p id="${id}-hint" class="form-text small mb-1">${hint}</p>` : null}
  ${
    problem
      ? html`<p id="${id}-error" class="site-report-error mb-1">
          <span class="visually-hidden">${translate(locale, 'report.error_prefix')}</span>${problem.message}
        </p>`
      : null
  }`;
}

interface InputOptions {
  id: string;
  name?: string;
  label: string;
  value: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'number';
  autocomplete?: string;
  maxlength?: number;
  required?: boolean;
  inputmode?: string;
  /** Extra attributes that are trusted markup (e.g. `min`, `max`). */
  extra?: SafeHtml;
}

export function textInput(context: FieldContext, options: InputOptions): SafeHtml {
  const problem = problemOf(context, options.id);
  const described = describedBy(options.id, Boolean(options.hint), Boolean(problem));
  return html`<div class="mb-4">
    <label class="form-label" for="${options.id}">${options.label}</label>
    ${hintAndError(context.locale, options.id, options.hint, problem)}
    <input
      class="form-control${problem ? ' is-invalid' : ''}"
      type="${options.type ?? 'text'}"
      id="${options.id}"
      name="${options.name ?? options.id}"
      value="${options.value}"
      ${options.autocomplete ? html`autocomplete="${options.autocomplete}"` : null}
      ${options.maxlength ? html`maxlength="${options.maxlength}"` : null}
      ${options.inputmode ? html`inputmode="${options.inputmode}"` : null}
      ${options.required ? html`required aria-required="true"` : null}
      ${described ? html`aria-describedby="${described}"` : null}
      ${problem ? html`aria-invalid="true"` : null}
      ${options.extra ?? null}
    />
  </div>`;
}

export function textArea(
  context: FieldContext,
  options: Omit<InputOptions, 'type' | 'autocomplete'> & { rows?: number },
): SafeHtml {
  const problem = problemOf(context, options.id);
  const described = describedBy(options.id, Boolean(options.hint), Boolean(problem));
  return html`<div class="mb-4">
    <label class="form-label" for="${options.id}">${options.label}</label>
    ${hintAndError(context.locale, options.id, options.hint, problem)}
    <textarea
      class="form-control${problem ? ' is-invalid' : ''}"
      id="${options.id}"
      name="${options.name ?? options.id}"
      rows="${options.rows ?? 4}"
      ${options.maxlength ? html`maxlength="${options.maxlength}"` : null}
      ${options.required ? html`required aria-required="true"` : null}
      ${described ? html`aria-describedby="${described}"` : null}
      ${problem ? html`aria-invalid="true"` : null}
    >
${options.value}</textarea
    >
  </div>`;
}

interface GroupOptions {
  /** The group's id; the first box gets `${id}-0` and error links point to it. */
  id: string;
  name: string;
  legend: string;
  hint?: string;
  choices: { code: string; label: string }[];
  required?: boolean;
}

function group(
  context: FieldContext,
  options: GroupOptions,
  type: 'radio' | 'checkbox',
  isChecked: (code: string) => boolean,
): SafeHtml {
  const problem = problemOf(context, options.id);
  const described = describedBy(options.id, Boolean(options.hint), Boolean(problem));
  return html`<fieldset class="mb-4" id="${options.id}"
    ${described ? html`aria-describedby="${described}"` : null}>
    <legend class="h5">${options.legend}</legend>
    ${hintAndError(context.locale, options.id, options.hint, problem)}
    ${options.choices.map(
      (choice, index) =>
        html`<div class="form-check">
          <input
            type="${type}"
            id="${options.id}-${index}"
            name="${options.name}"
            value="${choice.code}"
            ${isChecked(choice.code) ? html`checked` : null}
            ${problem ? html`aria-invalid="true"` : null}
          />
          <label for="${options.id}-${index}">${choice.label}</label>
        </div>`,
    )}
  </fieldset>`;
}

export function radioGroup(context: FieldContext, options: GroupOptions & { value: string }) {
  return group(context, options, 'radio', (code) => code === options.value);
}

export function checkboxGroup(context: FieldContext, options: GroupOptions & { values: string[] }) {
  return group(context, options, 'checkbox', (code) => options.values.includes(code));
}

export function selectField(
  context: FieldContext,
  options: Omit<InputOptions, 'type'> & { choices: { code: string; label: string }[] },
): SafeHtml {
  const problem = problemOf(context, options.id);
  const described = describedBy(options.id, Boolean(options.hint), Boolean(problem));
  return html`<div class="mb-4">
    <label class="form-label" for="${options.id}">${options.label}</label>
    ${hintAndError(context.locale, options.id, options.hint, problem)}
    <select
      class="form-select"
      id="${options.id}"
      name="${options.name ?? options.id}"
      ${options.autocomplete ? html`autocomplete="${options.autocomplete}"` : null}
      ${described ? html`aria-describedby="${described}"` : null}
      ${problem ? html`aria-invalid="true"` : null}
    >
      ${options.choices.map(
        (choice) =>
          html`<option value="${choice.code}" ${choice.code === options.value ? html`selected` : null}>
            ${choice.label}
          </option>`,
      )}
    </select>
  </div>`;
}

/** The list of problems at the top of the page, each linking to its field. */
export function errorSummary(locale: ReportLocale, problems: FieldProblem[]): SafeHtml | null {
  if (problems.length === 0) return null;
  const t = translator(locale);
  return html`<div class="alert alert-danger site-report-summary" role="alert" aria-labelledby="error-summary-title" id="error-summary" tabindex="-1">
    <h2 class="h5" id="error-summary-title">${t('errors.title')}</h2>
    <ul class="mb-0">
      ${problems.map((problem) => html`<li><a href="#${problem.field}">${problem.message}</a></li>`)}
    </ul>
  </div>`;
}

/** "Step 2 of 8" and the list of steps, the ones already answered as links. */
export function progress(
  locale: ReportLocale,
  current: StepKey,
  answered: ReadonlySet<StepKey>,
): SafeHtml {
  const t = translator(locale);
  return html`<nav aria-labelledby="report-progress" class="mb-4">
    <p id="report-progress" class="site-report-progress">
      ${t('progress', { step: stepNumber(current), total: STEP_COUNT })}
    </p>
    <ol class="site-report-steps">
      ${stepKeys.map((key) =>
        key === current
          ? html`<li aria-current="step"><strong>${t(`steps.${key}.short`)}</strong></li>`
          : answered.has(key)
            ? html`<li><a href="${stepPath(locale, key)}">${t(`steps.${key}.short`)}</a></li>`
            : html`<li>${t(`steps.${key}.short`)}</li>`,
      )}
    </ol>
  </nav>`;
}

export interface FormPageOptions {
  locale: ReportLocale;
  step: StepKey;
  answered: ReadonlySet<StepKey>;
  problems: FieldProblem[];
  action: string;
  csrfToken: string;
  formToken: string;
  /** Set when the page was opened from the review: saving goes back there. */
  fromReview: boolean;
  /** The step's fields; null for a page without the step form (the review). */
  body: SafeHtml | null;
  multipart?: boolean;
  /** Replaces the default "Continue" button row. */
  buttons?: SafeHtml;
  /** The page runs the proof-of-work script (review only). */
  script?: boolean;
  /** Content after the form (e.g. a separate form). */
  after?: SafeHtml;
}

export function hiddenFields(csrfToken: string, formToken: string, fromReview: boolean): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${csrfToken}" />
    <input type="hidden" name="form_token" value="${formToken}" />
    ${fromReview ? html`<input type="hidden" name="return" value="review" />` : null}`;
}

export function previousStep(step: StepKey): StepKey | null {
  const index = stepKeys.indexOf(step);
  return index > 0 ? stepKeys[index - 1]! : null;
}

/** A step of the form inside the public layout. */
export function renderFormPage(options: FormPageOptions): string {
  const { locale, step } = options;
  const t = translator(locale);
  const previous = previousStep(step);
  const title = t(`steps.${step}.title`);
  const buttons =
    options.buttons ??
    html`<div class="site-report-buttons">
      <button type="submit" class="btn btn-primary" name="go" value="next">${t('continue')}</button>
      ${previous ? html`<a class="btn btn-outline-primary" href="${stepPath(locale, previous)}">${t('back')}</a>` : null}
    </div>`;
  const main = html`<div class="site-report">
    ${progress(locale, step, options.answered)}
    ${errorSummary(locale, options.problems)}
    <h1>${title}</h1>
    ${
      options.body === null
        ? null
        : html`<form
            method="post"
            action="${options.action}"
            novalidate
            class="site-report-form"
            ${options.multipart ? html`enctype="multipart/form-data"` : null}
          >
            ${hiddenFields(options.csrfToken, options.formToken, options.fromReview)}
            ${options.body} ${buttons}
          </form>`
    }
    ${options.after ?? null}
    <p class="mt-4 small">${t('safety_note')}</p>
  </div>`;
  return renderLayout({
    locale,
    title: options.problems.length > 0 ? t('errors.page_title', { title }) : title,
    alternates: Object.fromEntries(
      reportLocales.map((language) => [language, stepPath(language, step)]),
    ) as Record<ReportLocale, string>,
    main,
    ...(options.script ? { scripts: [reportScriptUrl] } : {}),
  });
}
