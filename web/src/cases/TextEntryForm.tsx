import { Button } from 'design-react-kit';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { TextAreaField } from './TextAreaField.tsx';

interface Props {
  /** Prefix of the field's id, unique on the page. */
  form: string;
  label: string;
  hint: string;
  /** Shown when the text is empty (nothing is sent). */
  required: string;
  submit: string;
  /** Announced after a successful save, when the text area empties again. */
  saved: string;
  save: (body: string) => Promise<void>;
}

/**
 * One text to add to a case (a note, a message to the reporter): checked for emptiness, sent
 * trimmed, the server's errors shown by the field, emptied and announced once saved.
 */
export function TextEntryForm({ form, label, hint, required, submit, saved, save }: Props) {
  const labels = { body: label };
  const editor = useDraftForm({
    initial: { body: '' },
    check: (draft) => (draft.body.trim() ? [] : [{ field: 'body', message: required }]),
    save: (draft) => save(draft.body.trim()),
    afterSave: () => ({ body: '' }),
  });
  return (
    <>
      <StatusMessage message={editor.saved ? saved : null} />
      <form noValidate onSubmit={editor.onSubmit}>
        <ErrorSummary
          errors={editor.form.errors}
          target={(field) => controlFor(form, labels, field)}
        />
        <TextAreaField
          id={fieldId(form, 'body')}
          label={label}
          hint={hint}
          required
          value={editor.draft.body}
          onChange={(value) => editor.set('body', value)}
          error={editor.form.messageFor('body')}
        />
        <Button type="submit" color="primary" disabled={editor.submitting}>
          {submit}
        </Button>
      </form>
    </>
  );
}
