import { bandwidthPlateau, type Plateau, type SweepPoint } from "./bandwidth-plateau.ts";
import type { ResultV1 } from "./results.ts";

/** One variant's sweep at one thread count: its correct results with GB/s, as points (bytes per call, GB/s). */
export function sweepOf(results: readonly ResultV1[], bench: string, variant: string, threads: number): SweepPoint[] {
  return results
    .filter((r) => r.bench === bench && r.variant === variant && r.threads === threads && r.correctness.ok && r.gbps !== undefined)
    .map((r) => ({ bytes: r.gbps! * r.median * 1e6, gbps: r.gbps! }));
}

/** The main-memory plateau of the variant whose plateau is highest at `threads` (the machine's, not a slow loop's). */
export function mainMemoryPlateau(
  results: readonly ResultV1[],
  bench: string,
  threads: number,
): (Plateau & { variant: string }) | undefined {
  const variants = new Set(results.filter((r) => r.bench === bench && r.threads === threads).map((r) => r.variant));
  let top: (Plateau & { variant: string }) | undefined;
  for (const variant of variants) {
    const p = bandwidthPlateau(sweepOf(results, bench, variant, threads));
    if (p && (!top || p.gbps > top.gbps)) top = { ...p, variant };
  }
  return top;
}
