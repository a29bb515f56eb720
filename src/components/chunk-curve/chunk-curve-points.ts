import type { Benchmark } from "../../lab/benchmark.ts";
import type { ResultV1 } from "../../lab/results.ts";

/** Which variants of a Pool.map-style benchmark are which: rendered by the server into the island. */
export interface ChunkVariants {
  bench: string;
  /** The plain loop on one thread. */
  loop: string;
  /** Images per claim of each pool variant, by variant id. */
  chunks: Readonly<Record<string, number>>;
}

/** The ChunkVariants of `bench`, on the server, from its declaration's `loop` and `chunkOf`. */
export function chunkVariants(
  bench: Pick<Benchmark, "id" | "variants">,
  loop: string,
  chunkOf: (variant: string) => number | undefined,
): ChunkVariants {
  const chunks = bench.variants.flatMap((v) => {
    const chunk = chunkOf(v.id);
    return chunk === undefined ? [] : [[v.id, chunk] as const];
  });
  return { bench: bench.id, loop, chunks: Object.fromEntries(chunks) };
}

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
export function chunkCurve(
  results: readonly ResultV1[],
  { bench, loop, chunks }: ChunkVariants,
): { points: ChunkPoint[]; loops: LoopLine[] } {
  const ours = results.filter((r) => r.bench === bench && r.correctness.ok);
  const points = ours.flatMap((r) => {
    const chunk = Object.hasOwn(chunks, r.variant) ? chunks[r.variant] : undefined;
    if (chunk === undefined) return [];
    return [{ batch: r.case, series: `${r.threads} thread${r.threads === 1 ? "" : "s"}`, chunk, ms: r.median }];
  });
  const loops = ours.filter((r) => r.variant === loop).map((r) => ({ batch: r.case, ms: r.median }));
  return { points: points.sort((a, b) => a.chunk - b.chunk), loops };
}
