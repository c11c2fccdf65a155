import {
  victimProfileFields,
  victimProfileOptions,
  type VictimProfileField,
} from '../../core/cases/vocabularies.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import type { ReportLocale } from '../../i18n/i18n.ts';
import {
  field,
  fieldList,
  type DraftData,
  type FieldProblem,
  type FormBody,
  type StepOutcome,
} from './draft.ts';
import { DONT_KNOW, isPublicChoice, publicChoices } from './options.ts';
import { checkboxGroup, selectField, translator, type FieldContext } from './page.ts';

type Why = NonNullable<DraftData['why']>;

const profileId = (name: VictimProfileField) => `profile_${name}`;

/** Step 5: why they think it happened (several grounds allowed) and an optional profile. */
export function renderWhy(context: FieldContext, why: Why | undefined): SafeHtml {
  const t = translator(context.locale);
  const chosen = [...(why?.grounds ?? []), ...(why?.notSure ? [DONT_KNOW] : [])];
  return html`${checkboxGroup(context, {
    id: 'grounds',
    name: 'grounds',
    legend: t('why.grounds_legend'),
    hint: t('why.grounds_hint'),
    values: chosen,
    choices: [
      ...publicChoices('ground', context.locale),
      { code: DONT_KNOW, label: t('why.not_sure') },
    ],
  })}
    <fieldset class="mb-4">
      <legend class="h5">${t('why.profile_legend')}</legend>
      <p>${t('why.profile_intro')}</p>
      ${victimProfileFields.map((name) =>
        selectField(context, {
          id: profileId(name),
          label: t(`profile.${name}.label`),
          value: why?.profile[name] ?? '',
          choices: [
            { code: '', label: t('profile.not_answered') },
            ...victimProfileOptions[name].map((code) => ({
              code,
              label: t(`profile.${name}.${code}`),
            })),
          ],
        }),
      )}
    </fieldset>`;
}

export function parseWhy(body: FormBody, locale: ReportLocale): StepOutcome<Why> {
  const t = translator(locale);
  const values = fieldList(body, 'grounds').slice(0, 50);
  const problems: FieldProblem[] = [];
  const grounds = [...new Set(values.filter((code) => isPublicChoice('ground', code)))];
  if (values.some((code) => code !== DONT_KNOW && !isPublicChoice('ground', code))) {
    problems.push({ field: 'grounds-0', message: t('why.grounds_invalid') });
  }
  const profile: Why['profile'] = {};
  for (const name of victimProfileFields) {
    const value = field(body, profileId(name), 64);
    if (value === '') continue;
    if ((victimProfileOptions[name] as readonly string[]).includes(value)) profile[name] = value;
    else problems.push({ field: profileId(name), message: t('why.profile_invalid') });
  }
  const typed: Why = { grounds, notSure: values.includes(DONT_KNOW), profile };
  if (problems.length > 0) return { ok: false, typed, problems };
  return { ok: true, value: typed };
}
