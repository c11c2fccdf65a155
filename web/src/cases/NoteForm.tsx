import { addNote } from '../api/cases.ts';
import { useT } from '../i18n/useT.ts';
import { TextEntryForm } from './TextEntryForm.tsx';

interface Props {
  caseId: string;
  onAdded: () => Promise<void>;
}

/** A note for the team, encrypted at rest; the reporter never sees it. */
export function NoteForm({ caseId, onAdded }: Props) {
  const t = useT();
  return (
    <section aria-labelledby="case-note" className="mb-5">
      <h3 id="case-note" className="h4">
        {t('bo.cases.note.title')}
      </h3>
      <TextEntryForm
        form="case-note"
        label={t('bo.cases.note.body')}
        hint={t('bo.cases.note.hint')}
        required={t('bo.cases.note.required')}
        submit={t('bo.cases.note.submit')}
        saved={t('bo.cases.note.added')}
        save={async (body) => {
          await addNote(caseId, body);
          await onAdded();
        }}
      />
    </section>
  );
}
