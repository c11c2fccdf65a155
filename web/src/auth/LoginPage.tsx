import { useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { PageHeading } from '../common/PageHeading.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useT } from '../i18n/useT.ts';
import { CredentialsForm } from './CredentialsForm.tsx';
import type { LoginLocationState } from './RequireAuth.tsx';
import { SecondFactorForm } from './SecondFactorForm.tsx';
import { useSession } from './SessionProvider.tsx';

type Step = 'credentials' | 'second_factor';

/** Only a path inside the app: never an absolute URL an attacker could have put in the state. */
function returnPath(from: string | undefined): string {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) {
    return '/';
  }
  return from;
}

export function LoginPage() {
  const t = useT();
  const { user, ended, signedIn } = useSession();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const [step, setStep] = useState<Step>('credentials');
  const [email, setEmail] = useState('');

  if (user) return <Navigate to={returnPath(state.from)} replace />;

  const title = step === 'credentials' ? t('bo.login.title') : t('bo.login.secondFactorTitle');
  return (
    <div className="row justify-content-center">
      <div className="col-md-8 col-lg-6">
        <PageHeading title={title} focusKey={step} />
        {step === 'credentials' && (
          <StatusMessage
            color={ended === 'signed_out' ? 'success' : 'warning'}
            message={
              ended === 'expired'
                ? t('bo.login.expired')
                : ended === 'signed_out'
                  ? t('bo.login.signedOut')
                  : null
            }
          />
        )}
        {step === 'credentials' ? (
          <CredentialsForm
            email={email}
            onEmailChange={setEmail}
            onSignedIn={signedIn}
            onSecondFactorRequired={() => setStep('second_factor')}
          />
        ) : (
          <SecondFactorForm onSignedIn={signedIn} onRestart={() => setStep('credentials')} />
        )}
      </div>
    </div>
  );
}
