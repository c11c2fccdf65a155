/**
 * Cross-tabulation of cases by one or two row dimensions and an optional column dimension,
 * counting every case exactly once in each total. The database groups cases by the raw values
 * they hold (the array of grounds, the month…); each group says, per dimension, the distinct
 * values its cases hold and how many cases it has. A case with two grounds adds to both ground
 * rows, but once to the column totals and the grand total.
 */
import {
  protectBreakdown,
  protectCount,
  protectTable,
  type CountTable,
  type ProtectedCount,
  type ProtectedTable,
} from './disclosure.ts';
import { addKeys, type CellKeyTable } from './perturbation.ts';

export interface CaseGroup {
  /** Per dimension (rows first, then the column if any), the distinct values of these cases. */
  values: readonly (readonly string[])[];
  count: number;
  /** The sum of these cases' record keys, modulo the key range (`perturbation.ts`). */
  key: number;
}

export interface CrossTabLayout {
  /** Per row dimension, its values in display order. */
  rowValues: readonly (readonly string[])[];
  /** The column dimension's values in display order, or null for a one-way table. */
  columnValues: readonly string[] | null;
}

export interface CrossTab {
  /** Row combinations in display order (one value per row dimension). */
  rows: string[][];
  columns: string[];
  table: CountTable;
  /** Each count's cell key, at the same place: what staff figures are perturbed with. */
  keys: CellKeyTable;
}

const SEPARATOR = '\u0001';

function combinations(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>(
    (acc, list) => acc.flatMap((prefix) => list.map((value) => [...prefix, value])),
    [[]],
  );
}

/** A count and the cell key of the cases it counts. */
interface Tally {
  count: number;
  key: number;
}

function add(map: Map<string, Tally>, at: string, group: CaseGroup) {
  const tally = map.get(at);
  if (tally) {
    tally.count += group.count;
    tally.key = addKeys(tally.key, group.key);
  } else {
    map.set(at, { count: group.count, key: group.key });
  }
}

/**
 * Counts groups into a table laid out as asked. Values found in the data but missing from the
 * layout are appended after it (in first-seen order), so nothing is silently dropped.
 */
export function crossTabulate(groups: readonly CaseGroup[], layout: CrossTabLayout): CrossTab {
  const rowDimensions = layout.rowValues.length;
  const hasColumn = layout.columnValues !== null;
  const cells = new Map<string, Tally>();
  const rowTotals = new Map<string, Tally>();
  const columnTotals = new Map<string, Tally>();
  const extraRowValues = layout.rowValues.map(() => new Set<string>());
  const extraColumns = new Set<string>();
  const grandTotal = new Map<string, Tally>();

  for (const group of groups) {
    if (group.count === 0) continue;
    const rowLists = group.values.slice(0, rowDimensions);
    rowLists.forEach((values, index) =>
      values.forEach((value) => {
        if (!layout.rowValues[index]!.includes(value)) extraRowValues[index]!.add(value);
      }),
    );
    const rowKeys = combinations(rowLists).map((combo) => combo.join(SEPARATOR));
    const columns = hasColumn ? group.values[rowDimensions]! : [];
    for (const column of columns) {
      if (!layout.columnValues!.includes(column)) extraColumns.add(column);
      add(columnTotals, column, group);
      for (const rowKey of rowKeys) add(cells, rowKey + SEPARATOR + column, group);
    }
    for (const rowKey of rowKeys) add(rowTotals, rowKey, group);
    add(grandTotal, '', group);
  }

  const rows = combinations(
    layout.rowValues.map((values, index) => [...values, ...extraRowValues[index]!]),
  );
  const columns = hasColumn ? [...layout.columnValues!, ...extraColumns] : [];
  const rowKeys = rows.map((row) => row.join(SEPARATOR));
  const laidOut = (part: keyof Tally): CountTable => {
    const at = (map: Map<string, Tally>, key: string) => map.get(key)?.[part] ?? 0;
    return {
      cells: rowKeys.map((rowKey) =>
        columns.map((column) => at(cells, rowKey + SEPARATOR + column)),
      ),
      rowTotals: rowKeys.map((rowKey) => at(rowTotals, rowKey)),
      columnTotals: columns.map((column) => at(columnTotals, column)),
      grandTotal: at(grandTotal, ''),
    };
  };
  return { rows, columns, table: laidOut('count'), keys: laidOut('key') };
}

