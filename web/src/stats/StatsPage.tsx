import { Alert } from 'design-react-kit';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import {
  chartHref,
  exportHref,
  getCrossTab,
  getIntersectional,
  statsQueryKeys,
} from '../api/stats.ts';
import type { Intersectional, ProtectedCount } from '../api/stats.ts';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { useReloadable } from '../common/useReloadable.ts';
import { useUrlFilters } from '../common/useUrlFilters.ts';
import { useT } from '../i18n/useT.ts';
import { CrossTabTable } from './CrossTabTable.tsx';
import { StatsFiltersForm } from './StatsFiltersForm.tsx';
import { StatsMapSection } from './StatsMapSection.tsx';
import { StatsReportsPanel } from './StatsReportsPanel.tsx';
import { StatsTrendSection } from './StatsTrendSection.tsx';
import { sectionKeys, useSectionQuery } from './useSectionQuery.ts';

function KeyFigures({ figures }: { figures: Intersectional }) {
  const t = useT();
  const intl = useIntl();
  const shown = (count: ProtectedCount) =>
    count.value === null ? 'c' : intl.formatNumber(count.value);
  const entries: [string, ProtectedCount][] = [
    ['bo.stats.figures.total', figures.total],
    ['bo.stats.figures.single', figures.singleGround],
    ['bo.stats.figures.multiple', figures.multipleGrounds],
    ['bo.stats.figures.notClassified', figures.notClassified],
  ];
  return (
    <>
      <dl className="bo-stats-figures">
        {entries.map(([key, count]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{shown(count)}</dd>
          </div>
        ))}
      </dl>
      {figures.combinations.length > 0 && (
        <>
          <h2 className="h4 mt-4">{t('bo.stats.combinations')}</h2>
          <ul>
            {figures.combinations.map((combination) => (
              <li key={combination.grounds.map((ground) => ground.code).join('+')}>
                {combination.grounds.map((ground) => ground.label).join(' + ')}:{' '}
                {shown(combination.count)}
              </li>
            ))}
            <li>
              {t('bo.stats.otherCombinations')}: {shown(figures.otherCombinations)}
            </li>
          </ul>
        </>
      )}
    </>
  );
}

/**
 * Equality data for analysts and coordinators: a cross-tab they pivot, kept in the address so
 * a view can be shared, with disclosure control applied by the server and the downloads.
 */
export function StatsPage() {
  const t = useT();
  const [query, , search] = useUrlFilters(statsQueryKeys);
  // One answer for the table and the key figures, so they always count the same cases.
  const asked = useSectionQuery(query, sectionKeys.table);
  const load = useCallback(
    () => Promise.all([getCrossTab(asked), getIntersectional(asked)]),
    [asked],
  );
  const { value, error } = useReloadable(load);
  const [table, figures] = value ?? [null, null];
  const loading = value === null && !error;

  return (
    <>
      <PageHeading title={t('bo.stats.title')} />
      <p>{t('bo.stats.lead')}</p>
      <StatsFiltersForm query={query} onSearch={search} />
      <div aria-live="polite">{loading && <Loading announce={false} />}</div>
      {Boolean(error) && (
        <Alert color="danger" fade={false} role="alert">
          {describeError(error, t)}
        </Alert>
      )}
      {!loading && !error && figures && <KeyFigures figures={figures} />}
      {!loading && !error && table && (
        <section className="mt-4" aria-labelledby="stats-table-heading">
          <h2 id="stats-table-heading" className="h4">
            {t('bo.stats.tableHeading')}
          </h2>
          <p>
            {t('bo.stats.download')}{' '}
            <a href={exportHref(query, 'csv')} download>
              CSV
            </a>{' '}
            ·{' '}
            <a href={exportHref(query, 'xlsx')} download>
              XLSX
            </a>{' '}
            ·{' '}
            <a href={exportHref(query, 'json')} download>
              JSON
            </a>
          </p>
          <figure className="bo-stats-chart">
            <img src={chartHref(query)} alt={t('bo.stats.chartAlt')} className="img-fluid" />
          </figure>
          <CrossTabTable
            table={table}
            caption={t(`bo.stats.caption.${table.population}`, {
              threshold: table.threshold,
            })}
          />
          {table.suppressedCount > 0 && (
            <p className="small">{t('bo.stats.suppressionNote', { threshold: table.threshold })}</p>
          )}
          {(table.rowsMaySumToMore || table.columnsMaySumToMore) && (
            <p className="small">{t('bo.stats.multipleNote')}</p>
          )}
          {(table.rowsMaySumToMore || table.columnsMaySumToMore) && table.columnDimension && (
            <p className="small">{t('bo.stats.multipleMarginsNote')}</p>
          )}
          {table.perturbed && <p className="small">{t('bo.stats.perturbationNote')}</p>}
          <p className="small">{t('bo.stats.consentNote')}</p>
        </section>
      )}
      <StatsTrendSection query={query} onSearch={search} />
      <StatsMapSection query={query} onSearch={search} />
      <StatsReportsPanel />
    </>
  );
}
