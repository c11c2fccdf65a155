import { Button, Header, HeaderContent, HeaderRightZone, Headers } from 'design-react-kit';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/SessionProvider.tsx';
import { describeErrorWithDetails } from '../common/errors.ts';
import { useT } from '../i18n/useT.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function AppHeader() {
  const t = useT();
  const { user, signOut } = useSession();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);

  async function handleSignOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      // The guard around the signed-in pages then sends the visitor to the sign-in page.
      await signOut();
    } catch (error) {
      setSignOutError(describeErrorWithDetails(error, t));
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <header>
      <Headers>
        <Header type="slim" theme="">
          <HeaderContent>
            <span className="bo-slim-title">{t('app.tagline')}</span>
            <HeaderRightZone className="bo-header-tools">
              <LanguageSwitch />
              {user && (
                <>
                  <span className="bo-user-name">
                    <span className="visually-hidden">{t('bo.header.signedInAs')} </span>
                    {user.displayName}
                  </span>
                  <Button
                    color="primary"
                    size="sm"
                    className="btn-full"
                    disabled={signingOut}
                    onClick={() => void handleSignOut()}
                  >
                    {t('bo.header.signOut')}
                  </Button>
                </>
              )}
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        <Header type="center" small>
          <HeaderContent>
            <div className="it-brand-wrapper">
              <Link to="/">
                <div className="it-brand-text">
                  <div className="it-brand-title">{t('app.name')}</div>
                  <div className="it-brand-tagline d-none d-md-block">{t('bo.header.tagline')}</div>
                </div>
              </Link>
            </div>
          </HeaderContent>
        </Header>
      </Headers>
      {signOutError && (
        <div role="alert" className="alert alert-danger m-0 rounded-0">
          {signOutError}
        </div>
      )}
    </header>
  );
}
