import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { CaseListItem } from '../api/cases.ts';
import { DataTable } from '../common/DataTable.tsx';
import { useT } from '../i18n/useT.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { DueFlag, formatDay } from './DueFlag.tsx';
import { isWaiting } from './caseStates.ts';
import type { CodeLabel } from './taxonomy.ts';

interface Props {
  cases: CaseListItem[];
  caption: string;
  label: CodeLabel;
}

/**
 * Cells that go together are stacked (reference and title, state and due date, desk and
 * assignee) so the queue fits a 1024-pixel screen without scrolling sideways; on narrower
 * screens the grounds give way, and the received date moves under the reference.
 */
const columns: { key: string; className?: string }[] = [
  { key: 'case' },
  { key: 'statusDue' },
  { key: 'received', className: 'd-none d-lg-table-cell' },
  { key: 'deskAssignee' },
  { key: 'grounds', className: 'd-none d-md-table-cell' },
];

export function CasesTable({ cases, caption, label }: Props) {
  const t = useT();
  const intl = useIntl();
  return (
    <DataTable caption={caption} className="bo-case-queue">
      <thead>
        <tr>
          {columns.map(({ key, className }) => (
            <th key={key} scope="col" className={className}>
              {t(`bo.cases.column.${key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cases.map((item) => (
          <tr key={item.id}>
            <th scope="row" className="fw-normal">
              <Link to={`/cases/${item.id}`} className="fw-semibold text-nowrap">
                {item.reference}
              </Link>
              <span className="d-block">{item.title ?? <em>{t('bo.cases.untitled')}</em>}</span>
              <small className="d-block d-lg-none">{formatDay(intl, item.receivedAt)}</small>
              {item.access === 'referral' && (
                <small className="d-block">{t('bo.cases.referredMark')}</small>
              )}
              {item.possibleDuplicate && (
                <span className="badge bg-warning text-dark">
                  {t('bo.cases.possibleDuplicate')}
                </span>
              )}
            </th>
            <td>
              <CaseStatusBadge status={item.status} />
              <small className="d-block mt-1">
                <DueFlag
                  overdue={item.overdue}
                  acknowledgeDueOn={item.acknowledgeDueOn}
                  takeInChargeDueOn={item.takeInChargeDueOn}
                  waiting={isWaiting(item.status)}
                />
              </small>
            </td>
            <td className="d-none d-lg-table-cell text-nowrap">
              {formatDay(intl, item.receivedAt)}
            </td>
            <td>
              {item.helpDesk?.name ?? item.organisation?.name ?? t('bo.cases.centralQueue')}
              <small className="d-block">
                {item.assignee?.displayName ?? t('bo.cases.unassigned')}
              </small>
            </td>
            <td className="d-none d-md-table-cell">
              {(item.grounds ?? []).map((code) => label('ground', code)).join(', ') || '—'}
              {item.intersectional && (
                <span className="d-block">
                  <span className="badge bg-warning text-dark">{t('bo.cases.intersectional')}</span>
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
