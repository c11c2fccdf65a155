import { Alert, Button } from 'design-react-kit';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { searchOrganisations } from '../api/organisations.ts';
import type { OrganisationFilters } from '../api/organisations.ts';
import { can } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { useT } from '../i18n/useT.ts';
import { ExportLinks } from './ExportLinks.tsx';
import { filterKeys, NetworkFiltersForm } from './NetworkFiltersForm.tsx';
import { OrganisationsTable } from './OrganisationsTable.tsx';

export function NetworkPage() {
  const t = useT();
  const user = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => {
    const values: OrganisationFilters = {};
    for (const name of filterKeys) values[name] = params.get(name) ?? '';
    return values;
  }, [params]);
  const list = usePagedList(key, (cursor) => searchOrganisations(filters, cursor));

  function search(next: OrganisationFilters) {
    const entries = Object.entries(next).filter((entry): entry is [string, string] =>
      Boolean(entry[1]),
    );
    setParams(Object.fromEntries(entries));
  }

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
        <Link to="/network/map" className="btn btn-outline-primary">
          {t('bo.network.map.link')}
        </Link>
      </p>
      <NetworkFiltersForm filters={filters} onSearch={search} />
      <ExportLinks filters={filters} />
      <div aria-live="polite">
        {list.loading ? (
          <Loading announce={false} />
        ) : (
          !list.error && (
            <p>
              {list.items.length === 0
                ? t('bo.network.none')
                : t('bo.network.count', { count: list.items.length })}
            </p>
          )
        )}
      </div>
      {Boolean(list.error) && (
        <Alert color="danger" fade={false} role="alert">
          {describeError(list.error, t)}
        </Alert>
      )}
      {list.items.length > 0 && <OrganisationsTable organisations={list.items} caption={caption} />}
      {list.nextCursor && (
        <Button
          color="primary"
          outline
          disabled={list.loadingMore}
          onClick={() => void list.loadMore()}
        >
          {list.loadingMore ? t('bo.loading') : t('bo.loadMore')}
        </Button>
      )}
    </>
  );
}