/**
 * A one-way table is protected as its rows against the total, a two-way one with its margins
 * (but for the margins a multi-valued facet makes inexact, which are hidden).
 *
 * Rows of a facet with several values per case (grounds) add up to more than the total, and
 * the difference is itself a count: the extra values of cases with more than one. Published
 * rows and total would give it away (one report with two grounds), so it is protected as one
 * more row that is never shown.
 */
export function protectCrossTab(
  crossTab: CrossTab,
  threshold: number,
  multiValued: { rows: boolean; columns: boolean } = { rows: false, columns: false },
): ProtectedTable {
  if (crossTab.columns.length > 0) {
    return multiValued.rows || multiValued.columns
      ? protectInexactTable(crossTab.table, threshold, multiValued)
      : protectTable(crossTab.table, threshold);
  }
  const { rowTotals, grandTotal } = crossTab.table;
  const extra = Math.max(0, rowTotals.reduce((sum, count) => sum + count, 0) - grandTotal);
  const breakdown =
    extra === 0
      ? protectBreakdown(rowTotals, grandTotal, threshold)
      : protectExtraValues(rowTotals, grandTotal, extra, threshold);
  return {
    cells: crossTab.rows.map(() => []),
    rowTotals: breakdown.counts,
    columnTotals: [],
    grandTotal: breakdown.total,
  };
}

/** The rows and the hidden extra-values row against the count of values; the total as is. */
function protectExtraValues(
  rowTotals: readonly number[],
  grandTotal: number,
  extra: number,
  threshold: number,
) {
  const withExtra = protectBreakdown([...rowTotals, extra], grandTotal + extra, threshold);
  return {
    counts: withExtra.counts.slice(0, -1),
    total: protectCount(grandTotal, threshold),
  };
}

/** A margin hidden by choice, unless there is nothing in its line (then it is a published 0). */
function hiddenMargin(total: number): ProtectedCount {
  return total > 0 ? { value: null, suppressed: 'secondary' } : { value: 0, suppressed: null };
}

/**
 * A two-way table with a multi-valued facet. Its cells add up to more than the margin that
 * counts each case once, by the extra values of that line: published cells and margin would
 * give that count away (one case of January with two grounds). Those margins are hidden, which
 * leaves no relation across the lines they close, so each exact line (a row, when only the
 * rows are multi-valued) is protected as a breakdown of its total, and with both facets
 * multi-valued only the small cells are hidden. A one-way table gives the hidden margins.
 */
function protectInexactTable(
  table: CountTable,
  threshold: number,
  multiValued: { rows: boolean; columns: boolean },
): ProtectedTable {
  const grandTotal = hiddenMargin(table.grandTotal);
  if (multiValued.rows && multiValued.columns) {
    return {
      cells: table.cells.map((row) => row.map((count) => protectCount(count, threshold))),
      rowTotals: table.rowTotals.map(hiddenMargin),
      columnTotals: table.columnTotals.map(hiddenMargin),
      grandTotal,
    };
  }
  if (multiValued.rows) {
    const rows = table.cells.map((row, r) => protectBreakdown(row, table.rowTotals[r]!, threshold));
    return {
      cells: rows.map((row) => row.counts),
      rowTotals: rows.map((row) => row.total),
      columnTotals: table.columnTotals.map(hiddenMargin),
      grandTotal,
    };
  }
  const columns = table.columnTotals.map((total, c) =>
    protectBreakdown(
      table.cells.map((row) => row[c]!),
      total,
      threshold,
    ),
  );
  return {
    cells: table.cells.map((row, r) => row.map((_, c) => columns[c]!.counts[r]!)),
    rowTotals: table.rowTotals.map(hiddenMargin),
    columnTotals: columns.map((column) => column.total),
    grandTotal,
  };
}
