import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasSuppression,
  protectBreakdown,
  protectTable,
  TableShapeError,
  type CountTable,
  type ProtectedTable,
} from './disclosure.ts';

function additiveTable(cells: number[][]): CountTable {
  const columns = cells[0]?.length ?? 0;
  const rowTotals = cells.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = Array.from({ length: columns }, (_, c) =>
    cells.reduce((sum, row) => sum + row[c]!, 0),
  );
  return { cells, rowTotals, columnTotals, grandTotal: rowTotals.reduce((a, b) => a + b, 0) };
}

/** The table with its totals as the last row and column, as published and as true. */
function grids(table: CountTable, published: ProtectedTable) {
  const truth = [...table.cells.map((row, r) => [...row, table.rowTotals[r]!])];
  truth.push([...table.columnTotals, table.grandTotal]);
  const shown = published.cells.map((row, r) => [...row, published.rowTotals[r]!]);
  shown.push([...published.columnTotals, published.grandTotal]);
  return { truth, shown: shown.map((row) => row.map((count) => count.value)) };
}

/**
 * An attacker's search, independent of how the suppression was chosen: is there another table
 * of non-negative counts that agrees with every published number and every line's sum, in which
 * the hidden cell differs? Two solutions differ by a circulation, which splits into cycles of
 * the same signs (conformal decomposition), so if any alternative exists one exists in which
 * every hidden count moves by at most 1: the search only tries v − 1, v and v + 1.
 */
function recoverable(truth: number[][], shown: (number | null)[][], target: [number, number]) {
  const rows = truth.length;
  const columns = truth[0]!.length;
  const hidden: [number, number][] = [];
  shown.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) hidden.push([r, c]);
    }),
  );
  const lines: [number, number][][] = [
    ...Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => [r, c] as [number, number]),
    ),
    ...Array.from({ length: columns }, (_, c) =>
      Array.from({ length: rows }, (_, r) => [r, c] as [number, number]),
    ),
  ];
  const value = truth.map((row) => [...row]);
  const order = [target, ...hidden.filter(([r, c]) => r !== target[0] || c !== target[1])] as [
    number,
    number,
  ][];
  const position = (r: number, c: number) => order.findIndex(([x, y]) => x === r && y === c);
  // Each line (interior cells summing to its last cell, the total) is checked as soon as the
  // last of its hidden cells has a value.
  const checkedAt = new Map<number, [number, number][][]>();
  for (const line of lines) {
    const last = Math.max(...line.map(([r, c]) => position(r, c)));
    checkedAt.set(last, [...(checkedAt.get(last) ?? []), line]);
  }
  const balanced = (line: [number, number][]) => {
    const [tr, tc] = line.at(-1)!;
    const sum = line.slice(0, -1).reduce((acc, [r, c]) => acc + value[r]![c]!, 0);
    return sum === value[tr]![tc]!;
  };
  if (!(checkedAt.get(-1) ?? []).every(balanced)) throw new Error('published lines do not add up');
  const search = (index: number): boolean => {
    if (index === order.length) return true;
    const [r, c] = order[index]!;
    const original = truth[r]![c]!;
    const choices =
      index === 0 ? [original - 1, original + 1] : [original, original - 1, original + 1];
    for (const choice of choices) {
      // Zeros are published, so a hidden count is known to be at least 1.
      if (choice < 1) continue;
      value[r]![c] = choice;
      if ((checkedAt.get(index) ?? []).every(balanced) && search(index + 1)) return true;
    }
    value[r]![c] = original;
    return false;
  };
  // Recoverable when no alternative exists.
  return !search(0);
}

