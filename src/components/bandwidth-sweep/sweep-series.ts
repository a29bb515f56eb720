import { mainMemoryPlateau, sweepOf } from "../../lab/bandwidth-from-results.ts";
import { bandwidthPlateau, type Plateau, type SweepPoint } from "../../lab/bandwidth-plateau.ts";
import type { ResultV1 } from "../../lab/results.ts";

/** One curve of the sweep chart: a variant at a thread count, with its plateau. */
export interface SweepSeries {
  variant: string;
  threads: number;
  points: SweepPoint[];
  plateau: Plateau;
}

/** Every variant × thread count of `bench` in the run that has a sweep, fewest threads first. */
export function sweepSeries(results: readonly ResultV1[], bench: string): SweepSeries[] {
  const keys = new Map<string, { variant: string; threads: number }>();
  for (const r of results) if (r.bench === bench) keys.set(`${r.variant}@${r.threads}`, { variant: r.variant, threads: r.threads });
  return [...keys.values()]
    .flatMap(({ variant, threads }) => {
      const points = sweepOf(results, bench, variant, threads).sort((a, b) => a.bytes - b.bytes);
      const plateau = bandwidthPlateau(points);
      return plateau ? [{ variant, threads, points, plateau }] : [];
    })
    .sort((a, b) => a.threads - b.threads);
}

/** The highest main-memory plateau over every thread count measured, and its thread count. */
export function bestPlateau(results: readonly ResultV1[], bench: string): { gbps: number; threads: number } | undefined {
  const counts = [...new Set(results.filter((r) => r.bench === bench).map((r) => r.threads))];
  let best: { gbps: number; threads: number } | undefined;
  for (const threads of counts) {
    const p = mainMemoryPlateau(results, bench, threads);
    if (p && (!best || p.gbps > best.gbps)) best = { gbps: p.gbps, threads };
  }
  return best;
}
