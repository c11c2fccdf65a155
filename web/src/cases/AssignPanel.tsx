import { Button } from 'design-react-kit';
import { useState } from 'react';
import { updateCase } from '../api/cases.ts';
import type { CaseDetail } from '../api/cases.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeErrorWithDetails } from '../common/errors.ts';
import { SelectField } from '../common/SelectField.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useT } from '../i18n/useT.ts';
import type { CaseState } from './useCase.ts';
import { useColleagues } from './useCaseTeams.ts';

interface Props {
  detail: CaseDetail;
  change: CaseState['change'];
}

/** Who works the case: take it, release it, or (for those who see the team) give it to someone. */
export function AssignPanel({ detail, change }: Props) {
  const t = useT();
  const user = useSignedInUser();
  const colleagues = useColleagues(user, detail.organisation?.id ?? null);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function assign(assigneeUserId: string | null, done: string) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await change((rowVersion) => updateCase(detail.id, { assigneeUserId, rowVersion }));
      setMessage(done);
      setChosen('');
    } catch (failure) {
      setError(describeErrorWithDetails(failure, t));
    } finally {
      setBusy(false);
    }
  }

  const mine = detail.assignee?.id === user?.id;
  return (
    <section aria-labelledby="case-assign" className="mb-5">
      <h2 id="case-assign" className="h3">
        {t('bo.cases.assign.title')}
      </h2>
      <p>
        {detail.assignee
          ? t('bo.cases.assign.current', { name: detail.assignee.displayName })
          : t('bo.cases.assign.nobody')}
      </p>
      <StatusMessage message={message} />
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      <div className="d-flex flex-wrap gap-2 mb-3">
        {!mine && user && (
          <Button
            color="primary"
            disabled={busy}
            onClick={() => void assign(user.id, t('bo.cases.assign.taken'))}
          >
            {t('bo.cases.assign.takeIt')}
          </Button>
        )}
        {detail.assignee && (
          <Button
            color="primary"
            outline
            disabled={busy}
            onClick={() => void assign(null, t('bo.cases.assign.released'))}
          >
            {t('bo.cases.assign.release')}
          </Button>
        )}
      </div>
      {colleagues.length > 0 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) void assign(chosen, t('bo.cases.assign.given'));
          }}
        >
          <SelectField
            id="case-assign-colleague"
            className="mb-3"
            label={t('bo.cases.assign.colleague')}
            value={chosen}
            onChange={setChosen}
            placeholder={t('bo.cases.choose')}
            options={colleagues.map((person) => ({ value: person.id, label: person.displayName }))}
          />
          <Button type="submit" color="primary" outline disabled={busy || !chosen}>
            {t('bo.cases.assign.give')}
          </Button>
        </form>
      )}
    </section>
  );
}
