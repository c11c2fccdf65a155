import { Button } from 'design-react-kit';
import { useState } from 'react';
import { updateCase } from '../api/cases.ts';
import type { AssignableUser, CaseDetail } from '../api/cases.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeError, describeErrorWithDetails } from '../common/errors.ts';
import { roleLabel } from '../common/format.ts';
import { SelectField } from '../common/SelectField.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useT } from '../i18n/useT.ts';
import type { CaseState } from './useCase.ts';

interface Props {
  detail: CaseDetail;
  change: CaseState['change'];
  /** The case's team as the server lists it (`useAssignableUsers`). */
  team: { people: AssignableUser[]; error: unknown };
}

/** Who works the case: take it, release it, or give it to a colleague of its team, by name. */
export function AssignPanel({ detail, change, team }: Props) {
  const t = useT();
  const user = useSignedInUser();
  const colleagues = team.people.filter((person) => person.id !== detail.assignee?.id);
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
      {Boolean(team.error) && (
        <div className="alert alert-warning" role="alert">
          {t('bo.cases.assign.teamUnavailable', { reason: describeError(team.error, t) })}
        </div>
      )}
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
            options={colleagues.map((person) => ({
              value: person.id,
              label: t('bo.cases.assign.person', {
                name: person.displayName,
                role: roleLabel(t, person.role),
              }),
            }))}
          />
          <Button type="submit" color="primary" outline disabled={busy || !chosen}>
            {t('bo.cases.assign.give')}
          </Button>
        </form>
      )}
    </section>
  );
}
