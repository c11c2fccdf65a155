import { Alert } from 'design-react-kit';
import { Link, useParams } from 'react-router-dom';
import { organisationHistoryPage } from '../api/history.ts';
import { getOrganisation } from '../api/organisations.ts';
import { can } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { useT } from '../i18n/useT.ts';
import { HistorySection } from './HistorySection.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';
import { OrganisationHelpDesks } from './OrganisationHelpDesks.tsx';
import { OrganisationView } from './OrganisationView.tsx';
import { ReferralsSection } from './ReferralsSection.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { UnarProtocolDocument } from './UnarProtocolDocument.tsx';
import { useRecord } from './useRecord.ts';

export function OrganisationPage() {
  const t = useT();
  const user = useSignedInUser();
  const { id } = useParams();
  const isNew = id === undefined;
  const state = useRecord(id ?? null, getOrganisation);
  const organisation = state.record;

  const back = (
    <p>
      <Link to="/network">{t('bo.network.backToList')}</Link>
    </p>
  );
  if (isNew) {
    return (
      <>
        <PageHeading title={t('bo.network.newTitle')} />
        {back}
        <OrganisationForm
          organisation={null}
          canManageMembership={can(user, 'network.manage')}
          onSaved={() => undefined}
        />
      </>
    );
  }
  if (state.loading || (!organisation && !state.error)) return <Loading />;
  if (!organisation) {
    return (
      <>
        <PageHeading title={t('bo.network.title')} />
        {back}
        <Alert color="danger" fade={false} role="alert">
          {describeError(state.error, t)}
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeading title={organisation.name} focusKey={organisation.id}>
        {organisation.name} <StatusBadge status={organisation.status} />
      </PageHeading>
      {back}
      {organisation.canEdit ? (
        <OrganisationForm
          key={organisation.id}
          organisation={organisation}
          canManageMembership={organisation.canManageMembership}
          onSaved={state.setRecord}
        />
      ) : (
        <OrganisationView organisation={organisation} />
      )}
      <UnarProtocolDocument organisation={organisation} onSaved={state.setRecord} />
      <ReferralsSection
        key={`referrals-${organisation.id}`}
        organisation={organisation}
        onSaved={state.setRecord}
      />
      <OrganisationHelpDesks organisation={organisation} />
      <HistorySection
        version={`${organisation.id}-${organisation.updatedAt}`}
        load={() => organisationHistoryPage(organisation.id)}
      />
    </>
  );
}
