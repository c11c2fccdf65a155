import { Alert } from 'design-react-kit';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { getStatsMap } from '../api/stats.ts';
import type { StatsQuery } from '../api/stats.ts';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { MapFigure } from '../common/MapFigure.tsx';
import { useReloadable } from '../common/useReloadable.ts';
import { useT } from '../i18n/useT.ts';
import { sectionKeys, useSectionQuery } from './useSectionQuery.ts';

interface Props {
  query: StatsQuery;
  onSearch: (query: StatsQuery) => void;
}

/**
 * The region's municipalities coloured by the reports of the chosen filters, as a count or per
 * 100,000 inhabitants, with a legend and a table of the same figures (hidden counts "c").
 */
export function StatsMapSection({ query, onSearch }: Props) {
  const t = useT();
  const intl = useIntl();
  const asked = useSectionQuery(query, sectionKeys.map);
  const load = useCallback(() => getStatsMap(asked), [asked]);
  const { value: map, error } = useReloadable(load);
  const metric = query.metric || 'rate';
  const count = (value: number | null) => (value === null ? 'c' : intl.formatNumber(value));
  const rate = (value: number | null) =>
    value === null
      ? 'c'
      : intl.formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  return (
    <section className="mt-5" aria-labelledby="stats-map-heading">
      <h2 id="stats-map-heading" className="h4">
        {t('bo.stats.map.heading')}
      </h2>
      <SelectField
        id="stats-map-metric"
        label={t('bo.stats.map.metric')}
        value={metric}
        onChange={(value) => onSearch({ ...query, metric: value })}
        options={[
          { value: 'rate', label: t('bo.stats.map.metric.rate') },
          { value: 'count', label: t('bo.stats.map.metric.count') },
        ]}
      />
      <div aria-live="polite">{!map && !error && <Loading announce={false} />}</div>
      {Boolean(error) && (
        <Alert color="danger" fade={false} role="alert">
          {describeError(error, t)}
        </Alert>
      )}
      {map && (
        <>
          <p>
            {t(`bo.stats.map.lead.${map.metric}`, {
              region: map.regionName,
              year: map.populationYear ?? '—',
            })}{' '}
            <a href="#stats-map-table">{t('bo.stats.map.skipToTable')}</a>
          </p>
          <MapFigure
            svg={map.svg}
            alt={t('bo.stats.map.alt', { region: map.regionName })}
            attribution={map.attribution}
            legendTitle={t('bo.stats.map.legend')}
            legendLevel="h3"
            legend={map.legend}
            countLabel={(count) => t('bo.stats.map.legendCount', { count })}
          />
          <div className="table-responsive" id="stats-map-table">
            <table className="table table-sm">
              <caption>{t('bo.stats.map.caption', { region: map.regionName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('bo.stats.map.column.municipality')}</th>
                  <th scope="col" className="text-end">
                    {t('bo.stats.count')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('bo.stats.map.column.population')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('bo.stats.map.column.rate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {map.rows.map((row) => (
                  <tr key={row.code}>
                    <th scope="row">{row.name}</th>
                    <td className="text-end">{count(row.count)}</td>
                    <td className="text-end">{intl.formatNumber(row.population)}</td>
                    <td className="text-end">
                      {rate(row.rate)}
                      {row.unstable && <abbr title={t('bo.stats.map.unstable')}>*</abbr>}
                    </td>
                  </tr>
                ))}
                {map.other && map.other.count !== 0 && (
                  <tr>
                    <th scope="row">{map.other.label}</th>
                    <td className="text-end">{count(map.other.count)}</td>
                    <td className="text-end">—</td>
                    <td className="text-end">—</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <p className="small">{t('bo.stats.map.unstableNote')}</p>
          {map.withoutReports > 0 && (
            <p className="small">
              {t('bo.stats.map.withoutReports', { count: map.withoutReports })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
