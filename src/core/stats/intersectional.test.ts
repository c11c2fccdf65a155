import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countGroundCombinations,
  perturbIntersectional,
  protectIntersectional,
} from './intersectional.ts';
import { addKeys, perturbation } from './perturbation.ts';

const grounds = ['origin', 'religion', 'disability', 'sex'];

describe('intersectional analysis', () => {
  it('counts each case once: single, multiple or not classified, and in one combination', () => {
    const counts = countGroundCombinations([
      { grounds: ['origin'], count: 10, key: 0 },
      { grounds: ['religion', 'origin'], count: 6, key: 0 },
      { grounds: ['origin', 'religion'], count: 2, key: 0 },
      { grounds: ['origin', 'religion', 'sex'], count: 1, key: 0 },
      { grounds: [], count: 4, key: 0 },
    ]);
    expect(counts).toMatchObject({ total: 23, single: 10, multiple: 9, notClassified: 4 });
    expect(counts.combinations.get('origin+religion')!.count).toBe(8);
    expect(counts.combinations.get('origin+religion+sex')!.count).toBe(1);
  });

  it('lists the frequent combinations and puts the rare ones together', () => {
    const counts = countGroundCombinations([
      { grounds: ['origin'], count: 40, key: 0 },
      { grounds: ['origin', 'religion'], count: 12, key: 0 },
      { grounds: ['origin', 'sex'], count: 7, key: 0 },
      { grounds: ['disability', 'sex'], count: 2, key: 0 },
      { grounds: ['disability', 'religion'], count: 9, key: 0 },
    ]);
    const result = protectIntersectional(counts, 5);
    expect(result.multiple.value).toBe(30);
    expect(result.combinations.map((entry) => entry.grounds.join('+'))).toEqual([
      'origin+religion',
      'disability+religion',
      'origin+sex',
    ]);
    // "Other" (2) is small: hidden, with the smallest listed combination so it cannot be
    // worked out from the multiple-grounds count.
    expect(result.otherCombinations.value).toBeNull();
    expect(result.combinations[2]!.count.value).toBeNull();
  });

  /**
   * Everything published, and the two sums that tie it together (total = single + multiple +
   * not classified; multiple = listed combinations + other): can a hidden number be pinned?
   * As in the table tests, moving each hidden number by at most 1 finds an alternative if any
   * exists.
   */
  function pinned(values: number[], hidden: boolean[], sums: [number, number[]][]) {
    const indexes = hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));
    const trial = [...values];
    const fits = () =>
      sums.every(([total, parts]) => trial[total] === parts.reduce((s, p) => s + trial[p]!, 0));
    const search = (position: number, target: number): boolean => {
      if (position === indexes.length) return fits() && trial[target] !== values[target];
      const index = indexes[position]!;
      for (const delta of [0, -1, 1]) {
        trial[index] = values[index]! + delta;
        // Zeros are published, so a hidden number is known to be at least 1.
        if (trial[index] >= 1 && search(position + 1, target)) return true;
      }
      trial[index] = values[index]!;
      return false;
    };
    return indexes.filter((target) => !search(0, target));
  }

  it('never lets the split and the combinations give away a hidden number together', () => {
    const groups = fc.array(
      fc.record({
        grounds: fc.subarray(grounds),
        count: fc.integer({ min: 0, max: 14 }),
        key: fc.constant(0),
      }),
      { maxLength: 14 },
    );
    fc.assert(
      fc.property(groups, fc.integer({ min: 2, max: 8 }), (list, threshold) => {
        const counts = countGroundCombinations(list);
        const result = protectIntersectional(counts, threshold, 3);
        const published = [
          result.total,
          result.single,
          result.multiple,
          result.notClassified,
          ...result.combinations.map((entry) => entry.count),
          result.otherCombinations,
        ];
        const truth = [
          counts.total,
          counts.single,
          counts.multiple,
          counts.notClassified,
          ...result.combinations.map(
            (entry) => counts.combinations.get(entry.grounds.join('+'))!.count,
          ),
          counts.multiple -
            result.combinations.reduce(
              (sum, entry) => sum + counts.combinations.get(entry.grounds.join('+'))!.count,
              0,
            ),
        ];
        published.forEach((count, index) => {
          if (count.value !== null) {
            expect(count.value).toBe(truth[index]);
            expect(count.value === 0 || count.value >= threshold).toBe(true);
          }
        });
        const detail = truth.map((_, index) => index).slice(4);
        const hiddenPinned = pinned(
          truth,
          published.map((count) => count.value === null),
          [
            [0, [1, 2, 3]],
            [2, detail],
          ],
        );
        expect(hiddenPinned).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('perturbs each shown count with the keys of the cases it counts, "other" included', () => {
    // Keys chosen so that every figure below moves: a count left as it is would fail.
    const groups = [
      { grounds: ['origin'], count: 40, key: 1_000 },
      { grounds: ['origin', 'religion'], count: 12, key: 2_000_000_000 },
      { grounds: ['origin', 'sex'], count: 3, key: 700_000_000 },
      { grounds: ['disability', 'sex'], count: 4, key: 1_600_000_000 },
      { grounds: [], count: 9, key: 5 },
    ];
    const counts = countGroundCombinations(groups);
    const result = perturbIntersectional(protectIntersectional(counts, 5), counts, 5);
    const shown = (value: number) => ({ value, suppressed: null });
    expect(result.total).toEqual(shown(68 - 2));
    expect(result.single).toEqual(shown(40 - 2));
    expect(result.multiple).toEqual(shown(19 - 2));
    expect(result.notClassified).toEqual(shown(9 - 2));
    expect(result.combinations).toEqual([
      { grounds: ['origin', 'religion'], count: shown(12 + 1) },
    ]);
    // "Other combinations" are the two rare ones together: their keys, not the listed one's.
    const figure = (count: number, keys: number[]) =>
      count + perturbation(count, keys.reduce(addKeys, 0), 5);
    expect(result.otherCombinations).toEqual(shown(figure(7, [700_000_000, 1_600_000_000])));
    expect(result.otherCombinations).not.toEqual(shown(figure(7, [0])));
    expect(result.otherCombinations).not.toEqual(
      shown(figure(7, [2_000_000_000, 700_000_000, 1_600_000_000])),
    );
  });

  it('lists the combinations in the order of the figures shown, not of the true counts', () => {
    // True 12 and 11; shown 10 and 12: listed as shown, or the order would tell the truth.
    const counts = countGroundCombinations([
      { grounds: ['origin', 'religion'], count: 12, key: 0 },
      { grounds: ['disability', 'sex'], count: 11, key: 1_600_000_007 },
    ]);
    const result = perturbIntersectional(protectIntersectional(counts, 5), counts, 5);
    expect(
      result.combinations.map((entry) => [entry.grounds.join('+'), entry.count.value]),
    ).toEqual([
      ['disability+sex', 12],
      ['origin+religion', 10],
    ]);
  });
});
