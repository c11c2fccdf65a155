import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { languageName } from '../common/format.ts';
import { PageHeading } from '../common/PageHeading.tsx';
import { MembershipList } from '../common/MembershipList.tsx';
import { useT } from '../i18n/useT.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { TwoFactorPanel } from './TwoFactorPanel.tsx';

export function ProfilePage() {
  const t = useT();
  const user = useSignedInUser();
  return (
    <>
      <PageHeading title={t('bo.profile.title')} />
      <section className="mb-5">
        <h2 id="account-heading" className="h3">
          {t('bo.profile.account')}
        </h2>
        <dl className="row bo-facts">
          <dt className="col-sm-4">{t('bo.users.field.displayName')}</dt>
          <dd className="col-sm-8">{user.displayName}</dd>
          <dt className="col-sm-4">{t('bo.users.field.email')}</dt>
          <dd className="col-sm-8">{user.email}</dd>
          <dt className="col-sm-4">{t('bo.users.field.language')}</dt>
          <dd className="col-sm-8">{languageName(t, user.preferredLanguage)}</dd>
          <dt className="col-sm-4">{t('bo.users.column.memberships')}</dt>
          <dd className="col-sm-8">
            <MembershipList memberships={user.memberships} />
          </dd>
        </dl>
      </section>
      <ChangePasswordForm />
      <TwoFactorPanel />
    </>
  );
}
