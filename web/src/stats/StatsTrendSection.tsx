import { Alert } from 'design-react-kit';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { getTrend, trendChartHref } from '../api/stats.ts';
import type { StatsQuery } from '../api/stats.ts';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { useReloadable } from '../common/useReloadable.ts';
import { useT } from '../i18n/useT.ts';
import { sectionKeys, useSectionQuery } from './useSectionQuery.ts';
import { periodChange, SMALL_NUMBERS_BELOW } from '../../../src/core/stats/trend.ts';

interface Props {
  query: StatsQuery;
  onSearch: (query: StatsQuery) => void;
}

/**
 * The trend: the filtered reports by year, quarter or month, each with its change against the
 * period before, computed from published counts only and flagged when the numbers are small.
 */
export function StatsTrendSection({ query, onSearch }: Props) {
  const t = useT();
  const intl = useIntl();
  const asked = useSectionQuery(query, sectionKeys.trend);
  const load = useCallback(() => getTrend(asked), [asked]);
  const { value: table, error } = useReloadable(load);
  const period = query.trend || 'year';

  const rows =
    table?.rows.map(([value], index) => ({
      code: value!.code,
      label: value!.label,
      count: table.rowTotals[index]!.value,
    })) ?? [];
  const changeOf = (index: number) =>
    periodChange(rows[index]!.count, index > 0 ? rows[index - 1]!.count : null);

  return (
    <section className="mt-5" aria-labelledby="stats-trend-heading">
      <h2 id="stats-trend-heading" className="h4">
        {t('bo.stats.trend.heading')}
      </h2>
      <SelectField
        id="stats-trend-period"
        label={t('bo.stats.trend.period')}
        value={period}
        onChange={(value) => onSearch({ ...query, trend: value })}
        options={['year', 'quarter', 'month'].map((value) => ({
          value,
          label: t(`stats.dimension.${value}`),
        }))}
      />
      <div aria-live="polite">{!table && !error && <Loading announce={false} />}</div>
      {Boolean(error) && (
        <Alert color="danger" fade={false} role="alert">
          {describeError(error, t)}
        </Alert>
      )}
      {table && (
        <>
          <figure className="bo-stats-chart">
            <img
              src={trendChartHref(query)}
              alt={t('bo.stats.trend.chartAlt')}
              className="img-fluid"
            />
          </figure>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t('bo.stats.trend.caption', { threshold: table.threshold })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`stats.dimension.${period}`)}</th>
                  <th scope="col" className="text-end">
                    {t('bo.stats.count')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('bo.stats.trend.change')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => {
                  const change = changeOf(index);
                  return (
                    <tr key={row.code}>
                      <th scope="row">{row.label}</th>
                      <td className="text-end">
                        {row.count === null ? 'c' : intl.formatNumber(row.count)}
                      </td>
                      <td className="text-end">
                        {change === null
                          ? '—'
                          : intl.formatNumber(change.share, {
                              style: 'percent',
                              maximumFractionDigits: 0,
                              signDisplay: 'exceptZero',
                            })}
                        {change?.small && <abbr title={t('bo.stats.trend.small')}>*</abbr>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="small">{t('bo.stats.trend.note', { below: SMALL_NUMBERS_BELOW })}</p>
        </>
      )}
    </section>
  );
}
