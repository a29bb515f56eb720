import type { GemmThresholds } from "../../kernels/gemm-dispatch.ts";
import type { ResultV1 } from "../../lab/results.ts";

/** The gemm-dispatch variants, by the backend each one forces. */
export const BACKEND_VARIANTS = {
  ts: "gemm-f32-ikj-ts",
  simd: "gemm-f32-6x8-packed-wasmrelaxedsimd",
  threads: "gemm-f32-6x8-packed-wasmrelaxedsimd-threads",
  dispatch: "gemm-f32-dispatch",
} as const;

export type Column = keyof typeof BACKEND_VARIANTS;

/** One size of the run: median ms of each backend (threaded ones at the most threads measured). */
export interface SizeRow {
  label: string;
  /** m·n·k: the dispatcher's measure of size. */
  work: number;
  ms: Partial<Record<Column, number>>;
  /** Threads of the threaded and dispatcher columns. */
  threads: number;
  /** Median ms of the threaded backend at each thread count measured above one. */
  pool: Partial<Record<number, number>>;
}

/** The run's medians by size, smallest first, each threaded variant at its highest thread count. */
export function sizeRows(results: readonly ResultV1[]): SizeRow[] {
  const rows = new Map<string, SizeRow>();
  for (const r of results) {
    const column = (Object.keys(BACKEND_VARIANTS) as Column[]).find((c) => BACKEND_VARIANTS[c] === r.variant);
    if (!column || !r.correctness.ok) continue;
    const work = (r.params.m ?? 0) * (r.params.n ?? 0) * (r.params.k ?? 0);
    const row = rows.get(r.case) ?? { label: r.case, work, ms: {}, threads: 1, pool: {} };
    rows.set(r.case, row);
    if (column === "threads" && r.threads > 1) row.pool[r.threads] = r.median;
    const threaded = column === "threads" || column === "dispatch";
    if (threaded && r.threads < row.threads) continue;
    if (threaded && r.threads > row.threads) {
      row.threads = r.threads;
      delete row.ms.threads;
      delete row.ms.dispatch;
    }
    row.ms[column] = r.median;
  }
  return [...rows.values()].sort((a, b) => a.work - b.work);
}

/**
 * Where `challenger` overtakes `incumbent` for good: from the first size after which it is faster
 * at every measured size. The threshold is the geometric mean of the works around that switch
 * (the crossover lies somewhere between them); 0 when it wins from the smallest size measured,
 * Infinity when it never wins at the largest.
 */
export function crossover(rows: readonly SizeRow[], challenger: Column, incumbent: Column): number {
  return crossoverBy(
    rows,
    (r) => r.ms[challenger],
    (r) => r.ms[incumbent],
  );
}

/** `crossover` over any two medians of a row (a pool size's, say). */
export function crossoverBy(
  rows: readonly SizeRow[],
  challenger: (r: SizeRow) => number | undefined,
  incumbent: (r: SizeRow) => number | undefined,
): number {
  const both = rows.flatMap((r) => {
    const c = challenger(r);
    const i = incumbent(r);
    return c === undefined || i === undefined ? [] : [{ work: r.work, c, i }];
  });
  let first = both.length;
  while (first > 0 && both[first - 1]!.c < both[first - 1]!.i) first--;
  if (first === both.length) return Infinity;
  if (first === 0) return 0;
  return Math.round(Math.sqrt(both[first - 1]!.work * both[first]!.work));
}

/** Every thread count above one the threaded backend ran on, fewest first. */
export function poolThreadCounts(rows: readonly SizeRow[]): number[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.pool).map(Number)))].sort((a, b) => a - b);
}

/** Per thread count: where the pool of that many overtakes the SIMD kernel on one thread for good. */
export function poolCrossovers(rows: readonly SizeRow[]): { threads: number; from: number }[] {
  return poolThreadCounts(rows).map((threads) => ({
    threads,
    from: crossoverBy(
      rows,
      (r) => r.pool[threads],
      (r) => r.ms.simd,
    ),
  }));
}

/** The dispatcher thresholds these measurements suggest. */
export function measuredThresholds(rows: readonly SizeRow[]): GemmThresholds {
  return { simdFrom: crossover(rows, "simd", "ts"), threadsFrom: crossover(rows, "threads", "simd") };
}

/** A threshold as the reader would write it: an integer, or `Infinity`. */
export function thresholdText(work: number): string {
  if (!Number.isFinite(work)) return "Infinity";
  const side = Math.cbrt(work);
  return Number.isInteger(Math.round(side)) && Math.round(side) ** 3 === work ? `${Math.round(side)} ** 3` : String(work);
}
