import { Link } from 'react-router-dom';
import type { OrganisationDetail } from '../api/organisations.ts';
import { useT } from '../i18n/useT.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** The organisation's help desks, with a link to add one for those who may. */
export function OrganisationHelpDesks({ organisation }: { organisation: OrganisationDetail }) {
  const t = useT();
  return (
    <section className="mb-5" aria-labelledby="help-desks-heading">
      <h2 id="help-desks-heading" className="h3">
        {t('bo.network.helpDesks.title')}
      </h2>
      {organisation.helpDesks.length === 0 ? (
        <p>{t('bo.network.helpDesks.none')}</p>
      ) : (
        <ul>
          {organisation.helpDesks.map((desk) => (
            <li key={desk.id} className="mb-1">
              <Link to={`/network/help-desks/${desk.id}`}>{desk.name}</Link> (
              {desk.municipalityName}) <StatusBadge status={desk.status} />
            </li>
          ))}
        </ul>
      )}
      {organisation.canEdit && (
        <p>
          <Link
            to={`/network/organisations/${organisation.id}/help-desks/new`}
            className="btn btn-primary btn-sm"
          >
            {t('bo.network.helpDesks.create')}
          </Link>
        </p>
      )}
    </section>
  );
}
