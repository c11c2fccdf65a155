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

const columns = ['reference', 'title', 'status', 'received', 'due', 'desk', 'assignee', 'grounds'];

export function CasesTable({ cases, caption, label }: Props) {
  const t = useT();
  const intl = useIntl();
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {t(`bo.cases.column.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cases.map((item) => (
          <tr key={item.id}>
            <th scope="row">
              <Link to={`/cases/${item.id}`}>{item.reference}</Link>
              {item.access === 'referral' && (
                <>
                  <br />
                  <small>{t('bo.cases.referredMark')}</small>
                </>
              )}
            </th>
            <td>{item.title ?? <em>{t('bo.cases.untitled')}</em>}</td>
            <td>
              <CaseStatusBadge status={item.status} />
            </td>
            <td>{formatDay(intl, item.receivedAt)}</td>
            <td>
              <DueFlag
                overdue={item.overdue}
                acknowledgeDueOn={item.acknowledgeDueOn}
                takeInChargeDueOn={item.takeInChargeDueOn}
                waiting={isWaiting(item.status)}
              />
            </td>
            <td>{item.helpDesk?.name ?? item.organisation?.name ?? t('bo.cases.centralQueue')}</td>
            <td>{item.assignee?.displayName ?? t('bo.cases.unassigned')}</td>
            <td>
              {(item.grounds ?? []).map((code) => label('ground', code)).join(', ') || '—'}
              {item.intersectional && (
                <>
                  <br />
                  <span className="badge bg-warning text-dark">{t('bo.cases.intersectional')}</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
