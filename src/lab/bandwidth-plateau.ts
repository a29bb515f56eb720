/**
 * Reading a bandwidth-against-size sweep (the STREAM triad from 32 KiB upward): each cache level
 * the working set outgrows shows as a step down, and what is left after the last step is main
 * memory. Pure functions over plain points, shared by the runner's consumers (roofline, machine
 * panel, sweep chart, scaling model) so they all call the same figure "main memory".
 */

/** One size of the sweep: the working set (all arrays, bytes) and the GB/s measured on it. */
export interface SweepPoint {
  bytes: number;
  gbps: number;
}

/**
 * A step is a fall of at least a quarter from one size to the next: a working set spilling from
 * one cache level into the next slower one costs more than that on every CPU we know (L1 → L2,
 * L2 → L3, L3 → DRAM are each ≥ 1.5× apart in bandwidth), while run-to-run noise on a quiet
 * machine stays well under it.
 */
export const STEP_DROP = 0.75;

/** The points sorted by size, smallest first (only finite, positive GB/s). */
function sorted(points: readonly SweepPoint[]): SweepPoint[] {
  return points.filter((p) => p.gbps > 0 && Number.isFinite(p.gbps)).sort((a, b) => a.bytes - b.bytes);
}

/** Indices (into the size-sorted points) where a step lands: each is the first point of a slower level. */
export function cacheSteps(points: readonly SweepPoint[]): number[] {
  const s = sorted(points);
  return s.flatMap((p, i) => (i > 0 && p.gbps < STEP_DROP * s[i - 1]!.gbps ? [i] : []));
}

export interface Plateau {
  /** Median GB/s of the points past the last step. */
  gbps: number;
  /** The points it is the median of. */
  points: SweepPoint[];
  /** Steps found below it; 0 means the sweep never left one level, so it may not be main memory. */
  steps: number;
}

/**
 * "Main memory": the median GB/s of the points from the last step on (the median, so one noisy
 * size does not move it). Undefined for an empty sweep.
 */
export function bandwidthPlateau(points: readonly SweepPoint[]): Plateau | undefined {
  const s = sorted(points);
  if (s.length === 0) return undefined;
  const steps = cacheSteps(s);
  const tail = s.slice(steps.at(-1) ?? 0);
  const values = tail.map((p) => p.gbps).sort((a, b) => a - b);
  const mid = values.length >> 1;
  const gbps = values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  return { gbps, points: tail, steps: steps.length };
}
