import { Alert, Button } from 'design-react-kit';
import type { MouseEvent } from 'react';
import { Outlet } from 'react-router-dom';
import { useSession } from '../auth/SessionProvider.tsx';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { useT } from '../i18n/useT.ts';
import { AppHeader } from './AppHeader.tsx';
import { SideNav } from './SideNav.tsx';

const MAIN_ID = 'main-content';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById(MAIN_ID);
  if (!main) return;
  // Without this the router would see a hash change; focusing is what keyboard users need.
  event.preventDefault();
  main.focus();
}

function SessionGate() {
  const t = useT();
  const { status, loadError, reload } = useSession();
  if (status === 'loading') return <Loading />;
  if (status === 'failed') {
    return (
      <Alert color="danger" fade={false}>
        <h1 className="h4">{t('bo.session.loadFailed')}</h1>
        <p>{describeError(loadError, t)}</p>
        <Button color="primary" onClick={reload}>
          {t('bo.session.retry')}
        </Button>
      </Alert>
    );
  }
  return <Outlet />;
}

export function Layout() {
  const t = useT();
  const { user } = useSession();
  return (
    <>
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href={`#${MAIN_ID}`} onClick={skipToMain}>
          {t('bo.skipToMain')}
        </a>
      </div>
      <AppHeader />
      <div className="container-xxl my-4">
        <div className="row">
          {user && (
            <div className="col-lg-3 mb-4">
              <SideNav />
            </div>
          )}
          <main id={MAIN_ID} tabIndex={-1} className={user ? 'col-lg-9' : 'col-12'}>
            <SessionGate />
          </main>
        </div>
      </div>
    </>
  );
}
