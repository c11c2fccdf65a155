/** A class of values: every value from `lower` to `upper`, both included. */
export interface ValueClass {
  lower: number;
  upper: number;
  /** How many of the classified values fall in it. */
  count: number;
}

/**
 * Splits values into at most `classCount` classes by natural breaks (Jenks): the optimal
 * grouping that minimises the spread of values within each class (Fisher's exact algorithm,
 * i.e. one-dimensional k-means, solved by dynamic programming).
 *
 * Why natural breaks rather than quantiles: counts of reports per municipality are skewed, with
 * many zeros and a few cities far above the rest. Quantiles would give each colour the same
 * number of municipalities, so most classes would share the value 0 and collapse into one;
 * natural breaks give the large values their own classes. Zero is not special to them: with
 * many zeros, small counts join the zero class. To show "no reports" in a colour of its own,
 * classify only the values above zero into one class fewer.
 *
 * The classes are ordered, disjoint and built from the values themselves: each `lower` and
 * `upper` is one of the values, and `upper` of a class is less than `lower` of the next. There
 * are fewer classes than asked when there are fewer distinct values (all zeros give one class),
 * and none for no values. Non-finite values are refused: a rate divided by a zero population is
 * a bug upstream, not a class.
 */
export function classify(values: readonly number[], classCount = 5): ValueClass[] {
  if (!Number.isInteger(classCount) || classCount < 1) {
    throw new Error(`Cannot classify into ${classCount} classes`);
  }
  for (const value of values) {
    if (!Number.isFinite(value)) throw new Error(`Cannot classify ${value}`);
  }
  const { distinct, weights } = distinctWithWeights(values);
  const ranges = optimalRanges(distinct, weights, Math.min(classCount, distinct.length));
  return ranges.map(([first, last]) => ({
    lower: distinct[first]!,
    upper: distinct[last]!,
    count: weights.slice(first, last + 1).reduce((sum, weight) => sum + weight, 0),
  }));
}

/**
 * Index of the class a value belongs to. A value between two classes (possible only for a value
 * that was not classified) goes to the upper one; a value outside all classes is refused.
 */
export function classIndexOf(classes: readonly ValueClass[], value: number): number {
  const first = classes[0];
  if (first === undefined || !(value >= first.lower)) {
    throw new Error(`${value} is below every class`);
  }
  const index = classes.findIndex((valueClass) => value <= valueClass.upper);
  if (index === -1) throw new Error(`${value} is above every class`);
  return index;
}

function distinctWithWeights(values: readonly number[]): { distinct: number[]; weights: number[] } {
  const sorted = [...values].sort((a, b) => a - b);
  const distinct: number[] = [];
  const weights: number[] = [];
  for (const value of sorted) {
    if (distinct.at(-1) === value) weights[weights.length - 1]! += 1;
    else {
      distinct.push(value);
      weights.push(1);
    }
  }
  return { distinct, weights };
}

/**
 * Splits the sorted distinct values into `classCount` runs `[first, last]` (indices, inclusive)
 * minimising the weighted sum of squared deviations from each run's mean.
 *
 * The best start of the last run never moves left as the end moves right (the cost has the
 * Monge property), so each row of the table is filled by divide and conquer: O(k·n·log n)
 * instead of O(k·n²), which keeps a map of all 7,900 Italian municipalities instant.
 */
function optimalRanges(
  distinct: readonly number[],
  weights: readonly number[],
  classCount: number,
): [number, number][] {
  const size = distinct.length;
  if (classCount === 0) return [];
  const cost = rangeCost(distinct, weights);
  // best[c][j]: least cost of values 0..j in c+1 classes; start[c][j]: where its last class starts.
  const best = [Float64Array.from({ length: size }, (_, last) => cost(0, last))];
  const start = [new Int32Array(size)];
  for (let row = 1; row < classCount; row += 1) {
    const previous = best[row - 1]!;
    const rowBest = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
    const rowStart = new Int32Array(size);
    const fill = (low: number, high: number, startLow: number, startHigh: number): void => {
      if (low > high) return;
      const middle = (low + high) >> 1;
      let bestStart = Math.max(row, startLow);
      for (let first = bestStart; first <= Math.min(middle, startHigh); first += 1) {
        const total = previous[first - 1]! + cost(first, middle);
        if (total < rowBest[middle]!) {
          rowBest[middle] = total;
          bestStart = first;
        }
      }
      rowStart[middle] = bestStart;
      fill(low, middle - 1, startLow, bestStart);
      fill(middle + 1, high, bestStart, startHigh);
    };
    fill(row, size - 1, row, size - 1);
    best.push(rowBest);
    start.push(rowStart);
  }
  const ranges: [number, number][] = [];
  let last = size - 1;
  for (let row = classCount - 1; row >= 0; row -= 1) {
    const first = row === 0 ? 0 : start[row]![last]!;
    ranges.unshift([first, last]);
    last = first - 1;
  }
  return ranges;
}

/** Weighted sum of squared deviations of values first..last, from prefix sums. */
function rangeCost(
  distinct: readonly number[],
  weights: readonly number[],
): (first: number, last: number) => number {
  // Centring on the mean keeps the squares small, so the subtraction below loses no precision.
  const centre = distinct.reduce((sum, value) => sum + value, 0) / distinct.length;
  const weightSums = [0];
  const sums = [0];
  const squareSums = [0];
  distinct.forEach((value, index) => {
    const weight = weights[index]!;
    const centred = value - centre;
    weightSums.push(weightSums[index]! + weight);
    sums.push(sums[index]! + weight * centred);
    squareSums.push(squareSums[index]! + weight * centred * centred);
  });
  return (first, last) => {
    const weight = weightSums[last + 1]! - weightSums[first]!;
    const sum = sums[last + 1]! - sums[first]!;
    const squares = squareSums[last + 1]! - squareSums[first]!;
    return Math.max(0, squares - (sum * sum) / weight);
  };
}
