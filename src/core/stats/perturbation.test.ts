import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addKeys,
  discloseCount,
  KEY_MODULUS,
  MAX_PERTURBATION,
  perturbation,
  perturbCount,
  perturbTable,
  subtractKeys,
} from './perturbation.ts';
import { seededIntegers } from '../../../test/helpers/seeded-random.ts';

const key = fc.integer({ min: 0, max: KEY_MODULUS - 1 });

const changesSeen = new Map<string, Set<number>>();

/** Every change a count can get, found by trying keys spread over the whole range. */
function possibleChanges(count: number, threshold: number): Set<number> {
  const known = changesSeen.get(`${count}/${threshold}`);
  if (known) return known;
  const changes = new Set<number>();
  changesSeen.set(`${count}/${threshold}`, changes);
  for (let step = 0; step < 1000; step += 1) {
    changes.add(perturbation(count, Math.floor((step / 1000) * KEY_MODULUS), threshold));
  }
  return changes;
}

/** The true counts a shown value could have come from. */
function possibleTruths(shown: number, threshold: number): number[] {
  const truths: number[] = [];
  for (let n = shown - MAX_PERTURBATION; n <= shown + MAX_PERTURBATION; n += 1) {
    if (n >= threshold && possibleChanges(n, threshold).has(shown - n)) truths.push(n);
  }
  return truths;
}

