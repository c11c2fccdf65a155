import { Alert } from 'design-react-kit';
import type { AssignableUser, CaseDetail } from '../api/cases.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeError } from '../common/errors.ts';
import { useT } from '../i18n/useT.ts';
import { ActionForm } from './ActionForm.tsx';
import { DeadlinesPanel } from './DeadlinesPanel.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { MessagesPanel } from './MessagesPanel.tsx';
import { NoteForm } from './NoteForm.tsx';
import { ReferralsPanel } from './ReferralsPanel.tsx';
import type { TimelineState } from './useTimeline.ts';

interface Props {
  detail: CaseDetail;
  timeline: TimelineState;
  /** The case's team (`useAssignableUsers`): who can be given a deadline. */
  team: AssignableUser[];
}

/** What the team adds to a case as it works: notes, actions, deadlines, messages. */
export function CaseWork({ detail, timeline, team }: Props) {
  const t = useT();
  const user = useSignedInUser();
  // The signed-in person first: most deadlines are one's own.
  const people = [
    ...(user ? [{ id: user.id, displayName: user.displayName }] : []),
    ...team
      .filter((person) => person.id !== user?.id)
      .map((person) => ({ id: person.id, displayName: person.displayName })),
  ];
  return (
    <section aria-labelledby="case-work" className="mb-5">
      <h2 id="case-work" className="h3">
        {t('bo.cases.work.title')}
      </h2>
      {Boolean(timeline.error) && (
        <Alert color="danger" fade={false} role="alert">
          {describeError(timeline.error, t)}
        </Alert>
      )}
      <NoteForm caseId={detail.id} onAdded={timeline.reload} />
      <ActionForm caseId={detail.id} onAdded={timeline.reload} />
      {timeline.timeline && (
        <DeadlinesPanel
          caseId={detail.id}
          deadlines={timeline.timeline.deadlines}
          people={people}
          onChanged={timeline.reload}
        />
      )}
      {timeline.timeline && (
        <DocumentsPanel
          caseId={detail.id}
          documents={timeline.timeline.documents}
          onChanged={timeline.reload}
        />
      )}
      <ReferralsPanel detail={detail} />
      {timeline.messages && (
        <MessagesPanel caseId={detail.id} thread={timeline.messages} onSent={timeline.reload} />
      )}
    </section>
  );
}
