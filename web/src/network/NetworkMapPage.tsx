import { Alert } from 'design-react-kit';
import { useEffect, useMemo, useState } from 'react';
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

/** The SVG as a data: URI, so it is shown as an image and never inserted as markup. */
function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="15" fill={fill} stroke="#8e9aa6" />
    </svg>
  );
}

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

  const image = useMemo(() => (map ? svgDataUri(map.svg) : null), [map]);
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
      {map && image && (
        <>
          <p>
            <a href="#network-map-table">{t('bo.network.map.skipToTable')}</a>
          </p>
          <figure className="bo-network-map">
            <img
              src={image}
              alt={t('bo.network.map.alt', { region: map.regionName })}
              className="img-fluid"
            />
            <figcaption className="small mt-2">{map.attribution}</figcaption>
          </figure>
          <h2 className="h4">{t('bo.network.map.legend')}</h2>
          <ul className="list-unstyled" aria-label={t('bo.network.map.legend')}>
            {map.legend.map((entry) => (
              <li key={entry.key} className="d-flex align-items-center gap-2">
                <Swatch fill={entry.fill} /> {entry.label}:{' '}
                {t('bo.network.map.legendCount', { count: entry.count })}
              </li>
            ))}
          </ul>
          <NetworkMapTable map={map} count={intl.formatNumber(map.rows.length)} />
        </>
      )}
    </>
  );
}
