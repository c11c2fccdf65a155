import { Button } from 'design-react-kit';
import type { CaseStatus } from '../../../src/core/cases/workflow.ts';
import { finalStatuses } from '../../../src/core/cases/workflow.ts';
import { transitionCase } from '../api/cases.ts';
import type { CaseDetail, Taxonomy } from '../api/cases.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import type { CaseState } from './useCase.ts';
import { facetOptions, useTaxonomyLabel } from './taxonomy.ts';
import { TextAreaField } from './TextAreaField.tsx';

const FORM = 'case-transition';
const needsReason: readonly CaseStatus[] = ['not_pertinent', 'redirected', 'withdrawn'];

interface Props {
  detail: CaseDetail;
  taxonomy: Taxonomy | null;
  change: CaseState['change'];
}

interface Draft {
  to: CaseStatus | '';
  reason: string;
  outcome: string;
}

/** Offers only the moves the server lists; asks for a reason or an outcome where the rules do. */
export function TransitionPanel({ detail, taxonomy, change }: Props) {
  const t = useT();
  const label = useTaxonomyLabel(taxonomy);
  const reopening = finalStatuses.includes(detail.status);
  const editor = useDraftForm<Draft>({
    initial: { to: '', reason: '', outcome: '' },
    check: (draft) => {
      const problems = [];
      if (!draft.to) problems.push({ field: 'to', message: t('bo.cases.transition.toRequired') });
      if (draft.to && (reopening || needsReason.includes(draft.to)) && !draft.reason.trim()) {
        problems.push({ field: 'reason', message: t('bo.cases.transition.reasonRequired') });
      }
      if (draft.to === 'closed' && !draft.outcome) {
        problems.push({ field: 'outcome', message: t('bo.cases.transition.outcomeRequired') });
      }
      return problems;
    },
    save: async (draft) => {
      if (!draft.to) return;
      const to = draft.to;
      await change((rowVersion) =>
        transitionCase(detail.id, {
          to,
          reason: draft.reason.trim() || null,
          outcome: to === 'closed' ? draft.outcome : null,
          rowVersion,
        }),
      );
    },
    afterSave: () => ({ to: '', reason: '', outcome: '' }),
  });
  const { draft, set, form } = editor;
  const labels: Record<string, string> = {
    to: t('bo.cases.transition.to'),
    reason: t('bo.cases.transition.reason'),
    outcome: t('bo.cases.transition.outcome'),
  };
  const showReason = draft.to !== '' && (reopening || needsReason.includes(draft.to));
  return (
    <section aria-labelledby="case-transition" className="mb-5">
      <h2 id="case-transition" className="h3">
        {t('bo.cases.transition.title')}
      </h2>
      <StatusMessage message={editor.saved ? t('bo.cases.transition.done') : null} />
      {detail.allowedTransitions.length === 0 ? (
        <p>{t('bo.cases.transition.none')}</p>
      ) : (
        <form noValidate onSubmit={editor.onSubmit}>
          <ErrorSummary errors={form.errors} target={(field) => controlFor(FORM, labels, field)} />
          <fieldset
            id={fieldId(FORM, 'to')}
            tabIndex={-1}
            className="mb-3"
            aria-describedby={form.messageFor('to') ? `${fieldId(FORM, 'to')}-error` : undefined}
          >
            <legend className="h6">
              {t('bo.cases.transition.from', { status: t(`bo.cases.status.${detail.status}`) })}
            </legend>
            {detail.allowedTransitions.map((status) => (
              <div key={status} className="form-check">
                <input
                  id={fieldId(FORM, `to-${status}`)}
                  type="radio"
                  name="case-transition-to"
                  checked={draft.to === status}
                  onChange={() => set('to', status)}
                />
                <label htmlFor={fieldId(FORM, `to-${status}`)}>
                  {reopening
                    ? t('bo.cases.transition.reopen', { status: t(`bo.cases.status.${status}`) })
                    : t(`bo.cases.action.${status}`)}
                </label>
              </div>
            ))}
            {form.messageFor('to') && (
              <div id={`${fieldId(FORM, 'to')}-error`} className="invalid-feedback d-block">
                {form.messageFor('to')}
              </div>
            )}
          </fieldset>
          {draft.to === 'closed' && (
            <SelectField
              id={fieldId(FORM, 'outcome')}
              className="mb-3"
              label={labels.outcome ?? ''}
              value={draft.outcome}
              onChange={(value) => set('outcome', value)}
              placeholder={t('bo.cases.choose')}
              options={facetOptions(taxonomy, 'outcome', label)}
              required
              error={form.messageFor('outcome')}
            />
          )}
          {showReason && (
            <TextAreaField
              id={fieldId(FORM, 'reason')}
              label={labels.reason ?? ''}
              required
              value={draft.reason}
              onChange={(value) => set('reason', value)}
              error={form.messageFor('reason')}
            />
          )}
          <Button type="submit" color="primary" disabled={editor.submitting}>
            {t('bo.cases.transition.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}
