import { useIntl } from 'react-intl';
import type { CaseAction, CaseDocument, CaseEvent } from '../api/cases.ts';
import { formatDateTime } from '../common/format.ts';
import { useT } from '../i18n/useT.ts';
import { useCodeLabel } from '../network/labels.ts';
import { formatDay } from './DueFlag.tsx';
import type { CodeLabel } from './taxonomy.ts';

interface Props {
  events: CaseEvent[];
  /** From the team's timeline; absent for a referral's receiver. */
  actions?: CaseAction[] | undefined;
  documents?: CaseDocument[] | undefined;
  label: CodeLabel;
  /** Names a linked case by its reference when the reader may open it. */
  referenceOf?: ((caseId: string) => string | null) | undefined;
}

const asText = (value: unknown) => (typeof value === 'string' ? value : null);

/** What an event's details say, in words: codes and ids only ever reach this column. */
function useEventDetail(label: CodeLabel, referenceOf: Props['referenceOf']) {
  const t = useT();
  const code = useCodeLabel();
  return (event: CaseEvent): string | null => {
    const details = event.details;
    if (event.kind === 'transition') {
      const from = asText(details['from']);
      const to = asText(details['to']);
      const outcome = asText(details['outcome']);
      const moved =
        from && to
          ? t('bo.cases.event.moved', {
              from: code('bo.cases.status', from),
              to: code('bo.cases.status', to),
            })
          : null;
      const result = outcome
        ? t('bo.cases.event.outcome', { outcome: label('outcome', outcome) })
        : null;
      return [moved, result].filter(Boolean).join(' ') || null;
    }
    if (event.kind === 'received') {
      const channel = asText(details['channel']);
      return channel ? code('bo.cases.channel', channel) : null;
    }
    if (event.kind === 'case_linked' || event.kind === 'case_unlinked') {
      const other = asText(details['linkedCaseId']);
      const reference = other ? (referenceOf?.(other) ?? null) : null;
      return t('bo.cases.event.linkDetail', {
        hasReference: reference ? 'yes' : 'no',
        reference: reference ?? '',
        kind: asText(details['linkKind']) ?? 'none',
      });
    }
    if (event.kind === 'victim_profile_changed' && Array.isArray(details['fields'])) {
      return (details['fields'] as unknown[])
        .map((field) => code('bo.cases.victim', String(field)))
        .join(', ');
    }
    return null;
  };
}

/** The case's history, newest first, with who did what and the reason they gave. */
export function CaseTimeline({ events, actions, documents, label, referenceOf }: Props) {
  const t = useT();
  const intl = useIntl();
  const code = useCodeLabel();
  const describe = useEventDetail(label, referenceOf);
  const ordered = [...events].sort((a, b) => b.id - a.id);
  return (
    <section aria-labelledby="case-timeline" className="mb-5">
      <h2 id="case-timeline" className="h3">
        {t('bo.cases.timeline.title')}
      </h2>
      {ordered.length === 0 ? (
        <p>{t('bo.cases.timeline.none')}</p>
      ) : (
        <ol className="list-unstyled bo-timeline">
          {ordered.map((event) => {
            const detail = describe(event);
            const who = event.byReporter
              ? t('bo.cases.timeline.reporter')
              : (event.actor?.displayName ?? t('bo.cases.timeline.system'));
            return (
              <li key={event.id} className="border-start border-3 ps-3 mb-3">
                <p className="mb-1">
                  <strong>{code('bo.cases.event', event.kind)}</strong>
                  {detail && ` — ${detail}`}
                </p>
                <p className="mb-1 small">
                  {t('bo.cases.timeline.byAt', { who, at: formatDateTime(intl, event.at) })}
                </p>
                {event.body && <p style={{ whiteSpace: 'pre-wrap' }}>{event.body}</p>}
              </li>
            );
          })}
        </ol>
      )}
      {actions && actions.length > 0 && (
        <>
          <h3 className="h4">{t('bo.cases.timeline.actions')}</h3>
          <ul>
            {actions.map((action) => (
              <li key={action.id}>
                {t('bo.cases.timeline.action', {
                  kind: code('bo.cases.actionKind', action.kind),
                  day: formatDay(intl, action.doneOn),
                  who: action.actor?.displayName ?? '—',
                })}
                {action.outcome && (
                  <span className="d-block" style={{ whiteSpace: 'pre-wrap' }}>
                    {action.outcome}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {documents && documents.length > 0 && (
        <>
          <h3 className="h4">{t('bo.cases.timeline.documents')}</h3>
          <ul>
            {documents.map((document) => (
              <li key={document.id}>
                {document.erased
                  ? t('bo.cases.timeline.documentErased')
                  : t('bo.cases.timeline.document', {
                      name: document.fileName ?? document.mediaType,
                      size: Math.max(1, Math.round(document.sizeBytes / 1024)),
                      source: t(`bo.cases.timeline.source.${document.source}`),
                      at: formatDateTime(intl, document.addedAt),
                    })}
                {document.description && ` — ${document.description}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
