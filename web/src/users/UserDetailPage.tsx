import { Alert } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import type { UserSummary } from '../api/types.ts';
import { getUser } from '../api/users.ts';
import { can } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeError } from '../common/errors.ts';
import { formatDateTime, languageName } from '../common/format.ts';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { MembershipList } from '../common/MembershipList.tsx';
import { useT } from '../i18n/useT.ts';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import type { UserPageNotice } from './CreateUserPage.tsx';
import { SetPasswordForm } from './SetPasswordForm.tsx';
import { useOrganisations } from './useOrganisations.ts';
import { UserMembershipsForm } from './UserMembershipsForm.tsx';
import { UserProfileForm } from './UserProfileForm.tsx';
import { UserStatusPanel } from './UserStatusPanel.tsx';
import { StatusBadge } from './UsersTable.tsx';

function UserFacts({ user }: { user: UserSummary }) {
  const t = useT();
  const intl = useIntl();
  return (
    <dl className="row bo-facts mb-5">
      <dt className="col-sm-4">{t('bo.users.field.email')}</dt>
      <dd className="col-sm-8">{user.email}</dd>
      <dt className="col-sm-4">{t('bo.users.column.status')}</dt>
      <dd className="col-sm-8">
        <StatusBadge disabled={user.disabled} />
      </dd>
      <dt className="col-sm-4">{t('bo.users.column.totp')}</dt>
      <dd className="col-sm-8">
        {user.totpEnabled ? t('bo.users.totp.on') : t('bo.users.totp.off')}
      </dd>
      <dt className="col-sm-4">{t('bo.users.column.lastLogin')}</dt>
      <dd className="col-sm-8">
        {user.lastLoginAt ? formatDateTime(intl, user.lastLoginAt) : t('bo.users.never')}
      </dd>
      <dt className="col-sm-4">{t('bo.users.field.language')}</dt>
      <dd className="col-sm-8">{languageName(t, user.preferredLanguage)}</dd>
      <dt className="col-sm-4">{t('bo.users.column.memberships')}</dt>
      <dd className="col-sm-8">
        <MembershipList memberships={user.memberships} />
      </dd>
    </dl>
  );
}

function UserEditing({
  user,
  onChange,
}: {
  user: UserSummary;
  onChange: (u: UserSummary) => void;
}) {
  const t = useT();
  const { organisations, loading, error } = useOrganisations();
  return (
    <>
      <UserProfileForm user={user} onSaved={onChange} />
      {loading && <Loading label={t('bo.organisations.loading')} />}
      {Boolean(error) && (
        <Alert color="danger" fade={false}>
          {describeError(error, t)}
        </Alert>
      )}
      {!loading && !error && (
        <UserMembershipsForm user={user} organisations={organisations} onSaved={onChange} />
      )}
      <UserStatusPanel user={user} onChanged={onChange} />
      <SetPasswordForm user={user} />
    </>
  );
}

export function UserDetailPage() {
  const t = useT();
  const me = useSignedInUser();
  const { id = '' } = useParams();
  const location = useLocation();
  const notice = (location.state as UserPageNotice | null)?.notice;
  const [user, setUser] = useState<UserSummary | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setUser(null);
    setError(null);
    getUser(id).then(
      (loaded) => {
        if (current) setUser(loaded);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [id]);

  if (error instanceof ApiError && error.code === 'not_found') return <NotFoundPage />;

  return (
    <>
      <PageHeading title={user?.displayName ?? t('bo.users.detailTitle')} />
      <p>
        <Link to="/users">{t('bo.users.backToList')}</Link>
      </p>
      <StatusMessage message={notice === 'created' ? t('bo.users.created') : null} />
      {Boolean(error) && (
        <Alert color="danger" fade={false}>
          {describeError(error, t)}
        </Alert>
      )}
      {!user && !error && <Loading />}
      {user && (
        <>
          <UserFacts user={user} />
          {can(me, 'users.manage') && <UserEditing key={user.id} user={user} onChange={setUser} />}
        </>
      )}
    </>
  );
}
