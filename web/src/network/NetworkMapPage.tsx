import { Alert } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { getNetworkMap } from '../api/network.ts';
import type { NetworkMap } from '../api/network.ts';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { useUrlFilters } from '../common/useUrlFilters.ts';
import { useT } from '../i18n/useT.ts';
import { NetworkFiltersForm } from './NetworkFiltersForm.tsx';
import { NetworkMapTable } from './NetworkMapTable.tsx';
import { MapFigure } from '../common/MapFigure.tsx';

/**
 * The filters the map offers. Status is left out and membership offers only "member": the map
 * shows active organisations only, and non-members never colour a municipality as members.
 */
const mapFilterKeys = ['kind', 'member', 'role', 'unar'] as const;

/** The coordinator's map: municipalities by network status for the organisations filtered. */
export function NetworkMapPage() {
  const t = useT();
  const intl = useIntl();
  const [filters, key, search] = useUrlFilters(mapFilterKeys);
  const [map, setMap] = useState<NetworkMap | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    getNetworkMap(filters)
      .then((result) => {
        if (current) setMap(result);
      })
      .catch((cause: unknown) => {
        if (current) setError(cause);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [key, filters]);

  return (
    <>
      <PageHeading title={t('bo.network.map.title')} />
      <p>
        <Link to="/network">{t('bo.network.map.backToList')}</Link>
      </p>
      <NetworkFiltersForm filters={filters} onSearch={search} variant="map" />
      <p>{t('bo.network.map.explain')}</p>
      <div aria-live="polite">
        {loading && <Loading announce={false} />}
        {!loading && map && (
          <p>
            {t(key ? 'bo.network.map.leadFiltered' : 'bo.network.map.lead', {
              region: map.regionName,
            })}
          </p>
        )}
      </div>
      {Boolean(error) && (
        <Alert color="danger" fade={false} role="alert">
          {describeError(error, t)}
        </Alert>
      )}
      {map && (
        <>
          <p>
            <a href="#network-map-table">{t('bo.network.map.skipToTable')}</a>
          </p>
          <MapFigure
            svg={map.svg}
            alt={t('bo.network.map.alt', { region: map.regionName })}
            attribution={map.attribution}
            legendTitle={t('bo.network.map.legend')}
            legendLevel="h2"
            legend={map.legend}
            countLabel={(count) => t('bo.network.map.legendCount', { count })}
          />
          <NetworkMapTable map={map} count={intl.formatNumber(map.rows.length)} />
        </>
      )}
    </>
  );
}
