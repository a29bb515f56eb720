import { mainMemoryPlateau } from "../../lab/bandwidth-from-results.ts";
import type { ResultV1 } from "../../lab/results.ts";
import type { SpeedOfLight } from "../../lab/speed-of-light.ts";

/**
 * The roofline model (Williams, Waterman & Patterson, 2009) from benchmark results, as plain data:
 * a kernel that does I FLOPs per byte of memory traffic can run at most min(peak, bandwidth · I).
 * The roofs come from the two speed-of-light benchmarks (`sol` says which results are theirs); every
 * result with a byte model is a point.
 */

/** The machine's two limits at one thread count. */
export interface Roof {
  threads: number;
  /** Best GFLOP/s of the register-only probe. */
  peakGflops: number;
  /** The triad's main-memory plateau (the median past the last cache step of its best variant). */
  bandwidthGbps: number;
  /** FLOPs per byte where the roofs meet: below it a kernel is memory-bound, above it compute-bound. */
  ridge: number;
}

/** A measured kernel placed against the roofs. */
export interface KernelPoint {
  bench: string;
  variant: string;
  case: string;
  threads: number;
  /** FLOPs per byte of the benchmark's byte model. */
  intensity: number;
  gflops: number;
  /** The roof at the same thread count, when both limits were measured at it. */
  roof: Roof | undefined;
}

const best = (values: readonly number[]): number | undefined => (values.length ? Math.max(...values) : undefined);

/** Best compute-probe GFLOP/s at `threads` (of one variant, or of any). */
export function peakGflops(sol: SpeedOfLight, results: readonly ResultV1[], threads: number, variant?: string): number | undefined {
  return best(
    results
      .filter(
        (r) => r.bench === sol.peak.bench && r.threads === threads && r.correctness.ok && (variant === undefined || r.variant === variant),
      )
      .map((r) => r.gflops ?? 0),
  );
}

/** The triad's main-memory plateau at `threads`: the median GB/s past the last cache step of its best variant. */
export function bandwidthGbps(sol: SpeedOfLight, results: readonly ResultV1[], threads: number): number | undefined {
  return mainMemoryPlateau(results, sol.bandwidth.bench, threads)?.gbps;
}

/** A roof for every thread count at which both limits were measured, fewest threads first. */
export function roofs(sol: SpeedOfLight, results: readonly ResultV1[]): Roof[] {
  const counts = [...new Set(results.map((r) => r.threads))].sort((a, b) => a - b);
  return counts.flatMap((threads) => {
    const peak = peakGflops(sol, results, threads);
    const bandwidth = bandwidthGbps(sol, results, threads);
    if (!peak || !bandwidth) return [];
    return [{ threads, peakGflops: peak, bandwidthGbps: bandwidth, ridge: peak / bandwidth }];
  });
}

/** The most GFLOP/s a kernel of this intensity can reach under `roof`. */
export function attainable(roof: Roof, intensity: number): number {
  return Math.min(roof.peakGflops, roof.bandwidthGbps * intensity);
}

/** The fraction of the attainable GFLOP/s a kernel reached under `roof` (1 = on the roof). */
export function shareOfRoof(point: Pick<KernelPoint, "intensity" | "gflops">, roof: Roof): number {
  return point.gflops / attainable(roof, point.intensity);
}

/** Which roof limits a kernel of this intensity. */
export function boundBy(roof: Roof, intensity: number): "memory" | "compute" {
  return intensity < roof.ridge ? "memory" : "compute";
}

/** Every correct result that has both an intensity and a GFLOP/s figure, with its roof. */
export function kernelPoints(sol: SpeedOfLight, results: readonly ResultV1[]): KernelPoint[] {
  const byThreads = new Map(roofs(sol, results).map((r) => [r.threads, r]));
  return results.flatMap((r) =>
    r.intensity !== undefined && r.intensity > 0 && r.gflops !== undefined && r.gflops > 0 && r.correctness.ok
      ? [
          {
            bench: r.bench,
            variant: r.variant,
            case: r.case,
            threads: r.threads,
            intensity: r.intensity,
            gflops: r.gflops,
            roof: byThreads.get(r.threads),
          },
        ]
      : [],
  );
}

/**
 * The roof as a polyline over [xMin, xMax] (log axes): the slanted memory roof up to the ridge,
 * then the flat compute roof.
 */
export function roofLine(roof: Roof, xMin: number, xMax: number): { x: number; y: number }[] {
  if (!(xMin > 0 && xMax > xMin)) throw new RangeError(`invalid x range: ${xMin}..${xMax} (expected 0 < xMin < xMax)`);
  const ridge = Math.min(Math.max(roof.ridge, xMin), xMax);
  const at = (x: number) => ({ x, y: attainable(roof, x) });
  return [at(xMin), at(ridge), at(xMax)];
}

/** An x range (FLOP/byte) spanning every point and ridge, widened by `margin`× each side. */
export function intensityRange(points: readonly KernelPoint[], roofList: readonly Roof[], margin = 2): [number, number] {
  const xs = [...points.map((p) => p.intensity), ...roofList.map((r) => r.ridge)];
  if (xs.length === 0) return [0.1, 100];
  return [Math.min(...xs) / margin, Math.max(...xs) * margin];
}
