import { html, type SafeHtml } from '../../http/html.ts';
import type { ReportLocale } from '../../i18n/i18n.ts';
import {
  field,
  type DraftData,
  type FieldProblem,
  type FormBody,
  type StepOutcome,
} from './draft.ts';
import { DONT_KNOW, isPublicChoice, publicChoices } from './options.ts';
import { radioGroup, textInput, translator, type FieldContext } from './page.ts';

type Who = NonNullable<DraftData['who']>;

/** Step 4: to whom it happened (the reporter's role) and who did it. */
export function renderWho(context: FieldContext, who: Who | undefined): SafeHtml {
  const t = translator(context.locale);
  return html`${radioGroup(context, {
    id: 'role',
    name: 'role',
    legend: t('who.role_legend'),
    value: who?.role ?? '',
    choices: publicChoices('reporter_role', context.locale),
  })}
    ${radioGroup(context, {
      id: 'perpetrator',
      name: 'perpetrator',
      legend: t('who.perpetrator_legend'),
      value: who?.perpetrator ?? '',
      choices: [
        ...publicChoices('perpetrator_sector', context.locale),
        { code: DONT_KNOW, label: t('dont_know') },
      ],
    })}
    ${textInput(context, {
      id: 'perpetrator_detail',
      label: t('who.perpetrator_detail'),
      hint: t('who.perpetrator_detail_hint'),
      value: who?.perpetratorDetail ?? '',
      maxlength: 1000,
    })}`;
}

export function parseWho(body: FormBody, locale: ReportLocale): StepOutcome<Who> {
  const t = translator(locale);
  const typed: Who = {
    role: field(body, 'role', 64),
    perpetrator: field(body, 'perpetrator', 64),
    perpetratorDetail: field(body, 'perpetrator_detail', 1000).trim(),
  };
  const problems: FieldProblem[] = [];
  if (!isPublicChoice('reporter_role', typed.role)) {
    problems.push({ field: 'role-0', message: t('who.role_required') });
    typed.role = '';
  }
  if (
    typed.perpetrator !== '' &&
    typed.perpetrator !== DONT_KNOW &&
    !isPublicChoice('perpetrator_sector', typed.perpetrator)
  ) {
    problems.push({ field: 'perpetrator-0', message: t('who.perpetrator_invalid') });
    typed.perpetrator = '';
  }
  if (problems.length > 0) return { ok: false, typed, problems };
  return { ok: true, value: typed };
}
