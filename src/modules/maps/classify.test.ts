import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classIndexOf, classify, type ValueClass } from './classify.ts';

/** Within-class sum of squared deviations: what natural breaks minimise. */
function spread(values: readonly number[], classes: readonly ValueClass[]): number {
  return classes.reduce((total, valueClass) => {
    const members = values.filter((v) => v >= valueClass.lower && v <= valueClass.upper);
    const mean = members.reduce((sum, v) => sum + v, 0) / members.length;
    return total + members.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  }, 0);
}

/** The least possible spread, by trying every split (quadratic DP, small inputs only). */
function bestSpread(values: readonly number[], classCount: number): number {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const runCost = (first: number, last: number) =>
    spread(values, [{ lower: distinct[first]!, upper: distinct[last]!, count: 0 }]);
  const k = Math.min(classCount, distinct.length);
  let row = distinct.map((_, last) => runCost(0, last));
  for (let c = 1; c < k; c += 1) {
    row = distinct.map((_, last) => {
      let best = Number.POSITIVE_INFINITY;
      for (let first = c; first <= last; first += 1) {
        best = Math.min(best, row[first - 1]! + runCost(first, last));
      }
      return best;
    });
  }
  return row.at(-1) ?? 0;
}

describe('classify (natural breaks)', () => {
  it('gives no class for no values and one class when all values are equal', () => {
    expect(classify([])).toEqual([]);
    expect(classify(Array.from({ length: 273 }, () => 0))).toEqual([
      { lower: 0, upper: 0, count: 273 },
    ]);
  });

  it('gives one class per distinct value when there are fewer distinct values than classes', () => {
    expect(classify([2, 0, 1, 0, 2], 5)).toEqual([
      { lower: 0, upper: 0, count: 2 },
      { lower: 1, upper: 1, count: 1 },
      { lower: 2, upper: 2, count: 2 },
    ]);
  });

  it('gives the outliers of skewed counts their own classes, small counts joining the zeros', () => {
    const counts = [...Array.from({ length: 200 }, () => 0), 1, 1, 2, 3, 5, 6, 40, 45, 48, 310];
    expect(classify(counts, 5)).toEqual([
      { lower: 0, upper: 2, count: 203 },
      { lower: 3, upper: 6, count: 3 },
      { lower: 40, upper: 40, count: 1 },
      { lower: 45, upper: 48, count: 2 },
      { lower: 310, upper: 310, count: 1 },
    ]);
    // Zero in a colour of its own, as the documentation suggests: the rest in one class fewer.
    const aboveZero = classify(
      counts.filter((count) => count > 0),
      4,
    );
    expect(aboveZero.map(({ lower, upper }) => [lower, upper])).toEqual([
      [1, 6],
      [40, 40],
      [45, 48],
      [310, 310],
    ]);
  });

  it('refuses values that are not finite and class counts that are not positive whole numbers', () => {
    expect(() => classify([1, Number.NaN])).toThrow(/classify NaN/);
    expect(() => classify([1, Number.POSITIVE_INFINITY])).toThrow(/classify Infinity/);
    expect(() => classify([1], 0)).toThrow(/0 classes/);
    expect(() => classify([1], 2.5)).toThrow(/2.5 classes/);
  });

  it('places a value between two classes in the upper one and refuses values outside', () => {
    const classes = classify([0, 0, 10, 11, 100], 3);
    expect(classes.map(({ lower, upper }) => [lower, upper])).toEqual([
      [0, 0],
      [10, 11],
      [100, 100],
    ]);
    expect(classIndexOf(classes, 5)).toBe(1);
    expect(classIndexOf(classes, 11)).toBe(1);
    expect(() => classIndexOf(classes, -1)).toThrow(/below/);
    expect(() => classIndexOf(classes, 101)).toThrow(/above/);
    expect(() => classIndexOf([], 0)).toThrow(/below/);
  });

  const anyValues = fc.oneof(
    // Counts: small integers with many repeats, like reports per municipality.
    fc.array(fc.nat(30), { maxLength: 300 }),
    fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 100 }),
  );

  it('puts every value in exactly one class, with ordered, non-overlapping bounds', () => {
    fc.assert(
      fc.property(anyValues, fc.integer({ min: 1, max: 8 }), (values, classCount) => {
        const classes = classify(values, classCount);
        expect(classes).toHaveLength(Math.min(classCount, new Set(values).size));
        const bounds = classes.flatMap(({ lower, upper }) => [lower, upper]);
        bounds
          .slice(1)
          .forEach((bound, index) => expect(bound).toBeGreaterThanOrEqual(bounds[index]!));
        classes
          .slice(1)
          .forEach((valueClass, index) =>
            expect(valueClass.lower).toBeGreaterThan(classes[index]!.upper),
          );
        for (const value of values) {
          const containing = classes.filter((c) => value >= c.lower && value <= c.upper);
          expect(containing).toHaveLength(1);
          expect(classIndexOf(classes, value)).toBe(classes.indexOf(containing[0]!));
        }
        expect(classes.reduce((sum, c) => sum + c.count, 0)).toBe(values.length);
      }),
    );
  });

  it('finds the split with the least spread, like an exhaustive search', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 6 }),
        (values, classCount) => {
          const found = spread(values, classify(values, classCount));
          expect(found).toBeCloseTo(bestSpread(values, classCount), 3);
        },
      ),
    );
  });

  it('classifies all the municipalities of Italy quickly', () => {
    const rates = Array.from({ length: 7_904 }, (_, index) => ((index * 7_919) % 10_007) / 3);
    const startedAt = performance.now();
    expect(classify(rates, 5)).toHaveLength(5);
    expect(performance.now() - startedAt).toBeLessThan(500);
  });
});