describe('cell-key perturbation', () => {
  it('moves a shown count by at most 2, never below the threshold, and leaves 0 exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        key,
        fc.integer({ min: 1, max: 20 }),
        (n, k, t) => {
          const change = perturbation(n, k, t);
          expect(Math.abs(change)).toBeLessThanOrEqual(MAX_PERTURBATION);
          if (n < t) expect(change).toBe(0);
          else expect(n + change).toBeGreaterThanOrEqual(t);
          // The same cases (same count, same key) always give the same figure.
          expect(perturbation(n, k, t)).toBe(change);
        },
      ),
    );
  });

  it('draws the changes with the stated weights, centred on 0 away from the threshold', () => {
    const tally = new Map<number, number>();
    const draws = 20_000;
    for (let step = 0; step < draws; step += 1) {
      const change = perturbation(50, Math.floor((step / draws) * KEY_MODULUS), 5);
      tally.set(change, (tally.get(change) ?? 0) + 1);
    }
    expect([...tally.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(tally.get(0)! / draws).toBeCloseTo(0.4, 2);
    expect(tally.get(1)! / draws).toBeCloseTo(0.25, 2);
    expect(tally.get(-2)! / draws).toBeCloseTo(0.05, 2);
    const mean = [...tally].reduce((sum, [change, times]) => sum + change * times, 0) / draws;
    expect(Math.abs(mean)).toBeLessThan(0.01);
  });

  it('leaves every shown value at least three true counts it could have come from', () => {
    for (const threshold of [1, 3, 5, 10]) {
      for (let shown = threshold; shown < threshold + 40; shown += 1) {
        expect(
          possibleTruths(shown, threshold).length,
          `${shown} at k = ${threshold}`,
        ).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('keeps hidden counts hidden and perturbs every shown count of a table with its own key', () => {
    const shown = (value: number) => ({ value, suppressed: null });
    const hidden = { value: null, suppressed: 'primary' as const };
    expect(perturbCount(hidden, 12345, 5)).toBe(hidden);
    expect(perturbCount(shown(0), 12345, 5)).toEqual(shown(0));
    // Keys that draw each change (the weights cut [0, 1) at .05, .30, .70, .95).
    const drawing = (change: -2 | -1 | 0 | 1 | 2) =>
      Math.floor({ '-2': 0.01, '-1': 0.2, '0': 0.5, '1': 0.8, '2': 0.97 }[change] * KEY_MODULUS);
    const table = perturbTable(
      {
        cells: [
          [shown(40), hidden],
          [shown(30), shown(12)],
        ],
        rowTotals: [shown(43), shown(42)],
        columnTotals: [shown(70), hidden],
        grandTotal: shown(85),
      },
      {
        cells: [
          [drawing(-2), drawing(0)],
          [drawing(1), drawing(-1)],
        ],
        rowTotals: [drawing(2), drawing(0)],
        columnTotals: [drawing(-1), drawing(1)],
        grandTotal: drawing(1),
      },
      5,
    );
    expect(table).toEqual({
      cells: [
        [shown(38), hidden],
        [shown(31), shown(11)],
      ],
      rowTotals: [shown(45), shown(42)],
      columnTotals: [shown(69), hidden],
      grandTotal: shown(86),
    });
  });

  it('discloses a lone count exactly to the public and perturbed to staff, small ones hidden', () => {
    const key = Math.floor(0.97 * KEY_MODULUS); // draws +2
    expect(discloseCount(40, key, { threshold: 5, perturbed: false })).toEqual({
      value: 40,
      suppressed: null,
    });
    expect(discloseCount(40, key, { threshold: 5, perturbed: true })).toEqual({
      value: 42,
      suppressed: null,
    });
    expect(discloseCount(3, key, { threshold: 5, perturbed: true })).toEqual({
      value: null,
      suppressed: 'primary',
    });
  });

  it('adds and subtracts cell keys as sets of cases are joined and split', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 50 }), fc.nat(), (keys, at) => {
        const split = at % keys.length;
        const sum = (list: number[]) => list.reduce(addKeys, 0);
        const whole = sum(keys);
        expect(subtractKeys(whole, sum(keys.slice(0, split)))).toBe(sum(keys.slice(split)));
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThan(KEY_MODULUS);
      }),
    );
  });

  it('does not give away the few cases two answers differ by', () => {
    // The attack suppression alone cannot stop: ask for a set of cases (Q, at least k) and the
    // same set with a few more (P = Q + m cases, 0 < m < k, a count hidden elsewhere), and
    // subtract. The attacker knows the method and the weights, not the keys.
    const threshold = 5;
    const next = seededIntegers(11);
    const randomKey = () => next() % KEY_MODULUS;
    let exact = 0;
    let guessedRight = 0;
    const attacks = 4_000;
    for (let attack = 0; attack < attacks; attack += 1) {
      const smaller = threshold + (next() % 60);
      const hiddenCount = 1 + (next() % (threshold - 1));
      const smallerKeys = Array.from({ length: smaller }, randomKey);
      const extraKeys = Array.from({ length: hiddenCount }, randomKey);
      const keyQ = smallerKeys.reduce(addKeys, 0);
      const keyP = extraKeys.reduce(addKeys, keyQ);
      const shownQ = smaller + perturbation(smaller, keyQ, threshold);
      const shownP = smaller + hiddenCount + perturbation(smaller + hiddenCount, keyP, threshold);
      // Every hidden count from 1 to k − 1 that both shown values allow.
      const candidates = new Set<number>();
      for (const truthQ of possibleTruths(shownQ, threshold)) {
        for (const truthP of possibleTruths(shownP, threshold)) {
          const difference = truthP - truthQ;
          if (difference >= 1 && difference < threshold) candidates.add(difference);
        }
      }
      expect(candidates.has(hiddenCount)).toBe(true);
      if (candidates.size === 1) exact += 1;
      const guess = Math.min(threshold - 1, Math.max(1, shownP - shownQ));
      if (guess === hiddenCount) guessedRight += 1;
    }
    // Pinned down only when both changes fall at opposite extremes (a few in a thousand)…
    expect(exact / attacks).toBeLessThan(0.01);
    // …and the attacker's best single guess is wrong more often than right.
    expect(guessedRight / attacks).toBeLessThan(0.5);
  });

  it('leaves the few cases uncertain against an exact public figure too', () => {
    // Staff can also read the exact released figure of a year (P) and ask a perturbed
    // question that lacks a few of its cases (Q): only one change to see through.
    const threshold = 5;
    const next = seededIntegers(12);
    let exact = 0;
    const attacks = 4_000;
    for (let attack = 0; attack < attacks; attack += 1) {
      const smaller = threshold + (next() % 60);
      const hiddenCount = 1 + (next() % (threshold - 1));
      const keyQ = Array.from({ length: smaller }, () => next() % KEY_MODULUS).reduce(addKeys, 0);
      const shownQ = smaller + perturbation(smaller, keyQ, threshold);
      const candidates = possibleTruths(shownQ, threshold)
        .map((truthQ) => smaller + hiddenCount - truthQ)
        .filter((difference) => difference >= 1 && difference < threshold);
      expect(candidates).toContain(hiddenCount);
      if (candidates.length === 1) exact += 1;
    }
    // Pinned down when the one change is at an extreme and the count at an end of 1…k − 1.
    expect(exact / attacks).toBeLessThan(0.05);
  });
});
