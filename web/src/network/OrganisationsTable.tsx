import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { OrganisationSummary } from '../api/organisations.ts';
import { useT } from '../i18n/useT.ts';
import { useCodeLabel } from './labels.ts';
import { StatusBadge } from './StatusBadge.tsx';

interface Props {
  organisations: OrganisationSummary[];
  caption: string;
}

export function formatDay(intl: ReturnType<typeof useIntl>, day: string | null): string {
  if (!day) return '';
  return intl.formatDate(new Date(`${day}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
}

export function OrganisationsTable({ organisations, caption }: Props) {
  const t = useT();
  const intl = useIntl();
  const label = useCodeLabel();
  const columns = ['name', 'kind', 'seat', 'role', 'joined', 'unar', 'helpDesks', 'status'];
  return (
    <div className="table-responsive">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`bo.network.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {organisations.map((organisation) => (
            <tr key={organisation.id}>
              <th scope="row">
                <Link to={`/network/organisations/${organisation.id}`}>{organisation.name}</Link>
              </th>
              <td>{label('bo.network.kind', organisation.kind)}</td>
              <td>{organisation.municipalityName ?? ''}</td>
              <td>
                {organisation.networkRole
                  ? label('bo.network.role', organisation.networkRole)
                  : t('bo.network.notMember')}
              </td>
              <td>{formatDay(intl, organisation.networkJoinedOn)}</td>
              <td>
                {organisation.unarProtocolSignedOn
                  ? formatDay(intl, organisation.unarProtocolSignedOn)
                  : t('bo.network.unarNotSigned')}
              </td>
              <td>{organisation.helpDeskCount}</td>
              <td>
                <StatusBadge status={organisation.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
