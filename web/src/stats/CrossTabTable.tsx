import { useIntl } from 'react-intl';
import type { CrossTab, ProtectedCount } from '../api/stats.ts';
import { useT } from '../i18n/useT.ts';

function Count({ count }: { count: ProtectedCount }) {
  const t = useT();
  const intl = useIntl();
  if (count.value !== null) return <>{intl.formatNumber(count.value)}</>;
  return (
    <abbr title={t('bo.stats.hiddenTitle')} className="bo-stats-hidden">
      c
    </abbr>
  );
}

/** The cross-tab as a table: row labels as row headers, totals last, hidden counts as "c". */
export function CrossTabTable({ table, caption }: { table: CrossTab; caption: string }) {
  const t = useT();
  const twoWay = table.columnDimension !== null;
  return (
    <div className="table-responsive">
      <table className="table table-sm bo-stats-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.rowDimensions.map((dimension) => (
              <th key={dimension.dimension} scope="col">
                {dimension.label}
              </th>
            ))}
            {twoWay ? (
              table.columns.map((column) => (
                <th key={column.code} scope="col" className="text-end">
                  {column.label}
                </th>
              ))
            ) : (
              <th scope="col" className="text-end">
                {t('bo.stats.count')}
              </th>
            )}
            {twoWay && (
              <th scope="col" className="text-end">
                {t('bo.stats.total')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={row.map((value) => value.code).join('|')}>
              {row.map((value, index) => (
                <th key={value.code} scope="row" className={index > 0 ? 'fw-normal' : undefined}>
                  {value.label}
                </th>
              ))}
              {table.cells[r]!.map((count, c) => (
                <td key={table.columns[c]!.code} className="text-end">
                  <Count count={count} />
                </td>
              ))}
              <td className="text-end fw-semibold">
                <Count count={table.rowTotals[r]!} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={table.rowDimensions.length}>
              {t('bo.stats.total')}
            </th>
            {table.columnTotals.map((count, c) => (
              <td key={table.columns[c]!.code} className="text-end fw-semibold">
                <Count count={count} />
              </td>
            ))}
            <td className="text-end fw-bold">
              <Count count={table.grandTotal} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
