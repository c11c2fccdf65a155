/**
 * A small deterministic generator (mulberry32) of unsigned 32-bit integers, so a generated data
 * set or attack is the same run after run and a failure can be repeated.
 */
export function seededIntegers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** The same, as numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  const next = seededIntegers(seed);
  return () => next() / 4294967296;
}
