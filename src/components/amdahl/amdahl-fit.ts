/**
 * Amdahl's law: a job whose serial fraction s (of its 1-thread time) cannot be split runs at most
 * 1 / (s + (1 − s) / n) times faster on n threads, and never more than 1 / s times however many.
 */
export function amdahlSpeedup(serialFraction: number, threads: number): number {
  if (!(serialFraction >= 0 && serialFraction <= 1)) throw new RangeError(`invalid serialFraction: ${serialFraction} (expected 0 … 1)`);
  if (!(threads >= 1)) throw new RangeError(`invalid threads: ${threads} (expected ≥ 1)`);
  return 1 / (serialFraction + (1 - serialFraction) / threads);
}

export interface SpeedupPoint {
  threads: number;
  speedup: number;
}

/**
 * The serial fraction that best explains measured speedups: the law rearranged is
 * 1/S − 1/n = s·(1 − 1/n), a line through the origin, fitted by least squares over the points with
 * n > 1 and clamped to [0, 1] (noise can push a near-perfect speedup past n, or a slowdown past 1).
 * Undefined when no point has more than one thread.
 */
export function fitSerialFraction(points: readonly SpeedupPoint[]): number | undefined {
  let xy = 0;
  let xx = 0;
  for (const { threads, speedup } of points) {
    if (!(threads > 1) || !(speedup > 0)) continue;
    const x = 1 - 1 / threads;
    xy += x * (1 / speedup - 1 / threads);
    xx += x * x;
  }
  if (xx === 0) return undefined;
  return Math.min(1, Math.max(0, xy / xx));
}
