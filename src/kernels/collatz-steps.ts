/**
 * The GIL chapter's loop in JavaScript: the same arithmetic as `collatz_steps` in
 * python/everycore/gil.py, so its total is the reference every Python result is checked against,
 * and its time shows what a JIT makes of the loop an interpreter walks one bytecode at a time.
 */

/** Every n in range(start, stop, step), as Python's range spells it. */
export interface Slice {
  start: number;
  stop: number;
  step: number;
}

/** Total Collatz steps to reach 1 of every n in the slice. Trajectories below the race's limit (200 000) stay far below 2⁵³. */
export function collatzSteps({ start, stop, step }: Slice): number {
  if (!Number.isSafeInteger(start) || start < 1) throw new RangeError(`start must be a whole number ≥ 1, got ${start}`);
  if (!Number.isSafeInteger(step) || step < 1) throw new RangeError(`step must be a whole number ≥ 1, got ${step}`);
  let total = 0;
  for (let n = start; n < stop; n += step) {
    for (let m = n; m !== 1; total++) m = m % 2 === 0 ? m / 2 : 3 * m + 1;
  }
  return total;
}

/** The whole range 1 ≤ n < limit, for one interpreter. */
export function wholeRange(limit: number): Slice {
  return { start: 1, stop: limit, step: 1 };
}
