/**
 * Statistical disclosure control for count tables: what leaves the case team (analysts' views,
 * public pages, exports) never shows a count of 0 < n < k, and never lets a hidden count be
 * worked out again from what is shown.
 *
 * A table is its interior cells with their row totals, column totals and grand total. Seen with
 * its totals, the table is a grid of (rows + 1) × (columns + 1) numbers in which every line
 * (each row with its total, each column with its total, the totals row with the grand total) is
 * an equation. A hidden cell can be recomputed exactly when the hidden cells of its lines do
 * not leave it any freedom. Picture the hidden cells as edges between their row and their column
 * (a bipartite graph): the published equations fix a hidden cell exactly when its edge lies on
 * no cycle, because moving counts around a cycle (+1, −1, +1, −1…) keeps every line's sum. So:
 *
 * 1. primary suppression hides every count with 0 < n < k, totals included;
 * 2. secondary suppression hides, in each line left with one hidden cell or with h hidden
 *    counts adding up to less than k + h − 1 beside a published total, one more (the smallest count,
 *    preferring the interior to the totals and a cell whose other line also needs one);
 * 3. every hidden cell that still lies on no cycle (a bridge of the graph) is put on one by
 *    hiding the smallest cell that joins the two sides of the bridge.
 *
 * 4. an audit checks that every hidden count can actually move (see `auditHiddenCells`).
 *
 * The steps repeat until nothing changes. Zero counts are never hidden (a zero says that
 * nothing was reported, which identifies nobody; see `preference`), so every hidden count is at
 * least 1 and moving counts around a cycle is possible both ways. Hidden cells never have their
 * value published.
 *
 * Margins that are not sums (a case with two grounds counts once in the total but in two
 * rows) are protected as if they were: the equalities assumed are stronger than what such a
 * margin tells, so a pattern safe under them is safe under the weaker truth.
 */

import {
  auditHiddenCells,
  closeBridges,
  completeLines,
  SuppressionState,
  suppressPrimary,
  TableShapeError,
  type Grid,
  type Suppression,
} from './suppression-steps.ts';

export { TableShapeError, type Suppression };

export interface CountTable {
  /** `cells[row][column]`, all rows of the same length. */
  cells: readonly (readonly number[])[];
  rowTotals: readonly number[];
  columnTotals: readonly number[];
  grandTotal: number;
}

export interface ProtectedCount {
  /** The count, or null when hidden. */
  value: number | null;
  suppressed: Suppression | null;
}

export interface ProtectedTable {
  cells: ProtectedCount[][];
  rowTotals: ProtectedCount[];
  columnTotals: ProtectedCount[];
  grandTotal: ProtectedCount;
}

function gridOf(table: CountTable): Grid {
  const columns = table.columnTotals.length;
  if (table.cells.length !== table.rowTotals.length) {
    throw new TableShapeError('one row total per row');
  }
  const rows = table.cells.map((row, index) => {
    if (row.length !== columns) throw new TableShapeError(`row ${index} has ${row.length} cells`);
    return [...row, table.rowTotals[index]!];
  });
  rows.push([...table.columnTotals, table.grandTotal]);
  for (const value of rows.flat()) {
    if (!Number.isInteger(value) || value < 0) throw new TableShapeError(`not a count: ${value}`);
  }
  return rows;
}

/**
 * Hides what must be hidden in a table of counts for a threshold k (counts of 1 to k − 1),
 * with enough secondary suppression that no hidden count follows from the published ones.
 */
export function protectTable(table: CountTable, threshold: number): ProtectedTable {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`threshold must be a positive integer: ${threshold}`);
  }
  const grid = gridOf(table);
  const state = new SuppressionState(grid);
  suppressPrimary(state, threshold);
  const lastRow = grid.length - 1;
  const lastColumn = grid[0]!.length - 1;
  for (;;) {
    const linesChanged = completeLines(state, threshold);
    const bridgesChanged = closeBridges(state);
    if (linesChanged || bridgesChanged) continue;
    if (!auditHiddenCells(state)) break;
  }
  const at = (r: number, c: number): ProtectedCount => {
    const suppressed = state.marks[r]![c]!;
    return { value: suppressed ? null : grid[r]![c]!, suppressed };
  };
  return {
    cells: table.cells.map((row, r) => row.map((_, c) => at(r, c))),
    rowTotals: table.rowTotals.map((_, r) => at(r, lastColumn)),
    columnTotals: table.columnTotals.map((_, c) => at(lastRow, c)),
    grandTotal: at(lastRow, lastColumn),
  };
}

export interface ProtectedBreakdown {
  counts: ProtectedCount[];
  total: ProtectedCount;
}

/**
 * A one-way breakdown (counts by ground, by month…) with its total: the same rule on a table of
 * one row. A breakdown of a multi-valued facet (grounds) may sum to more than its total.
 */
export function protectBreakdown(
  counts: readonly number[],
  total: number,
  threshold: number,
): ProtectedBreakdown {
  const protectedTable = protectTable(
    { cells: [counts], rowTotals: [total], columnTotals: counts, grandTotal: total },
    threshold,
  );
  return { counts: protectedTable.cells[0]!, total: protectedTable.rowTotals[0]! };
}

/** A count published alone (no total beside it): hidden when 0 < n < k. */
export function protectCount(value: number, threshold: number): ProtectedCount {
  return value > 0 && value < threshold
    ? { value: null, suppressed: 'primary' }
    : { value, suppressed: null };
}

/** Whether a table has any hidden count, to show the note that explains the mark. */
export function hasSuppression(table: ProtectedTable): boolean {
  return [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.grandTotal].some(
    (count) => count.suppressed !== null,
  );
}
