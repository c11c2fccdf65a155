/**
 * Intersectional analysis: how many cases involve one ground, several, or none yet, and which
 * combinations of grounds occur most. Every case is counted once: in exactly one of single,
 * multiple and not classified, and in at most one combination.
 */
import { protectBreakdown, type ProtectedCount } from './disclosure.ts';
import { addKeys, perturbCount, subtractKeys, type Disclosure } from './perturbation.ts';

export interface GroundGroup {
  /** The distinct top-level grounds of these cases. */
  grounds: readonly string[];
  count: number;
  /** The sum of these cases' record keys (`perturbation.ts`). */
  key: number;
}

type Split = 'total' | 'single' | 'multiple' | 'notClassified';

export interface GroundCombinationCounts {
  total: number;
  single: number;
  multiple: number;
  notClassified: number;
  /** The cell key of each count of the split. */
  keys: Record<Split, number>;
  /** Combinations of two or more grounds (sorted codes) with their counts. */
  combinations: Map<string, { grounds: string[]; count: number; key: number }>;
}

export function countGroundCombinations(groups: readonly GroundGroup[]): GroundCombinationCounts {
  const counts: GroundCombinationCounts = {
    total: 0,
    single: 0,
    multiple: 0,
    notClassified: 0,
    keys: { total: 0, single: 0, multiple: 0, notClassified: 0 },
    combinations: new Map(),
  };
  const tally = (split: Split, group: GroundGroup) => {
    counts[split] += group.count;
    counts.keys[split] = addKeys(counts.keys[split], group.key);
  };
  for (const group of groups) {
    tally('total', group);
    const grounds = [...new Set(group.grounds)].sort();
    if (grounds.length === 0) tally('notClassified', group);
    else if (grounds.length === 1) tally('single', group);
    else {
      tally('multiple', group);
      const combination = grounds.join('+');
      const entry = counts.combinations.get(combination) ?? { grounds, count: 0, key: 0 };
      entry.count += group.count;
      entry.key = addKeys(entry.key, group.key);
      counts.combinations.set(combination, entry);
    }
  }
  return counts;
}

export interface ProtectedIntersectional {
  total: ProtectedCount;
  single: ProtectedCount;
  multiple: ProtectedCount;
  notClassified: ProtectedCount;
  combinations: { grounds: string[]; count: ProtectedCount }[];
  otherCombinations: ProtectedCount;
}

/**
 * Publishes the split and the most frequent combinations (at most `listed`, each at least the
 * threshold); every other combination goes together into "other combinations". The
 * combinations are a breakdown of the multiple-grounds count, so when the split hides that
 * count none is listed.
 */
export function protectIntersectional(
  counts: GroundCombinationCounts,
  threshold: number,
  listed = 10,
): ProtectedIntersectional {
  const split = protectBreakdown(
    [counts.single, counts.multiple, counts.notClassified],
    counts.total,
    threshold,
  );
  // When the split hides the multiple-grounds count, any published combination would narrow
  // what it can be (a hidden count is at least 1): then no combination is listed.
  if (split.counts[1]!.value === null) {
    return {
      total: split.total,
      single: split.counts[0]!,
      multiple: split.counts[1]!,
      notClassified: split.counts[2]!,
      combinations: [],
      otherCombinations: { value: null, suppressed: 'secondary' },
    };
  }
  const ranked = [...counts.combinations.values()].sort(
    (a, b) => b.count - a.count || a.grounds.join('+').localeCompare(b.grounds.join('+')),
  );
  const shown = ranked.filter((entry) => entry.count >= threshold).slice(0, listed);
  const other = counts.multiple - shown.reduce((sum, entry) => sum + entry.count, 0);
  const detail = protectBreakdown(
    [...shown.map((entry) => entry.count), other],
    counts.multiple,
    threshold,
  );
  return {
    total: split.total,
    single: split.counts[0]!,
    multiple: split.counts[1]!,
    notClassified: split.counts[2]!,
    combinations: shown.map((entry, index) => ({
      grounds: entry.grounds,
      count: detail.counts[index]!,
    })),
    otherCombinations: detail.counts.at(-1)!,
  };
}

/**
 * The split and the combinations as staff see them: each shown count perturbed with the key of
 * the cases it counts (`perturbation.ts`). "Other combinations" counts the multiple-grounds
 * cases of no listed combination, so its key is the multiple count's less theirs. The listed
 * combinations are ordered again by the figures shown: kept in the order of their true counts,
 * they would tell which of two close figures is really the larger.
 */
export function perturbIntersectional(
  result: ProtectedIntersectional,
  counts: GroundCombinationCounts,
  threshold: number,
): ProtectedIntersectional {
  const keyOf = (grounds: readonly string[]) =>
    counts.combinations.get([...grounds].sort().join('+'))?.key ?? 0;
  const listedKeys = result.combinations.reduce(
    (sum, entry) => addKeys(sum, keyOf(entry.grounds)),
    0,
  );
  return {
    total: perturbCount(result.total, counts.keys.total, threshold),
    single: perturbCount(result.single, counts.keys.single, threshold),
    multiple: perturbCount(result.multiple, counts.keys.multiple, threshold),
    notClassified: perturbCount(result.notClassified, counts.keys.notClassified, threshold),
    combinations: result.combinations
      .map((entry) => ({
        grounds: entry.grounds,
        count: perturbCount(entry.count, keyOf(entry.grounds), threshold),
      }))
      .sort(
        (a, b) =>
          (b.count.value ?? 0) - (a.count.value ?? 0) ||
          a.grounds.join('+').localeCompare(b.grounds.join('+')),
      ),
    otherCombinations: perturbCount(
      result.otherCombinations,
      subtractKeys(counts.keys.multiple, listedKeys),
      threshold,
    ),
  };
}

/** The split and the combinations as they leave the case team: protected, perturbed for staff. */
export function discloseIntersectional(
  counts: GroundCombinationCounts,
  disclosure: Disclosure,
): ProtectedIntersectional {
  const shown = protectIntersectional(counts, disclosure.threshold);
  return disclosure.perturbed ? perturbIntersectional(shown, counts, disclosure.threshold) : shown;
}
