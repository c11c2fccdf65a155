import type { SafeHtml } from '../../http/html.ts';
import type { ReportLocale } from '../../i18n/i18n.ts';
import type { PlaceMatch } from '../public-site/find-desk/desks.ts';
import type { DraftData, FieldProblem } from './draft.ts';
import { renderFormPage, type FieldContext } from './page.ts';
import { evidencePostPath, stepKeys, stepPath, type StepKey } from './paths.ts';
import { renderContact } from './step-contact.ts';
import { renderEvidence } from './step-evidence.ts';
import { renderWhat } from './step-what.ts';
import { renderWhen } from './step-when.ts';
import { renderWhere } from './step-where.ts';
import { renderWho } from './step-who.ts';
import { renderWhy } from './step-why.ts';

export type FormStep = Exclude<StepKey, 'review'>;

/** The steps the draft holds an answer for (shown as links in the progress list). */
export function answeredSteps(data: Partial<DraftData>): Set<StepKey> {
  const answered = new Set<StepKey>();
  if (data.narrative) answered.add('what');
  if (data.when) answered.add('when');
  if (data.where) answered.add('where');
  if (data.who) answered.add('who');
  if (data.why) answered.add('why');
  if (data.files) answered.add('evidence');
  if (data.contact) answered.add('contact');
  if (answered.has('contact') && answered.has('what')) answered.add('review');
  return answered;
}

export interface StepPageInput {
  locale: ReportLocale;
  step: FormStep;
  /** The draft's answers, with the step's own answer replaced by what was just typed. */
  data: Partial<DraftData>;
  saved: Partial<DraftData>;
  problems: FieldProblem[];
  csrfToken: string;
  formToken: string;
  fromReview: boolean;
  suggestions?: PlaceMatch[];
  now: Date;
}

function stepBody(input: StepPageInput, context: FieldContext): SafeHtml {
  const { data } = input;
  switch (input.step) {
    case 'what':
      return renderWhat(context, data.narrative ?? '');
    case 'when':
      return renderWhen(context, data.when, input.now);
    case 'where':
      return renderWhere(context, data.where, input.suggestions ?? []);
    case 'who':
      return renderWho(context, data.who);
    case 'why':
      return renderWhy(context, data.why);
    case 'evidence':
      return renderEvidence(context, data.files ?? []);
    case 'contact':
      return renderContact(context, data.contact);
  }
}

export function renderStepPage(input: StepPageInput): string {
  const context: FieldContext = { locale: input.locale, problems: input.problems };
  const action =
    input.step === 'evidence' ? evidencePostPath(input.locale) : stepPath(input.locale, input.step);
  return renderFormPage({
    locale: input.locale,
    step: input.step,
    answered: answeredSteps(input.saved),
    problems: input.problems,
    action,
    csrfToken: input.csrfToken,
    formToken: input.formToken,
    fromReview: input.fromReview,
    body: stepBody(input, context),
    multipart: input.step === 'evidence',
  });
}

export function nextStep(step: FormStep): StepKey {
  return stepKeys[stepKeys.indexOf(step) + 1]!;
}
