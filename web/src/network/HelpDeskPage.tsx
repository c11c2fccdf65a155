import { Alert } from 'design-react-kit';
import { Link, useParams } from 'react-router-dom';
import { getHelpDesk } from '../api/help-desks.ts';
import { helpDeskHistoryPage } from '../api/history.ts';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { useT } from '../i18n/useT.ts';
import { HelpDeskForm } from './HelpDeskForm.tsx';
import { HelpDeskView } from './HelpDeskView.tsx';
import { HistorySection } from './HistorySection.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { useRecord } from './useRecord.ts';

/** `/network/help-desks/:id`, or `/network/organisations/:organisationId/help-desks/new`. */
export function HelpDeskPage() {
  const t = useT();
  const { id, organisationId } = useParams();
  const state = useRecord(id ?? null, getHelpDesk);
  const desk = state.record;

  if (id === undefined) {
    return (
      <>
        <PageHeading title={t('bo.network.helpDesks.newTitle')} />
        <p>
          <Link to={`/network/organisations/${organisationId ?? ''}`}>
            {t('bo.network.backToOrganisation')}
          </Link>
        </p>
        <HelpDeskForm desk={null} organisationId={organisationId ?? ''} onSaved={() => undefined} />
      </>
    );
  }
  if (state.loading || (!desk && !state.error)) return <Loading />;
  if (!desk) {
    return (
      <>
        <PageHeading title={t('bo.network.helpDesks.title')} />
        <Alert color="danger" fade={false} role="alert">
          {describeError(state.error, t)}
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeading title={desk.name} focusKey={desk.id}>
        {desk.name} <StatusBadge status={desk.status} />
      </PageHeading>
      <p>
        {t('bo.network.helpDesks.of')}{' '}
        <Link to={`/network/organisations/${desk.organisationId}`}>{desk.organisationName}</Link>
      </p>
      {desk.canEdit ? (
        <HelpDeskForm
          key={desk.id}
          desk={desk}
          organisationId={desk.organisationId}
          onSaved={state.setRecord}
        />
      ) : (
        <HelpDeskView desk={desk} />
      )}
      <HistorySection
        version={`${desk.id}-${desk.updatedAt}`}
        load={() => helpDeskHistoryPage(desk.id)}
      />
    </>
  );
}
