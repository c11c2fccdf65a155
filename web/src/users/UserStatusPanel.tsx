import { Alert, Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import type { UserSummary } from '../api/types.ts';
import { setUserDisabled } from '../api/users.ts';
import { describeErrorWithDetails } from '../common/errors.ts';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useT } from '../i18n/useT.ts';
import { StatusBadge } from './UsersTable.tsx';

interface Props {
  user: UserSummary;
  onChanged: (user: UserSummary) => void;
}

/** Disabling or enabling an account takes two steps: ask, then confirm. */
export function UserStatusPanel({ user, onChanged }: Props) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const focusAsk = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (focusAsk.current) {
      focusAsk.current = false;
      askRef.current?.focus();
    }
  }, [confirming]);

  const action = user.disabled ? 'enable' : 'disable';

  async function confirm() {
    setSubmitting(true);
    setError(null);
    try {
      const updated = await setUserDisabled(user.id, !user.disabled);
      setDone(t(updated.disabled ? 'bo.users.status.nowDisabled' : 'bo.users.status.nowEnabled'));
      focusAsk.current = true;
      setConfirming(false);
      onChanged(updated);
    } catch (failure) {
      setError(describeErrorWithDetails(failure, t));
    } finally {
      setSubmitting(false);
    }
  }

  function cancel() {
    focusAsk.current = true;
    setConfirming(false);
  }

  return (
    <section className="mb-5">
      <h2 id="user-status-heading" className="h3">
        {t('bo.users.statusSection')}
      </h2>
      <p>
        {t('bo.users.statusCurrent')} <StatusBadge disabled={user.disabled} />
      </p>
      <StatusMessage message={done} />
      {error && (
        <Alert color="danger" fade={false} role="alert">
          {error}
        </Alert>
      )}
      {confirming ? (
        <div className="bo-confirm p-3 mb-3 border rounded">
          <p id="user-status-confirm">
            {t(`bo.users.status.${action}Confirm`, { name: user.displayName })}
          </p>
          <div className="d-flex flex-wrap gap-3">
            <Button
              color={action === 'disable' ? 'danger' : 'primary'}
              innerRef={confirmRef}
              aria-describedby="user-status-confirm"
              disabled={submitting}
              onClick={() => void confirm()}
            >
              {t(`bo.users.status.${action}Yes`)}
            </Button>
            <Button color="secondary" outline onClick={cancel}>
              {t('bo.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          color={action === 'disable' ? 'danger' : 'primary'}
          outline
          innerRef={askRef}
          onClick={() => {
            setDone(null);
            setConfirming(true);
          }}
        >
          {t(`bo.users.status.${action}`)}
        </Button>
      )}
    </section>
  );
}
