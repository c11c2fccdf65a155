import type { Kysely } from 'kysely';
import { crossTabulate, protectCrossTab, type CrossTab } from '../../core/stats/crosstab.ts';
import { multiValuedDimensions, type Dimension } from '../../core/stats/dimensions.ts';
import type { ProtectedCount, ProtectedTable } from '../../core/stats/disclosure.ts';
import { perturbTable, type Disclosure } from '../../core/stats/perturbation.ts';
import type { Taxonomy } from '../../core/taxonomy/taxonomy.ts';
import { AppError } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { currentTaxonomy } from '../taxonomy/taxonomy-files.ts';
import { loadCaseGroups, type StatsFilters, type Territory } from './case-groups.ts';
import { published, type CrossTabResult } from './schemas.ts';
import { layoutValues, valueLabeller } from './value-labels.ts';

export interface CrossTabRequest {
  rows: readonly Dimension[];
  columns: Dimension | null;
  filters: StatsFilters;
}

/** The largest table anyone may ask for (rows × columns, counting values the data adds). */
export const MAX_CELLS = 20_000;

/** A cross-tab counted but not yet protected: for staff code that must protect it its own way. */
export interface CountedCrossTab {
  request: CrossTabRequest;
  crossTab: CrossTab;
  taxonomy: Taxonomy;
  territories: ReadonlyMap<string, Territory>;
}

/**
 * Counts a cross-tab from the classified, pseudonymous fields of the cases whose reporters
 * allowed statistics, every total counting a case once. Never leaves the server as it is: it
 * goes out only through `presentCrossTab` with a protected table.
 */
export async function countCrossTab(
  db: Kysely<DB>,
  request: CrossTabRequest,
  options: { timeZone: string; locale: Locale },
): Promise<CountedCrossTab> {
  const taxonomy = currentTaxonomy();
  const asked = [...request.rows, ...(request.columns ? [request.columns] : [])];
  const { groups, territories } = await loadCaseGroups(db, {
    dimensions: asked,
    filters: request.filters,
    taxonomy,
    timeZone: options.timeZone,
  });
  const layouts = asked.map((dimension, index) => {
    const seen = new Set(groups.flatMap((group) => group.values[index]!));
    const label = valueLabeller(dimension, { taxonomy, locale: options.locale, territories });
    return layoutValues(
      dimension,
      seen,
      { taxonomy, period: { from: request.filters.from, to: request.filters.to } },
      label,
    );
  });
  // Two fine dimensions against a third can ask for millions of cells: refuse, naming the
  // rows, before anything is built.
  const cellCount = layouts.reduce((product, layout, index) => {
    const values = new Set([...layout, ...groups.flatMap((group) => group.values[index]!)]);
    return product * Math.max(1, values.size);
  }, 1);
  if (cellCount > MAX_CELLS) {
    throw new AppError('validation_failed', {
      fields: [
        {
          field: 'rows',
          message: translate(options.locale, 'stats.validation.too_large', { max: MAX_CELLS }),
        },
      ],
    });
  }
  const crossTab = crossTabulate(groups, {
    rowValues: layouts.slice(0, request.rows.length),
    columnValues: request.columns ? layouts.at(-1)! : null,
  });
  return { request, crossTab, taxonomy, territories };
}

/**
 * A protected cross-tab with its labels in a language, as the API and exports give it: for
 * staff, each shown count is perturbed with the key of the cases it counts.
 */
export function presentCrossTab(
  counted: CountedCrossTab,
  suppressed: ProtectedTable,
  options: Disclosure & { locale: Locale; now?: Date },
): CrossTabResult {
  const { request, crossTab, taxonomy, territories } = counted;
  const protectedTable = options.perturbed
    ? perturbTable(suppressed, crossTab.keys, options.threshold)
    : suppressed;
  const asked = [...request.rows, ...(request.columns ? [request.columns] : [])];
  const labellers = asked.map((dimension) =>
    valueLabeller(dimension, { taxonomy, locale: options.locale, territories }),
  );
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
    perturbed: options.perturbed,
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
    cells: protectedTable.cells.map((row) => row.map(published)),
    rowTotals: protectedTable.rowTotals.map(published),
    columnTotals: protectedTable.columnTotals.map(published),
    grandTotal: published(protectedTable.grandTotal),
    rowsMaySumToMore: request.rows.some((dimension) => multiValuedDimensions.has(dimension)),
    columnsMaySumToMore: request.columns !== null && multiValuedDimensions.has(request.columns),
    suppressedCount: all.filter((count) => count.suppressed !== null).length,
    generatedAt: (options.now ?? new Date()).toISOString(),
  };
}

/**
 * A cross-tab of equality data as it may leave the case team, with disclosure control applied
 * for its audience.
 */
export async function equalityCrossTab(
  db: Kysely<DB>,
  request: CrossTabRequest,
  options: Disclosure & { timeZone: string; locale: Locale; now?: Date },
): Promise<CrossTabResult> {
  const counted = await countCrossTab(db, request, options);
  const multiValued = {
    rows: request.rows.some((dimension) => multiValuedDimensions.has(dimension)),
    columns: request.columns !== null && multiValuedDimensions.has(request.columns),
  };
  const protectedTable = protectCrossTab(counted.crossTab, options.threshold, multiValued);
  return presentCrossTab(counted, protectedTable, options);
}
