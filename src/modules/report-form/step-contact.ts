import {
  checkConsentChoices,
  consentPurposes,
  CURRENT_CONSENT_VERSION,
  type ConsentPurpose,
} from '../../core/cases/consent.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { translate, type ReportLocale } from '../../i18n/i18n.ts';
import {
  field,
  fieldList,
  type DraftData,
  type FieldProblem,
  type FormBody,
  type StepOutcome,
} from './draft.ts';
import { radioGroup, textInput, translator, type FieldContext } from './page.ts';

type Contact = NonNullable<DraftData['contact']>;

/** The consent texts are keyed by version, so the version recorded names the exact words shown. */
export function consentKey(purpose: ConsentPurpose, part: 'label' | 'text'): string {
  return `consent.${CURRENT_CONSENT_VERSION}.${purpose}.${part}`;
}

function consentBoxes(context: FieldContext, consents: Contact['consents'] | undefined): SafeHtml {
  const t = translator(context.locale);
  const problemFor = (purpose: ConsentPurpose) =>
    context.problems.find((problem) => problem.field === `consent_${purpose}`);
  return html`<fieldset class="mb-4">
    <legend class="h5">${t('contact.consents_legend')}</legend>
    <p>${t('contact.consents_intro')}</p>
    ${consentPurposes.map((purpose) => {
      const id = `consent_${purpose}`;
      const problem = problemFor(purpose);
      const describedBy = [`${id}-text`, problem ? `${id}-error` : null].filter(Boolean).join(' ');
      return html`<div class="form-check mb-3">
        <input type="checkbox" id="${id}" name="consents" value="${purpose}"
          ${consents?.[purpose] ? html`checked` : null}
          aria-describedby="${describedBy}"
          ${problem ? html`aria-invalid="true"` : null}
          ${purpose === 'handling' ? html`required aria-required="true"` : null} />
        <label for="${id}">${translate(context.locale, consentKey(purpose, 'label'))}</label>
        <p id="${id}-text" class="form-text small mb-0">
          ${translate(context.locale, consentKey(purpose, 'text'))}
        </p>
        ${problem ? html`<p id="${id}-error" class="site-report-error mb-0">${problem.message}</p>` : null}
      </div>`;
    })}
  </fieldset>`;
}

/** Step 7: how to be contacted (or not at all) and the consents, one per purpose. */
export function renderContact(context: FieldContext, contact: Contact | undefined): SafeHtml {
  const t = translator(context.locale);
  return html`${radioGroup(context, {
    id: 'mode',
    name: 'mode',
    legend: t('contact.mode_legend'),
    hint: t('contact.mode_hint'),
    value: contact?.mode ?? '',
    choices: [
      { code: 'anonymous', label: t('contact.mode.anonymous') },
      { code: 'contact', label: t('contact.mode.contact') },
    ],
  })}
    <fieldset class="mb-4">
      <legend class="h5">${t('contact.details_legend')}</legend>
      <p>${t('contact.details_intro')}</p>
      ${textInput(context, { id: 'name', label: t('contact.name'), value: contact?.name ?? '', autocomplete: 'name', maxlength: 200 })}
      ${textInput(context, { id: 'email', label: t('contact.email'), value: contact?.email ?? '', type: 'email', autocomplete: 'email', maxlength: 254 })}
      ${textInput(context, { id: 'phone', label: t('contact.phone'), value: contact?.phone ?? '', type: 'tel', autocomplete: 'tel', maxlength: 30 })}
      ${textInput(context, {
        id: 'preference',
        label: t('contact.preference'),
        hint: t('contact.preference_hint'),
        value: contact?.preference ?? '',
        maxlength: 300,
      })}
    </fieldset>
    ${consentBoxes(context, contact?.consents)}`;
}

const emailPattern = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const phonePattern = /^\+?[0-9 ().-]{6,25}$/;

export function parseContact(body: FormBody, locale: ReportLocale): StepOutcome<Contact> {
  const t = translator(locale);
  const modeValue = field(body, 'mode', 20);
  const chosen = fieldList(body, 'consents');
  const consents = Object.fromEntries(
    consentPurposes.map((purpose) => [purpose, chosen.includes(purpose)]),
  ) as Contact['consents'];
  const anonymous = modeValue === 'anonymous';
  const typed: Contact = {
    mode: anonymous ? 'anonymous' : 'contact',
    name: anonymous ? '' : field(body, 'name', 200).trim(),
    email: anonymous ? '' : field(body, 'email', 254).trim(),
    phone: anonymous ? '' : field(body, 'phone', 30).trim(),
    preference: anonymous ? '' : field(body, 'preference', 300).trim(),
    consents,
  };
  const problems: FieldProblem[] = [];
  if (modeValue !== 'anonymous' && modeValue !== 'contact') {
    problems.push({ field: 'mode-0', message: t('contact.mode_required') });
  }
  if (typed.mode === 'contact' && modeValue === 'contact') {
    if (!typed.name && !typed.email && !typed.phone) {
      problems.push({ field: 'name', message: t('contact.details_required') });
    }
    if (typed.email && !emailPattern.test(typed.email)) {
      problems.push({ field: 'email', message: t('contact.email_invalid') });
    }
    if (typed.phone && !phonePattern.test(typed.phone)) {
      problems.push({ field: 'phone', message: t('contact.phone_invalid') });
    }
  }
  for (const problem of checkConsentChoices(consents, Boolean(typed.email || typed.phone))) {
    problems.push({ field: `consent_${problem.field}`, message: t(`contact.${problem.problem}`) });
  }
  if (problems.length > 0) return { ok: false, typed, problems };
  return { ok: true, value: typed };
}
