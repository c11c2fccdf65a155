import { Button } from 'design-react-kit';
import { addNote } from '../api/cases.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { TextAreaField } from './TextAreaField.tsx';

const FORM = 'case-note';

interface Props {
  caseId: string;
  onAdded: () => Promise<void>;
}

/** A note for the team, encrypted at rest; the reporter never sees it. */
export function NoteForm({ caseId, onAdded }: Props) {
  const t = useT();
  const labels = { body: t('bo.cases.note.body') };
  const editor = useDraftForm({
    initial: { body: '' },
    check: (draft) =>
      draft.body.trim() ? [] : [{ field: 'body', message: t('bo.cases.note.required') }],
    save: async (draft) => {
      await addNote(caseId, draft.body.trim());
      await onAdded();
    },
    afterSave: () => ({ body: '' }),
  });
  return (
    <section aria-labelledby="case-note" className="mb-5">
      <h3 id="case-note" className="h4">
        {t('bo.cases.note.title')}
      </h3>
      <StatusMessage message={editor.saved ? t('bo.cases.note.added') : null} />
      <form noValidate onSubmit={editor.onSubmit}>
        <ErrorSummary
          errors={editor.form.errors}
          target={(field) => controlFor(FORM, labels, field)}
        />
        <TextAreaField
          id={fieldId(FORM, 'body')}
          label={labels.body}
          hint={t('bo.cases.note.hint')}
          required
          value={editor.draft.body}
          onChange={(value) => editor.set('body', value)}
          error={editor.form.messageFor('body')}
        />
        <Button type="submit" color="primary" disabled={editor.submitting}>
          {t('bo.cases.note.submit')}
        </Button>
      </form>
    </section>
  );
}
