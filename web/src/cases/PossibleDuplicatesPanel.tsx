import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { CaseStatus } from '../../../src/core/cases/workflow.ts';
import { describeError, describeErrorWithDetails } from '../common/errors.ts';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useT } from '../i18n/useT.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { linkCase, unlinkCase } from './collaborationApi.ts';
import type { LinkKind, MatchKind, PossibleDuplicate } from './collaborationApi.ts';
import { formatDay } from './DueFlag.tsx';
import type { DuplicatesState } from './usePossibleDuplicates.ts';

type Visible = Extract<PossibleDuplicate, { visible: true }>;
type Hidden = Extract<PossibleDuplicate, { visible: false }>;

interface Props {
  caseId: string;
  duplicates: DuplicatesState;
  /** After a link or its removal, which both cases' timelines record. */
  onChanged: () => Promise<void>;
}

/** What matched, in words: never the value itself, which the server does not know either. */
function useMatchWords() {
  const t = useT();
  return (matches: readonly MatchKind[] | undefined) =>
    (matches ?? []).map((kind) => t(`bo.cases.duplicates.match.${kind}`)).join(', ');
}

/** "October 2026" for the month the server gives as "2026-10". */
function useMonth() {
  const intl = useIntl();
  return (month: string) =>
    intl.formatDate(new Date(`${month.slice(0, 7)}-15T12:00:00`), {
      month: 'long',
      year: 'numeric',
    });
}

/** A case at another desk: only who holds it (when told), when it came and what matched. */
function HiddenMatch({ item }: { item: Hidden }) {
  const t = useT();
  const words = useMatchWords();
  const month = useMonth();
  const matches = words(item.matches);
  return (
    <li className="border-start border-3 ps-3 mb-3">
      <p className="mb-1">
        {t('bo.cases.duplicates.hidden', {
          hasDesk: item.organisationName ? 'yes' : 'no',
          desk: item.organisationName ?? '',
          hasMonth: item.receivedMonth ? 'yes' : 'no',
          month: item.receivedMonth ? month(item.receivedMonth) : '',
          hasMatches: matches ? 'yes' : 'no',
          matches,
        })}
      </p>
      <p className="mb-1 small">
        {item.organisationName
          ? t('bo.cases.duplicates.contactDesk', { desk: item.organisationName })
          : t('bo.cases.duplicates.contactNetwork')}
      </p>
    </li>
  );
}

/**
 * Other cases that share an e-mail, a phone number or the words of the story with this one.
 * Nothing is linked by itself: a person checks and marks a case a duplicate or related, and
 * can undo it. Cases of other desks are only described, with whom to ask.
 */
export function PossibleDuplicatesPanel({ caseId, duplicates, onChanged }: Props) {
  const t = useT();
  const intl = useIntl();
  const words = useMatchWords();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = duplicates.items ?? [];
  const visible = items.filter((item): item is Visible => item.visible);
  const hidden = items.filter((item): item is Hidden => !item.visible);

  async function act(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await work();
      await Promise.all([duplicates.reload(), onChanged()]);
      setMessage(done);
    } catch (failure) {
      setError(describeErrorWithDetails(failure, t));
    } finally {
      setBusy(false);
    }
  }
  const link = (item: Visible, kind: LinkKind) =>
    act(
      () => linkCase(caseId, item.caseId, kind),
      t(`bo.cases.duplicates.linked.${kind}`, { reference: item.reference }),
    );
  const unlink = (item: Visible) =>
    act(
      () => unlinkCase(caseId, item.caseId),
      t('bo.cases.duplicates.unlinked', { reference: item.reference }),
    );

  /** Mark as either kind of link unless it is already that kind; remove a link there is. */
  const actionsFor = (item: Visible) => [
    ...(['duplicate', 'related'] as const)
      .filter((kind) => item.link !== kind)
      .map((kind) => ({
        key: kind,
        label: t(`bo.cases.duplicates.mark.${kind}`, { reference: item.reference }),
        run: () => link(item, kind),
      })),
    ...(item.link
      ? [
          {
            key: 'unlink',
            label: t('bo.cases.duplicates.unlink', { reference: item.reference }),
            run: () => unlink(item),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby="case-duplicates" className="mb-5">
      <h2 id="case-duplicates" className="h3">
        {t('bo.cases.duplicates.title')}
      </h2>
      {Boolean(duplicates.error) && (
        <Alert color="danger" fade={false} role="alert">
          {describeError(duplicates.error, t)}
        </Alert>
      )}
      <StatusMessage message={message} />
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      {duplicates.items !== null && items.length === 0 && <p>{t('bo.cases.duplicates.none')}</p>}
      {items.length > 0 && <p>{t('bo.cases.duplicates.intro')}</p>}
      {visible.length > 0 && (
        <ul className="list-unstyled">
          {visible.map((item) => (
            <li key={item.caseId} className="border-start border-3 ps-3 mb-3">
              <p className="mb-1">
                <Link to={`/cases/${item.caseId}`}>{item.reference}</Link>{' '}
                <CaseStatusBadge status={item.status as CaseStatus} />
              </p>
              <p className="mb-1 small">
                {t('bo.cases.duplicates.where', {
                  desk: item.organisation?.name ?? t('bo.cases.centralQueue'),
                  date: formatDay(intl, item.receivedAt),
                })}
                {' — '}
                {words(item.matches)}
              </p>
              <p className="mb-2 small">
                {item.link
                  ? t(`bo.cases.duplicates.state.${item.link}`)
                  : t('bo.cases.duplicates.state.none')}
              </p>
              <div className="d-flex flex-wrap gap-2">
                {actionsFor(item).map((action) => (
                  <Button
                    key={action.key}
                    color={action.key === 'unlink' ? 'danger' : 'primary'}
                    outline
                    size="sm"
                    disabled={busy}
                    onClick={() => void action.run()}
                  >
                    {action.label}
                  </Button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {hidden.length > 0 && (
        <ul className="list-unstyled">
          {hidden.map((item, index) => (
            // Nothing identifies a hidden match, by design: its place in the list is its key.
            <HiddenMatch key={index} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
