import type { Kysely } from 'kysely';
import { crossTabulate, protectCrossTab } from '../../core/stats/crosstab.ts';
import { multiValuedDimensions, type Dimension } from '../../core/stats/dimensions.ts';
import type { ProtectedCount } from '../../core/stats/disclosure.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { currentTaxonomy } from '../taxonomy/taxonomy-files.ts';
import { loadCaseGroups, type StatsFilters } from './case-groups.ts';
import type { CrossTabResult } from './schemas.ts';
import { layoutValues, valueLabeller } from './value-labels.ts';

export interface CrossTabRequest {
  rows: readonly Dimension[];
  columns: Dimension | null;
  filters: StatsFilters;
}

/**
 * A cross-tab of equality data as it may leave the case team: counted from classified,
 * pseudonymous fields of the cases whose reporters allowed statistics, every total counting a
 * case once, and disclosure control applied with the audience's threshold.
 */
export async function equalityCrossTab(
  db: Kysely<DB>,
  request: CrossTabRequest,
  options: { threshold: number; timeZone: string; locale: Locale; now?: Date },
): Promise<CrossTabResult> {
  const taxonomy = currentTaxonomy();
  const asked = [...request.rows, ...(request.columns ? [request.columns] : [])];
  const { groups, territories } = await loadCaseGroups(db, {
    dimensions: asked,
    filters: request.filters,
    taxonomy,
    timeZone: options.timeZone,
  });

  const labellers = asked.map((dimension) =>
    valueLabeller(dimension, { taxonomy, locale: options.locale, territories }),
  );
  const layouts = asked.map((dimension, index) => {
    const seen = new Set(groups.flatMap((group) => group.values[index]!));
    return layoutValues(
      dimension,
      seen,
      { taxonomy, period: { from: request.filters.from, to: request.filters.to } },
      labellers[index]!,
    );
  });
  const crossTab = crossTabulate(groups, {
    rowValues: layouts.slice(0, request.rows.length),
    columnValues: request.columns ? layouts.at(-1)! : null,
  });
  const protectedTable = protectCrossTab(crossTab, options.threshold);
  const all: ProtectedCount[] = [
    ...protectedTable.cells.flat(),
    ...protectedTable.rowTotals,
    ...protectedTable.columnTotals,
    protectedTable.grandTotal,
  ];
  const dimensionLabel = (dimension: Dimension) =>
    translate(options.locale, `stats.dimension.${dimension}`);
  const columnLabel = labellers.at(-1)!;

  return {
    population: request.filters.population,
    period: { from: request.filters.from ?? null, to: request.filters.to ?? null },
    taxonomyVersion: taxonomy.version,
    threshold: options.threshold,
    rowDimensions: request.rows.map((dimension) => ({
      dimension,
      label: dimensionLabel(dimension),
    })),
    columnDimension: request.columns
      ? { dimension: request.columns, label: dimensionLabel(request.columns) }
      : null,
    rows: crossTab.rows.map((row) =>
      row.map((code, index) => ({ code, label: labellers[index]!(code) })),
    ),
    columns: crossTab.columns.map((code) => ({ code, label: columnLabel(code) })),
    cells: protectedTable.cells,
    rowTotals: protectedTable.rowTotals,
    columnTotals: protectedTable.columnTotals,
    grandTotal: protectedTable.grandTotal,
    rowsMaySumToMore: request.rows.some((dimension) => multiValuedDimensions.has(dimension)),
    columnsMaySumToMore: request.columns !== null && multiValuedDimensions.has(request.columns),
    suppressedCount: all.filter((count) => count.suppressed !== null).length,
    generatedAt: (options.now ?? new Date()).toISOString(),
  };
}
