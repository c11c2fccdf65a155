import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../api/cases.ts';
import { formatDateTime } from '../common/format.ts';
import { useT } from '../i18n/useT.ts';
import { isWaiting } from './caseStates.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { DueFlag, formatDay } from './DueFlag.tsx';

/** Where the case stands: state, queue, who has it, the clock, the taxonomy version. */
export function CaseSummary({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const intl = useIntl();
  const rows: [string, ReactNode][] = [
    ['status', <CaseStatusBadge key="status" status={detail.status} />],
    ['channel', t(`bo.cases.channel.${detail.channel}`)],
    ['received', formatDateTime(intl, detail.receivedAt)],
    [
      'due',
      <DueFlag
        key="due"
        overdue={detail.overdue}
        acknowledgeDueOn={detail.acknowledgeDueOn}
        takeInChargeDueOn={detail.takeInChargeDueOn}
        waiting={isWaiting(detail.status)}
      />,
    ],
    ['organisation', detail.organisation?.name ?? t('bo.cases.centralQueue')],
    ['desk', detail.helpDesk?.name ?? t('bo.cases.organisationQueue')],
    ['assignee', detail.assignee?.displayName ?? t('bo.cases.unassigned')],
    ['taxonomyVersion', detail.taxonomyVersion],
  ];
  if (detail.takenInChargeAt) {
    rows.push(['takenInCharge', formatDateTime(intl, detail.takenInChargeAt)]);
  }
  if (detail.finalAt) rows.push(['finalAt', formatDateTime(intl, detail.finalAt)]);
  if (detail.retentionUntil) rows.push(['retentionUntil', formatDay(intl, detail.retentionUntil)]);
  return (
    <dl className="bo-details row">
      {rows.map(([key, value]) => (
        <div key={key} className="col-md-6 col-lg-4 mb-2">
          <dt>{t(`bo.cases.summary.${key}`)}</dt>
          <dd className="mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
