import { chunkOfVariant, LOOP_VARIANT } from "../../lab/benchmarks/pool-map-images.ts";
import type { ResultV1 } from "../../lab/results.ts";

/** One measured pool run: a batch, a thread count, a chunk size, and its median time. */
export interface ChunkPoint {
  batch: string;
  series: string;
  chunk: number;
  ms: number;
}

/** The one-thread loop's time on a batch: the line a pool has to get under. */
export interface LoopLine {
  batch: string;
  ms: number;
}

/**
 * The pool-map-images results of a run as a curve per batch and thread count over the chunk
 * size, and the plain loop of each batch; incorrect results are left out (a wrong answer has no
 * time worth drawing).
 */
export function chunkCurve(results: readonly ResultV1[], bench: string): { points: ChunkPoint[]; loops: LoopLine[] } {
  const ours = results.filter((r) => r.bench === bench && r.correctness.ok);
  const points = ours.flatMap((r) => {
    const chunk = chunkOfVariant(r.variant);
    if (chunk === undefined) return [];
    return [{ batch: r.case, series: `${r.threads} thread${r.threads === 1 ? "" : "s"}`, chunk, ms: r.median }];
  });
  const loops = ours.filter((r) => r.variant === LOOP_VARIANT).map((r) => ({ batch: r.case, ms: r.median }));
  return { points: points.sort((a, b) => a.chunk - b.chunk), loops };
}
