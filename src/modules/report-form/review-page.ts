import { consentPurposes } from '../../core/cases/consent.ts';
import { PROOF_OF_WORK_BITS } from '../../core/intake-guard.ts';
import { victimProfileFields } from '../../core/cases/vocabularies.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { intlLocale, translate, type ReportLocale } from '../../i18n/i18n.ts';
import type { DraftData, FieldProblem } from './draft.ts';
import { choiceLabel, DONT_KNOW } from './options.ts';
import { hiddenFields, renderFormPage, translator } from './page.ts';
import { sendPath, stepPath, type StepKey } from './paths.ts';
import { answeredSteps } from './show-step.ts';
import { consentKey } from './step-contact.ts';

/** What must be there before sending; each missing part links to its step. */
export function missingParts(locale: ReportLocale, data: Partial<DraftData>): FieldProblem[] {
  const t = translator(locale);
  const problems: FieldProblem[] = [];
  if (!data.narrative) problems.push({ field: 'review-what', message: t('review.missing.what') });
  if (!data.who?.role) problems.push({ field: 'review-who', message: t('review.missing.who') });
  if (!data.contact?.consents.handling) {
    problems.push({ field: 'review-contact', message: t('review.missing.contact') });
  }
  return problems;
}

function whenText(locale: ReportLocale, when: DraftData['when']): string {
  const t = translator(locale);
  if (!when || when.precision === 'unknown') return t('review.unknown_date');
  if (when.precision === 'day') {
    return new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${when.day}T00:00:00Z`));
  }
  if (when.precision === 'month') {
    return new Intl.DateTimeFormat(intlLocale(locale), {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(Number(when.year), Number(when.month) - 1, 1)));
  }
  return when.year;
}

function rows(entries: [string, string | SafeHtml | null][]): SafeHtml {
  return html`<dl class="site-report-review">
    ${entries.map(([term, value]) => html`<dt>${term}</dt><dd>${value === null || value === '' ? '—' : value}</dd>`)}
  </dl>`;
}

function section(locale: ReportLocale, key: StepKey, body: SafeHtml): SafeHtml {
  const t = translator(locale);
  const heading = t(`steps.${key}.short`);
  return html`<section class="mb-4" aria-labelledby="review-${key}">
    <h2 class="h4" id="review-${key}">${heading}</h2>
    ${body}
    <p><a href="${stepPath(locale, key)}?review=1">${t('review.change', { section: heading })}</a></p>
  </section>`;
}

function summary(locale: ReportLocale, data: Partial<DraftData>): SafeHtml {
  const t = translator(locale);
  const none = t('review.not_given');
  const where = data.where;
  const who = data.who;
  const why = data.why;
  const contact = data.contact;
  const label = (facet: Parameters<typeof choiceLabel>[0], code: string | undefined) =>
    !code ? none : code === DONT_KNOW ? t('dont_know') : (choiceLabel(facet, code, locale) ?? none);
  const profile = victimProfileFields
    .filter((name) => why?.profile[name])
    .map((name) => `${t(`profile.${name}.label`)}: ${t(`profile.${name}.${why!.profile[name]!}`)}`);
  return html`${section(locale, 'what', html`<p class="site-report-narrative">${data.narrative ?? none}</p>`)}
    ${section(locale, 'when', rows([[t('review.date'), whenText(locale, data.when)]]))}
    ${section(
      locale,
      'where',
      rows([
        [
          t('review.place'),
          where
            ? where.kind === 'online'
              ? t('where.kind.online')
              : where.municipalityLabel
            : none,
        ],
        [t('where.municipality'), where?.municipalityLabel ?? null],
        [t('where.online_link'), where?.onlineLink ?? null],
        [t('review.setting'), label('domain', where?.domain)],
        [t('where.place_detail'), where?.placeDetail ?? null],
      ]),
    )}
    ${section(
      locale,
      'who',
      rows([
        [t('who.role_legend'), label('reporter_role', who?.role)],
        [t('who.perpetrator_legend'), label('perpetrator_sector', who?.perpetrator)],
        [t('who.perpetrator_detail'), who?.perpetratorDetail ?? null],
      ]),
    )}
    ${section(
      locale,
      'why',
      rows([
        [
          t('why.grounds_legend'),
          why
            ? [
                ...why.grounds.map((code) => label('ground', code)),
                ...(why.notSure ? [t('why.not_sure')] : []),
              ].join('; ') || none
            : none,
        ],
        [t('why.profile_legend'), profile.join('; ') || none],
      ]),
    )}
    ${section(
      locale,
      'evidence',
      data.files && data.files.length > 0
        ? html`<ul>${data.files.map((file) => html`<li>${file.name}</li>`)}</ul>`
        : html`<p>${t('evidence.none')}</p>`,
    )}
    ${section(
      locale,
      'contact',
      rows([
        [t('contact.mode_legend'), contact ? t(`contact.mode.${contact.mode}`) : none],
        [t('contact.name'), contact?.name ?? null],
        [t('contact.email'), contact?.email ?? null],
        [t('contact.phone'), contact?.phone ?? null],
        [t('contact.preference'), contact?.preference ?? null],
        ...consentPurposes.map((purpose): [string, string] => [
          translate(locale, consentKey(purpose, 'label')),
          contact?.consents[purpose] ? t('review.yes') : t('review.no'),
        ]),
      ]),
    )}`;
}

export interface ReviewInput {
  locale: ReportLocale;
  data: Partial<DraftData>;
  problems: FieldProblem[];
  csrfToken: string;
  formToken: string;
}

/** Step 8: everything answered, with a link to change each part, then the send button. */
export function renderReviewPage(input: ReviewInput): string {
  const { locale, data } = input;
  const t = translator(locale);
  const problems = [
    ...input.problems,
    ...missingParts(locale, data).filter(
      (missing) => !input.problems.some((problem) => problem.field === missing.field),
    ),
  ];
  const honeypot = html`<div class="site-report-trap" aria-hidden="true">
    <label for="website">${t('review.honeypot')}</label>
    <input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off" />
  </div>`;
  const sendForm = html`<form method="post" action="${sendPath(locale)}" class="site-report-send"
      data-pow-token="${input.formToken}" data-pow-bits="${PROOF_OF_WORK_BITS}">
      ${hiddenFields(input.csrfToken, input.formToken, false)}
      ${honeypot}
      <p>${t('review.before_send')}</p>
      <button type="submit" class="btn btn-primary btn-lg">${t('review.send')}</button>
    </form>`;
  return renderFormPage({
    locale,
    step: 'review',
    answered: answeredSteps(data),
    problems,
    action: sendPath(locale),
    csrfToken: input.csrfToken,
    formToken: input.formToken,
    fromReview: false,
    body: null,
    script: true,
    after: html`<p>${t('review.intro')}</p>
      ${summary(locale, data)}
      ${sendForm}`,
  });
}
