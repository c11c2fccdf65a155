/**
 * Cell-key perturbation of the counts staff see (the method of the Australian Bureau of
 * Statistics' TableBuilder and of the ONS's census tables): suppression protects each table
 * and its totals, but staff may ask any filter and any period, and two protected answers can
 * be subtracted (January–December against January–November, a ground with and without one
 * municipality) to isolate a few cases. So every count staff see, once suppression has
 * decided what is shown, is moved by a small amount that depends only on which cases it
 * counts:
 *
 * - every case holds a random record key (`cases.stats_key`, uniform in [0, 2³¹), never shown);
 * - a count's cell key is the sum of its cases' keys modulo 2³¹, uniform whatever the cases;
 * - the change is read from the cell key with fixed weights (`CHANGE_WEIGHTS`): most counts
 *   move by 0 or 1, few by 2, never more.
 *
 * The same cases always give the same figure, however the question is put, so asking again
 * averages nothing away; two different sets of cases get independent changes, so the
 * difference of two answers is the difference of the true counts plus up to ±4 unknown. A
 * shown count never falls below the threshold (a shown figure is 0 or at least k, as with
 * suppression alone) and zeros stay exact: a zero counts no case. Suppression is decided on
 * the true counts first, so a hidden count is hidden exactly as before.
 *
 * Public figures are not perturbed: they are fixed calendar-year releases that cannot be
 * subtracted from one another (`releases.ts`), and a city publishes them as exact.
 */
import {
  protectCount,
  type CountTable,
  type ProtectedCount,
  type ProtectedTable,
} from './disclosure.ts';

/** How figures leave the case team: their threshold, and whether they are perturbed. */
export interface Disclosure {
  threshold: number;
  /** Staff's free queries are perturbed; public releases are not. */
  perturbed: boolean;
}

/** Record keys and cell keys are integers in [0, KEY_MODULUS). */
export const KEY_MODULUS = 2 ** 31;

/**
 * The largest change any shown count gets. The notes that explain it to readers say "at most
 * 2" in words (`stats.export.perturbation`, `bo.stats.perturbationNote`,
 * `public.data.report.internal.perturbation`): change them with it.
 */
export const MAX_PERTURBATION = 2;

/** Relative weights of each change, for a count far enough above the threshold. */
const CHANGE_WEIGHTS: readonly (readonly [change: number, weight: number])[] = [
  [-2, 1],
  [-1, 5],
  [0, 8],
  [1, 5],
  [2, 1],
];

/** The sum of two keys (cell keys of disjoint sets of cases), modulo the key range. */
export function addKeys(a: number, b: number): number {
  return (a + b) % KEY_MODULUS;
}

/** The key of the cases of `a` not in `b`, when `b` is a subset of `a`. */
export function subtractKeys(a: number, b: number): number {
  return (((a - b) % KEY_MODULUS) + KEY_MODULUS) % KEY_MODULUS;
}

/**
 * The change a count of `count` cases with cell key `cellKey` gets. Counts below the threshold
 * are not changed (0 is exact; 1 to k − 1 are hidden anyway). Near the threshold only the
 * changes that keep the count at k or above are drawn, their weights kept in proportion, so a
 * shown k may be k, k + 1 or k + 2 cases.
 */
export function perturbation(count: number, cellKey: number, threshold: number): number {
  if (!Number.isInteger(cellKey) || cellKey < 0 || cellKey >= KEY_MODULUS) {
    throw new RangeError(`not a cell key: ${cellKey}`);
  }
  if (count === 0 || count < threshold) return 0;
  const allowed = CHANGE_WEIGHTS.filter(([change]) => count + change >= threshold);
  const totalWeight = allowed.reduce((sum, [, weight]) => sum + weight, 0);
  let position = (cellKey / KEY_MODULUS) * totalWeight;
  for (const [change, weight] of allowed) {
    if (position < weight) return change;
    position -= weight;
  }
  return allowed.at(-1)![0];
}

/** A protected count as staff see it: the shown value moved, a hidden one left hidden. */
export function perturbCount(
  count: ProtectedCount,
  cellKey: number,
  threshold: number,
): ProtectedCount {
  if (count.value === null || count.suppressed !== null) return count;
  return { value: count.value + perturbation(count.value, cellKey, threshold), suppressed: null };
}

/** A count published alone, protected and, for staff, perturbed with its cases' key. */
export function discloseCount(count: number, cellKey: number, disclosure: Disclosure) {
  const shown = protectCount(count, disclosure.threshold);
  return disclosure.perturbed ? perturbCount(shown, cellKey, disclosure.threshold) : shown;
}

/** Cell keys laid out as the table of counts they belong to. */
export type CellKeyTable = CountTable;

/** Every shown count of a protected table perturbed with the cell key at its place. */
export function perturbTable(
  table: ProtectedTable,
  keys: CellKeyTable,
  threshold: number,
): ProtectedTable {
  return {
    cells: table.cells.map((row, r) =>
      row.map((count, c) => perturbCount(count, keys.cells[r]![c]!, threshold)),
    ),
    rowTotals: table.rowTotals.map((count, r) =>
      perturbCount(count, keys.rowTotals[r]!, threshold),
    ),
    columnTotals: table.columnTotals.map((count, c) =>
      perturbCount(count, keys.columnTotals[c]!, threshold),
    ),
    grandTotal: perturbCount(table.grandTotal, keys.grandTotal, threshold),
  };
}
