import { Link } from 'react-router-dom';
import type { HelpDeskListItem } from '../api/help-desks.ts';
import { useT } from '../i18n/useT.ts';
import { useCodeLabel } from './labels.ts';
import { StatusBadge } from './StatusBadge.tsx';

interface Props {
  desks: HelpDeskListItem[];
  caption: string;
}

const columns = ['name', 'organisation', 'municipalities', 'services', 'languages', 'status'];

export function HelpDesksTable({ desks, caption }: Props) {
  const t = useT();
  const label = useCodeLabel();
  const list = (prefix: string, codes: string[]) =>
    codes.map((code) => label(prefix, code)).join(', ');
  return (
    <div className="table-responsive">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`bo.network.helpDeskList.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {desks.map((desk) => {
            const more = desk.competentMunicipalityCount - desk.competentMunicipalityNames.length;
            return (
              <tr key={desk.id}>
                <th scope="row">
                  <Link to={`/network/help-desks/${desk.id}`}>{desk.name}</Link>
                </th>
                <td>
                  <Link to={`/network/organisations/${desk.organisationId}`}>
                    {desk.organisationName}
                  </Link>
                </td>
                <td>
                  {t('bo.network.helpDeskList.seat', { name: desk.municipalityName })}
                  <br />
                  {desk.competentMunicipalityNames.join(', ')}
                  {more > 0 && ` ${t('bo.network.helpDeskList.more', { count: more })}`}
                </td>
                <td>{list('network.service', desk.services)}</td>
                <td>{list('network.language', desk.languages)}</td>
                <td>
                  <StatusBadge status={desk.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
