import { Alert } from 'design-react-kit';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { can } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { useT } from '../i18n/useT.ts';
import { AssignPanel } from './AssignPanel.tsx';
import { CaseReport } from './CaseReport.tsx';
import { CaseSummary } from './CaseSummary.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { CaseWork } from './CaseWork.tsx';
import { ClassificationEditor } from './ClassificationEditor.tsx';
import { PossibleDuplicatesPanel } from './PossibleDuplicatesPanel.tsx';
import { ReassignPanel } from './ReassignPanel.tsx';
import { useTaxonomy, useTaxonomyLabel } from './taxonomy.ts';
import { TransitionPanel } from './TransitionPanel.tsx';
import { useCase } from './useCase.ts';
import { useAssignableUsers } from './useCaseTeams.ts';
import { usePossibleDuplicates } from './usePossibleDuplicates.ts';
import { useTimeline } from './useTimeline.ts';
import { VictimProfileForm } from './VictimProfileForm.tsx';

/** One case: what was reported, where it stands, and everything the team does with it. */
export function CaseDetailPage() {
  const t = useT();
  const user = useSignedInUser();
  const { id = '' } = useParams();
  const state = useCase(id);
  const { detail, generation } = state;
  const { taxonomy } = useTaxonomy(detail?.taxonomyVersion);
  const label = useTaxonomyLabel(taxonomy);
  const timeline = useTimeline(id, detail?.access === 'team', detail?.rowVersion ?? 0);
  const duplicates = usePossibleDuplicates(id, detail?.access === 'team');
  const assignable = useAssignableUsers(
    id,
    detail?.access === 'team',
    detail?.organisation?.id ?? null,
  );
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.conflict) conflictRef.current?.focus();
  }, [state.conflict, generation]);

  if (!detail) {
    return (
      <>
        <PageHeading title={t('bo.cases.detail.title')} />
        <p>
          <Link to="/cases">{t('bo.cases.backToQueue')}</Link>
        </p>
        {state.loading && <Loading />}
        {Boolean(state.error) && (
          <Alert color="danger" fade={false} role="alert">
            {describeError(state.error, t)}
          </Alert>
        )}
      </>
    );
  }
  const team = detail.access === 'team';
  const title = t('bo.cases.detail.heading', { reference: detail.reference });
  return (
    <>
      <PageHeading title={title} focusKey={detail.id}>
        {title}
        {detail.title && <span className="d-block h4 mt-2">{detail.title}</span>}
      </PageHeading>
      <p>
        <Link to="/cases">{t('bo.cases.backToQueue')}</Link>
      </p>
      <div ref={conflictRef} tabIndex={-1} role="alert">
        {state.conflict && <div className="alert alert-warning">{t('bo.cases.conflict')}</div>}
      </div>
      {!team && (
        <Alert color="info" fade={false}>
          {t('bo.cases.referral.limited', {
            shares: detail.shares.map((share) => t(`bo.cases.share.${share}`)).join(', ') || '—',
          })}
        </Alert>
      )}
      <CaseSummary detail={detail} />
      {detail.classification?.intersectional && (
        <p>
          <span className="badge bg-warning text-dark">{t('bo.cases.intersectional')}</span>
        </p>
      )}
      <CaseReport detail={detail} />
      {team && (
        <PossibleDuplicatesPanel
          caseId={detail.id}
          duplicates={duplicates}
          onChanged={timeline.reload}
        />
      )}
      {team && (
        <div key={generation}>
          <TransitionPanel detail={detail} taxonomy={taxonomy} change={state.change} />
          <AssignPanel detail={detail} change={state.change} team={assignable} />
          <ClassificationEditor detail={detail} taxonomy={taxonomy} change={state.change} />
          <VictimProfileForm detail={detail} change={state.change} />
          {can(user, 'cases.manage') && <ReassignPanel detail={detail} reload={state.reload} />}
        </div>
      )}
      {team && <CaseWork detail={detail} timeline={timeline} team={assignable.people} />}
      <CaseTimeline
        events={timeline.timeline?.events ?? detail.events}
        actions={timeline.timeline?.actions}
        documents={timeline.timeline?.documents}
        label={label}
        referenceOf={duplicates.referenceOf}
      />
    </>
  );
}
