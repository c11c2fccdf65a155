import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { addDeadline, setDeadlineDone } from '../api/cases.ts';
import type { CaseDeadline, Person } from '../api/cases.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeErrorWithDetails } from '../common/errors.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { TextField } from '../common/TextField.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { formatDay } from './DueFlag.tsx';

const FORM = 'case-deadline';

interface Props {
  caseId: string;
  deadlines: CaseDeadline[];
  /** Who may be reminded: the signed-in user and the colleagues they can see. */
  people: Person[];
  onChanged: () => Promise<void>;
}

/** Deadlines (a legal time limit, a call back) with the e-mail reminder the server sends. */
export function DeadlinesPanel({ caseId, deadlines, people, onChanged }: Props) {
  const t = useT();
  const intl = useIntl();
  const user = useSignedInUser();
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const labels = {
    title: t('bo.cases.deadline.titleField'),
    dueOn: t('bo.cases.deadline.dueOn'),
    remindOn: t('bo.cases.deadline.remindOn'),
    assigneeUserId: t('bo.cases.deadline.assignee'),
  };
  const blank = () => ({ title: '', dueOn: '', remindOn: '', assigneeUserId: user?.id ?? '' });
  const editor = useDraftForm({
    initial: blank,
    check: (draft) => {
      const problems = [];
      if (!draft.title.trim()) {
        problems.push({ field: 'title', message: t('bo.cases.deadline.titleRequired') });
      }
      if (!draft.dueOn) {
        problems.push({ field: 'dueOn', message: t('bo.cases.deadline.dueOnRequired') });
      }
      return problems;
    },
    save: async (draft) => {
      await addDeadline(caseId, {
        title: draft.title.trim(),
        dueOn: draft.dueOn,
        remindOn: draft.remindOn || null,
        assigneeUserId: draft.assigneeUserId,
      });
      await onChanged();
    },
    afterSave: blank,
  });
  const { draft, set, form } = editor;

  async function toggle(deadline: CaseDeadline) {
    setFailure(null);
    try {
      await setDeadlineDone(caseId, deadline.id, deadline.doneAt === null);
      await onChanged();
      setStatus(
        deadline.doneAt === null
          ? t('bo.cases.deadline.markedDone')
          : t('bo.cases.deadline.reopened'),
      );
    } catch (error) {
      setFailure(describeErrorWithDetails(error, t));
    }
  }

  return (
    <section aria-labelledby="case-deadlines" className="mb-5">
      <h3 id="case-deadlines" className="h4">
        {t('bo.cases.deadline.title')}
      </h3>
      <StatusMessage message={status} />
      {failure && (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      )}
      {deadlines.length === 0 ? (
        <p>{t('bo.cases.deadline.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {deadlines.map((deadline) => (
            <li key={deadline.id} className="mb-3">
              <strong>{deadline.title ?? t('bo.cases.deadline.untitled')}</strong>
              {' — '}
              {t('bo.cases.deadline.due', {
                date: formatDay(intl, deadline.dueOn),
                remind: formatDay(intl, deadline.remindOn),
                who: deadline.assignee?.displayName ?? '—',
              })}{' '}
              <span className={deadline.doneAt ? 'badge bg-secondary' : 'badge bg-primary'}>
                {deadline.doneAt ? t('bo.cases.deadline.done') : t('bo.cases.deadline.open')}
              </span>{' '}
              <Button size="xs" color="primary" outline onClick={() => void toggle(deadline)}>
                {deadline.doneAt
                  ? t('bo.cases.deadline.reopen', { title: deadline.title ?? '' })
                  : t('bo.cases.deadline.markDone', { title: deadline.title ?? '' })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <StatusMessage message={editor.saved ? t('bo.cases.deadline.added') : null} />
      <form noValidate onSubmit={editor.onSubmit}>
        <ErrorSummary errors={form.errors} target={(field) => controlFor(FORM, labels, field)} />
        <TextField
          id={fieldId(FORM, 'title')}
          label={labels.title}
          required
          value={draft.title}
          onChange={(value) => set('title', value)}
          error={form.messageFor('title')}
        />
        <div className="row">
          <TextField
            id={fieldId(FORM, 'dueOn')}
            type="date"
            className="col-md-6"
            label={labels.dueOn}
            required
            value={draft.dueOn}
            onChange={(value) => set('dueOn', value)}
            error={form.messageFor('dueOn')}
          />
          <TextField
            id={fieldId(FORM, 'remindOn')}
            type="date"
            className="col-md-6"
            label={labels.remindOn}
            hint={t('bo.cases.deadline.remindHint')}
            value={draft.remindOn}
            onChange={(value) => set('remindOn', value)}
            error={form.messageFor('remindOn')}
          />
        </div>
        <SelectField
          id={fieldId(FORM, 'assigneeUserId')}
          className="mb-3"
          label={labels.assigneeUserId}
          value={draft.assigneeUserId}
          onChange={(value) => set('assigneeUserId', value)}
          options={people.map((person) => ({ value: person.id, label: person.displayName }))}
          error={form.messageFor('assigneeUserId')}
        />
        <Button type="submit" color="primary" disabled={editor.submitting}>
          {t('bo.cases.deadline.submit')}
        </Button>
      </form>
    </section>
  );
}
