import { Button } from 'design-react-kit';
import { actionKinds } from '../../../src/core/cases/vocabularies.ts';
import { addAction } from '../api/cases.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { TextField } from '../common/TextField.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { TextAreaField } from './TextAreaField.tsx';

const FORM = 'case-action';

export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface Props {
  caseId: string;
  onAdded: () => Promise<void>;
}

/** What the desk did: listening, a letter, a complaint… with the day and the outcome. */
export function ActionForm({ caseId, onAdded }: Props) {
  const t = useT();
  const labels = {
    kind: t('bo.cases.actionForm.kind'),
    doneOn: t('bo.cases.actionForm.doneOn'),
    outcome: t('bo.cases.actionForm.outcome'),
  };
  const blank = () => ({ kind: '', doneOn: today(), outcome: '' });
  const editor = useDraftForm({
    initial: blank,
    check: (draft) => {
      const problems = [];
      if (!draft.kind)
        problems.push({ field: 'kind', message: t('bo.cases.actionForm.kindRequired') });
      if (!draft.doneOn) {
        problems.push({ field: 'doneOn', message: t('bo.cases.actionForm.doneOnRequired') });
      }
      return problems;
    },
    save: async (draft) => {
      await addAction(caseId, {
        kind: draft.kind,
        doneOn: draft.doneOn,
        outcome: draft.outcome.trim() || null,
      });
      await onAdded();
    },
    afterSave: blank,
  });
  const { draft, set, form } = editor;
  return (
    <section aria-labelledby="case-action" className="mb-5">
      <h3 id="case-action" className="h4">
        {t('bo.cases.actionForm.title')}
      </h3>
      <StatusMessage message={editor.saved ? t('bo.cases.actionForm.added') : null} />
      <form noValidate onSubmit={editor.onSubmit}>
        <ErrorSummary errors={form.errors} target={(field) => controlFor(FORM, labels, field)} />
        <div className="row">
          <SelectField
            id={fieldId(FORM, 'kind')}
            className="col-md-6 mb-3"
            label={labels.kind}
            value={draft.kind}
            onChange={(value) => set('kind', value)}
            placeholder={t('bo.cases.choose')}
            options={actionKinds.map((kind) => ({
              value: kind,
              label: t(`bo.cases.actionKind.${kind}`),
            }))}
            required
            error={form.messageFor('kind')}
          />
          <TextField
            id={fieldId(FORM, 'doneOn')}
            type="date"
            className="col-md-6"
            label={labels.doneOn}
            value={draft.doneOn}
            required
            onChange={(value) => set('doneOn', value)}
            error={form.messageFor('doneOn')}
          />
        </div>
        <TextAreaField
          id={fieldId(FORM, 'outcome')}
          label={labels.outcome}
          value={draft.outcome}
          onChange={(value) => set('outcome', value)}
          error={form.messageFor('outcome')}
        />
        <Button type="submit" color="primary" disabled={editor.submitting}>
          {t('bo.cases.actionForm.submit')}
        </Button>
      </form>
    </section>
  );
}