describe('statistical disclosure control', () => {
  it('hides small counts and enough others that no line gives them away', () => {
    const table = additiveTable([
      [12, 3, 20],
      [15, 18, 9],
      [30, 11, 25],
    ]);
    const result = protectTable(table, 5);
    expect(result.cells[0]![1]).toEqual({ value: null, suppressed: 'primary' });
    // Row 0 and column 1 each need a second hidden cell; the rest is published as it is.
    const hiddenInRow0 = result.cells[0]!.filter((count) => count.value === null).length;
    const hiddenInColumn1 = result.cells.filter((row) => row[1]!.value === null).length;
    expect(hiddenInRow0).toBeGreaterThanOrEqual(2);
    expect(hiddenInColumn1).toBeGreaterThanOrEqual(2);
    expect(result.grandTotal).toEqual({ value: 143, suppressed: null });
    expect(result.rowTotals.map((count) => count.value)).toEqual([35, 42, 66]);
    expect(hasSuppression(result)).toBe(true);
    const { truth, shown } = grids(table, result);
    for (const [r, row] of shown.entries()) {
      for (const [c, value] of row.entries()) {
        if (value === null) expect(recoverable(truth, shown, [r, c])).toBe(false);
      }
    }
  });

  it('publishes a table with no small count untouched, zeros included', () => {
    const table = additiveTable([
      [12, 0, 20],
      [15, 18, 9],
    ]);
    const result = protectTable(table, 5);
    expect(hasSuppression(result)).toBe(false);
    expect(result.cells[0]![1]).toEqual({ value: 0, suppressed: null });
  });

  it('hides a small total and protects it through the totals row', () => {
    const table = additiveTable([
      [2, 1],
      [40, 50],
      [30, 20],
    ]);
    const result = protectTable(table, 5);
    expect(result.rowTotals[0]!.suppressed).toBe('primary');
    const { truth, shown } = grids(table, result);
    shown.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) expect(recoverable(truth, shown, [r, c])).toBe(false);
      }),
    );
  });

  it('protects a one-way breakdown: one small count never stands alone beside the total', () => {
    const result = protectBreakdown([40, 3, 12, 0, 25], 80, 5);
    expect(result.counts.map((count) => count.value)).toEqual([40, null, null, 0, 25]);
    expect(result.counts[2]!.suppressed).toBe('secondary');
    expect(result.total.value).toBe(80);
  });

  it('hides more until the hidden counts beside a published total add up to k', () => {
    // Two hidden 1s beside 48 and a total of 50 would both be exactly 1.
    const result = protectBreakdown([1, 1, 48, 0], 50, 10);
    expect(result.counts.map((count) => count.value)).toEqual([null, null, null, 0]);
    expect(result.total.value).toBe(50);
  });

  it('refuses shapes that are not tables of counts', () => {
    expect(() =>
      protectTable({ cells: [[1, 2]], rowTotals: [3], columnTotals: [1], grandTotal: 3 }, 5),
    ).toThrow(TableShapeError);
    expect(() =>
      protectTable({ cells: [[1.5]], rowTotals: [1.5], columnTotals: [1.5], grandTotal: 1.5 }, 5),
    ).toThrow(TableShapeError);
    expect(() => protectTable(additiveTable([[1]]), 0)).toThrow(RangeError);
  });

  const tables = fc
    .record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 4 }) })
    .chain(({ rows, columns }) =>
      fc.array(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), {
          minLength: columns,
          maxLength: columns,
        }),
        { minLength: rows, maxLength: rows },
      ),
    );

  it('never publishes a count of 0 < n < k and publishes every other count as it is', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 10 }), (cells, threshold) => {
        const table = additiveTable(cells);
        const { truth, shown } = grids(table, protectTable(table, threshold));
        shown.forEach((row, r) =>
          row.forEach((value, c) => {
            if (value === null) return;
            expect(value).toBe(truth[r]![c]);
            expect(value === 0 || value >= threshold).toBe(true);
          }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no hidden count recoverable from the published counts and totals', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 10 }), (cells, threshold) => {
        const table = additiveTable(cells);
        const { truth, shown } = grids(table, protectTable(table, threshold));
        shown.forEach((row, r) =>
          row.forEach((value, c) => {
            if (value === null) expect(recoverable(truth, shown, [r, c])).toBe(false);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
