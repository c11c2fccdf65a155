import { Link } from 'react-router-dom';
import { searchOrganisations } from '../api/organisations.ts';
import { can } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { PagedResults } from '../common/PagedResults.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { useUrlFilters } from '../common/useUrlFilters.ts';
import { useT } from '../i18n/useT.ts';
import { ExportLinks } from './ExportLinks.tsx';
import { filterKeys, NetworkFiltersForm } from './NetworkFiltersForm.tsx';
import { OrganisationsTable } from './OrganisationsTable.tsx';

export function NetworkPage() {
  const t = useT();
  const user = useSignedInUser();
  const [filters, key, search] = useUrlFilters(filterKeys);
  const list = usePagedList(key, (cursor) => searchOrganisations(filters, cursor));

  const caption = key ? t('bo.network.captionFiltered') : t('bo.network.caption');
  return (
    <>
      <PageHeading title={t('bo.network.title')} />
      <p className="d-flex flex-wrap gap-2">
        {can(user, 'network.manage') && (
          <>
            <Link to="/network/organisations/new" className="btn btn-primary">
              {t('bo.network.create')}
            </Link>
            <Link to="/network/import" className="btn btn-outline-primary">
              {t('bo.network.import.link')}
            </Link>
          </>
        )}
        <Link to="/network/help-desks" className="btn btn-outline-primary">
          {t('bo.network.helpDeskList.link')}
        </Link>
        <Link to="/network/map" className="btn btn-outline-primary">
          {t('bo.network.map.link')}
        </Link>
      </p>
      <NetworkFiltersForm filters={filters} onSearch={search} />
      <ExportLinks filters={filters} />
      <PagedResults
        list={list}
        none={t('bo.network.none')}
        count={(count) => t('bo.network.count', { count })}
      >
        <OrganisationsTable organisations={list.items} caption={caption} />
      </PagedResults>
    </>
  );
}
