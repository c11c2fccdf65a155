import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossTabulate, protectCrossTab, type CaseGroup } from './crosstab.ts';

const grounds = ['origin', 'religion', 'disability'];
const months = ['2026-01', '2026-02'];

describe('cross-tabulation of cases', () => {
  it('counts a case with two grounds in both rows and once in every total', () => {
    const groups: CaseGroup[] = [
      { values: [['origin', 'religion'], ['2026-01']], count: 3 },
      { values: [['origin'], ['2026-02']], count: 4 },
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
      [{ values: [['origin'], ['housing', 'work'], ['2026-01']], count: 2 }],
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
        { values: [['origin']], count: 40 },
        { values: [['religion']], count: 2 },
        { values: [['disability']], count: 9 },
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
        { values: [['origin']], count: 30 },
        { values: [['religion']], count: 30 },
        { values: [['origin', 'religion']], count: 1 },
        { values: [['disability']], count: 20 },
      ],
      { rowValues: [grounds], columnValues: null },
    );
    const result = protectCrossTab(crossTab, 10);
    expect(result.grandTotal.value).toBe(81);
    const shown = result.rowTotals.map((count) => count.value);
    expect(shown).toContain(null);
    expect(shown.filter((value) => value !== null).length).toBeLessThan(3);
  });

  it('matches a count made case by case', () => {
    const someOf = (list: string[]) => fc.subarray(list, { minLength: 1 });
    const cases = fc.array(fc.tuple(someOf(grounds), fc.constantFrom(...months)), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(cases, (list) => {
        const groups = list.map(([values, month]) => ({ values: [values, [month]], count: 1 }));
        const { table } = crossTabulate(groups, { rowValues: [grounds], columnValues: months });
        grounds.forEach((ground, r) => {
          months.forEach((month, c) => {
            const expected = list.filter(([g, m]) => g.includes(ground) && m === month).length;
            expect(table.cells[r]![c]).toBe(expected);
          });
          expect(table.rowTotals[r]).toBe(list.filter(([g]) => g.includes(ground)).length);
        });
        months.forEach((month, c) =>
          expect(table.columnTotals[c]).toBe(list.filter(([, m]) => m === month).length),
        );
        expect(table.grandTotal).toBe(list.length);
      }),
    );
  });
});
