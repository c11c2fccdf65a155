import { timeDimensions } from '../../core/stats/dimensions.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { horizontalBarChart, timeColumnChart } from '../charts/count-charts.ts';
import { SUPPRESSED_MARK } from './crosstab-export.ts';
import type { CrossTabResult } from './schemas.ts';

/**
 * The row totals of a cross-tab drawn as a chart: columns when the rows are periods, bars
 * otherwise; rows of two dimensions read "Casa · Origine". Hidden totals have no bar and read
 * "c", as in the table beside it.
 */
export function crossTabChart(result: CrossTabResult, locale: Locale): string {
  const counts = result.rows.map((row, index) => ({
    label: row.map((value) => value.label).join(' · '),
    value: result.rowTotals[index]!.value,
  }));
  const first = result.rowDimensions[0]!;
  const title = translate(locale, `bo.stats.chartTitle.${result.population}`, {
    dimension: result.rowDimensions.map((dimension) => dimension.label).join(' · '),
  });
  const options = { counts, title, hiddenMark: SUPPRESSED_MARK, locale, width: 760 };
  return result.rowDimensions.length === 1 && timeDimensions.has(first.dimension)
    ? timeColumnChart(options)
    : horizontalBarChart(options);
}
