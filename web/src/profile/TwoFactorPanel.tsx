import { Alert, Badge, Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { startTotpSetup } from '../api/auth.ts';
import type { TotpSetup } from '../api/types.ts';
import { useSession, useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeErrorWithDetails } from '../common/errors.ts';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useT } from '../i18n/useT.ts';
import { TotpDisableForm } from './TotpDisableForm.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

type Mode = 'idle' | 'enrolling' | 'disabling';

export function TwoFactorPanel() {
  const t = useT();
  const user = useSignedInUser();
  const { refresh } = useSession();
  const [mode, setMode] = useState<Mode>('idle');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef(false);

  // When a step ends its form disappears; the section heading takes the focus instead.
  useEffect(() => {
    if (mode === 'idle' && returnFocus.current) {
      returnFocus.current = false;
      headingRef.current?.focus();
    }
  }, [mode]);

  function finish(nextMessage: string | null) {
    returnFocus.current = true;
    setSetup(null);
    setMode('idle');
    setMessage(nextMessage);
  }

  async function start() {
    setStarting(true);
    setError(null);
    setMessage(null);
    try {
      setSetup(await startTotpSetup());
      setMode('enrolling');
    } catch (failure) {
      setError(describeErrorWithDetails(failure, t));
    } finally {
      setStarting(false);
    }
  }

  async function changed(nextMessage: string) {
    finish(nextMessage);
    try {
      await refresh();
    } catch (failure) {
      setError(describeErrorWithDetails(failure, t));
    }
  }

  return (
    <section className="mb-5">
      <h2 id="totp-heading" ref={headingRef} tabIndex={-1} className="h3">
        {t('bo.profile.totp.title')}
      </h2>
      <p>
        {t('bo.profile.totp.status')}{' '}
        <Badge color={user.totpEnabled ? 'success' : 'secondary'}>
          {user.totpEnabled ? t('bo.users.totp.on') : t('bo.users.totp.off')}
        </Badge>
      </p>
      <StatusMessage message={message} />
      {error && (
        <Alert color="danger" fade={false}>
          {error}
        </Alert>
      )}
      {mode === 'enrolling' && setup && (
        <TotpEnrolment
          setup={setup}
          onEnabled={() => changed(t('bo.profile.totp.enabledNow'))}
          onCancel={() => finish(null)}
        />
      )}
      {mode === 'disabling' && (
        <TotpDisableForm
          onDisabled={() => changed(t('bo.profile.totp.disabledNow'))}
          onCancel={() => finish(null)}
        />
      )}
      {mode === 'idle' &&
        (user.totpEnabled ? (
          <Button
            color="danger"
            outline
            onClick={() => {
              setMessage(null);
              setMode('disabling');
            }}
          >
            {t('bo.profile.totp.disable')}
          </Button>
        ) : (
          <>
            <p>{t('bo.profile.totp.intro')}</p>
            <Button color="primary" disabled={starting} onClick={() => void start()}>
              {t('bo.profile.totp.enable')}
            </Button>
          </>
        ))}
    </section>
  );
}
