import type { Params } from "./benchmark.ts";
import type { ClaimResult } from "./claims.ts";

export const RESULTS_SCHEMA = "every-core/results/v1";

/** Where a results file was measured. */
export interface EnvV1 {
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  /** Smallest non-zero step of performance.now(), measured. */
  timerResolutionMs: number;
  wasm: { simd: boolean; threads: boolean; relaxedSimd: boolean };
  /** Which WebAssembly kernel build ran: "wasm-relaxed", "wasmsimd", or "none". */
  kernelIsa: string;
  siteVersion: string;
  /** ISO 8601. */
  date: string;
  quick: boolean;
  /** Present when the Python companion measured natively (`python -m everycore bench`). */
  native?: NativeEnv;
}

/** The machine and numeric stack of a native (Python) run; the fields it cannot tell are null. */
export interface NativeEnv {
  cpuModel: string | null;
  logicalCores: number | null;
  physicalCores: number | null;
  /** Interpreter and version, e.g. "CPython 3.12.3". */
  python: string;
  numpy: string;
  blas: { name: string; version: string | null; threads: number | null };
  /** The thread-count variables (OMP_NUM_THREADS…) as the run saw them; null when unset. */
  threadEnv: Record<string, string | null>;
}

export interface ResultV1 {
  bench: string;
  case: string;
  variant: string;
  params: Params;
  threads: number;
  /** Milliseconds per call, in the order taken. */
  samples: number[];
  n: number;
  median: number;
  iqr: number;
  min: number;
  ci95: [number, number];
  cv: number;
  noisy: boolean;
  gflops?: number;
  /** Memory throughput by the benchmark's byte model, GB/s (10⁹ bytes per second). */
  gbps?: number;
  /** FLOPs per byte of the byte model: where the result sits on the roofline's x axis. */
  intensity?: number;
  correctness: { ok: boolean; maxError: number; tolerance: number };
}

export interface ResultsV1 {
  schema: typeof RESULTS_SCHEMA;
  env: EnvV1;
  results: ResultV1[];
  claims: ClaimResult[];
  /** Variants that could not run here, and why (e.g. no cross-origin isolation). */
  skipped: { variant: string; reason: string }[];
  /**
   * The variant each benchmark's speedups are relative to, by benchmark id: the site's baseline in
   * a browser run, the companion's own in a native one. Files written before this field existed
   * lack it, and the page then finds a baseline by name (result-source.ts sourceBaseline).
   */
  baselines?: Record<string, string>;
}

/** Baseline median of the same bench and case, single-threaded. */
export function baselineOf(results: readonly ResultV1[], r: ResultV1, baseline: string): ResultV1 | undefined {
  return results.find((b) => b.bench === r.bench && b.case === r.case && b.variant === baseline && b.threads === 1);
}
