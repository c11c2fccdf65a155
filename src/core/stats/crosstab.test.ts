import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossTabulate, protectCrossTab, type CaseGroup } from './crosstab.ts';
import { addKeys, KEY_MODULUS } from './perturbation.ts';

const grounds = ['origin', 'religion', 'disability'];
const months = ['2026-01', '2026-02'];

describe('cross-tabulation of cases', () => {
  it('counts a case with two grounds in both rows and once in every total', () => {
    const groups: CaseGroup[] = [
      { values: [['origin', 'religion'], ['2026-01']], count: 3, key: 0 },
      { values: [['origin'], ['2026-02']], count: 4, key: 0 },
    ];
    const { rows, columns, table } = crossTabulate(groups, {
      rowValues: [grounds],
      columnValues: months,
    });
    expect(rows).toEqual([['origin'], ['religion'], ['disability']]);
    expect(columns).toEqual(months);
    expect(table.cells).toEqual([
      [3, 4],
      [3, 0],
      [0, 0],
    ]);
    expect(table.rowTotals).toEqual([7, 3, 0]);
    expect(table.columnTotals).toEqual([3, 4]);
    expect(table.grandTotal).toBe(7);
  });

  it('nests two row dimensions and keeps values the layout did not expect', () => {
    const { rows, table } = crossTabulate(
      [{ values: [['origin'], ['housing', 'work'], ['2026-01']], count: 2, key: 0 }],
      { rowValues: [['origin'], ['housing']], columnValues: months },
    );
    expect(rows).toEqual([
      ['origin', 'housing'],
      ['origin', 'work'],
    ]);
    expect(table.rowTotals).toEqual([2, 2]);
    expect(table.grandTotal).toBe(2);
  });

  it('protects a one-way table against its total', () => {
    const crossTab = crossTabulate(
      [
        { values: [['origin']], count: 40, key: 0 },
        { values: [['religion']], count: 2, key: 0 },
        { values: [['disability']], count: 9, key: 0 },
      ],
      { rowValues: [grounds], columnValues: null },
    );
    const result = protectCrossTab(crossTab, 5);
    expect(result.rowTotals.map((count) => count.value)).toEqual([40, null, null]);
    expect(result.grandTotal.value).toBe(51);
  });

  it('never lets the rows of a multi-valued facet give away how many cases have several', () => {
    // 30 cases of ground a, 30 of b, one of both, 20 unclassified: 31 + 31 + 20 − 81 = 1.
    const crossTab = crossTabulate(
      [
        { values: [['origin']], count: 30, key: 0 },
        { values: [['religion']], count: 30, key: 0 },
        { values: [['origin', 'religion']], count: 1, key: 0 },
        { values: [['disability']], count: 20, key: 0 },
      ],
      { rowValues: [grounds], columnValues: null },
    );
    const result = protectCrossTab(crossTab, 10);
    expect(result.grandTotal.value).toBe(81);
    const shown = result.rowTotals.map((count) => count.value);
    expect(shown).toContain(null);
    expect(shown.filter((value) => value !== null).length).toBeLessThan(3);
  });

  it('hides the margins a multi-valued facet makes inexact in a two-way table', () => {
    // January: 30 + 30 cells by ground, but 59 cases: one of them has two grounds.
    const crossTab = crossTabulate(
      [
        { values: [['origin'], ['2026-01']], count: 29, key: 0 },
        { values: [['religion'], ['2026-01']], count: 29, key: 0 },
        { values: [['origin', 'religion'], ['2026-01']], count: 1, key: 0 },
        { values: [['disability'], ['2026-02']], count: 20, key: 0 },
      ],
      { rowValues: [grounds], columnValues: months },
    );
    const open = protectCrossTab(crossTab, 10);
    const cells = (table: typeof open) => table.cells.flat().map((count) => count.value);
    // Without the rule every count is at least 10 and shown: 30 + 30 − 59 tells the one.
    expect(cells(open)).toEqual([30, 0, 30, 0, 0, 20]);
    expect(open.columnTotals[0]!.value).toBe(59);

    const rule = protectCrossTab(crossTab, 10, { rows: true, columns: false });
    expect(cells(rule)).toEqual([30, 0, 30, 0, 0, 20]);
    expect(rule.columnTotals.map((count) => count.value)).toEqual([null, null]);
    expect(rule.grandTotal.value).toBeNull();
    // The rows stay exact (one month per case) and are shown.
    expect(rule.rowTotals.map((count) => count.value)).toEqual([30, 30, 20]);
  });

  it('matches a count and a sum of record keys made case by case', () => {
    const someOf = (list: string[]) => fc.subarray(list, { minLength: 1 });
    const cases = fc.array(
      fc.tuple(
        someOf(grounds),
        fc.constantFrom(...months),
        fc.integer({ min: 0, max: KEY_MODULUS - 1 }),
      ),
      { maxLength: 60 },
    );
    type Case = [string[], string, number];
    /** The count of some cases and the sum of their record keys. */
    const tally = (some: Case[]) => ({
      count: some.length,
      key: some.reduce((sum, [, , key]) => addKeys(sum, key), 0),
    });
    fc.assert(
      fc.property(cases, (list) => {
        const groups = list.map(([values, month, key]) => ({
          values: [values, [month]],
          count: 1,
          key,
        }));
        const { table, keys } = crossTabulate(groups, {
          rowValues: [grounds],
          columnValues: months,
        });
        const expectAt = (count: number, key: number, some: Case[]) =>
          expect({ count, key }).toEqual(tally(some));
        grounds.forEach((ground, r) => {
          months.forEach((month, c) => {
            const inCell = list.filter(([g, m]) => g.includes(ground) && m === month);
            expectAt(table.cells[r]![c]!, keys.cells[r]![c]!, inCell);
          });
          const inRow = list.filter(([g]) => g.includes(ground));
          expectAt(table.rowTotals[r]!, keys.rowTotals[r]!, inRow);
        });
        months.forEach((month, c) => {
          const inColumn = list.filter(([, m]) => m === month);
          expectAt(table.columnTotals[c]!, keys.columnTotals[c]!, inColumn);
        });
        expectAt(table.grandTotal, keys.grandTotal, list);
      }),
    );
  });

  it('protects each exact line of a multi-valued two-way table and shows no inexact margin', () => {
    const someOf = (list: string[]) => fc.subarray(list, { minLength: 1 });
    const cases = fc.array(
      fc.tuple(someOf(grounds), fc.constantFrom(...months), fc.integer({ min: 1, max: 15 })),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(cases, fc.integer({ min: 2, max: 10 }), (list, threshold) => {
        const groups = list.map(([values, month, count]) => ({
          values: [values, [month]],
          count,
          key: 0,
        }));
        const crossTab = crossTabulate(groups, { rowValues: [grounds], columnValues: months });
        const shown = protectCrossTab(crossTab, threshold, { rows: true, columns: false });
        const { table } = crossTab;
        const published = (count: { value: number | null }, truth: number) => {
          if (count.value === null) return;
          expect(count.value).toBe(truth);
          expect(count.value === 0 || count.value >= threshold).toBe(true);
        };
        table.cells.forEach((row, r) => {
          row.forEach((truth, c) => published(shown.cells[r]![c]!, truth));
          published(shown.rowTotals[r]!, table.rowTotals[r]!);
          // A row adds up exactly: beside a published total, hidden counts come in twos or more.
          const hidden = shown.cells[r]!.filter((count) => count.value === null).length;
          if (shown.rowTotals[r]!.value !== null) expect(hidden === 0 || hidden >= 2).toBe(true);
        });
        // Column totals and the grand total would tell the extra grounds: shown only when 0.
        for (const [count, truth] of [
          ...shown.columnTotals.map((count, c) => [count, table.columnTotals[c]!] as const),
          [shown.grandTotal, table.grandTotal] as const,
        ]) {
          expect(count.value === null || (count.value === 0 && truth === 0)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
