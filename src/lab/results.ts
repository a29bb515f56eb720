import type { ThreadsReduced } from "./wasm-memory-fit.ts";
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
  /** Which WebAssembly kernel build ran: "wasmrelaxedsimd", "wasmsimd", or "none". */
  kernelIsa: string;
  siteVersion: string;
  /** ISO 8601. */
  date: string;
  quick: boolean;
  /** Present when the Python companion measured natively (`python -m everycore bench`). */
  native?: NativeEnv;
  // What a citation needs to reproduce a run (DESIGN.md, "Results that travel"). Each is optional:
  // files written before it existed lack it, and a browser may not tell.
  /** The git commit the site was built from, or "unknown". */
  commit?: string;
  /** SHA-256 (hex) of each WebAssembly build that ran, by its ISA name ("wasmrelaxedsimd", "wasmsimd"). */
  wasmSha256?: Record<string, string>;
  /** The browser's full version, e.g. "Chromium 142.0.7444.59, Google Chrome 142.0.7444.59". */
  browserVersion?: string;
  /** Operating system and version where the browser tells, e.g. "Linux 6.8.0". */
  os?: string;
  /** CPU architecture where the browser tells, e.g. "x86 64-bit". */
  arch?: string;
  /** navigator.deviceMemory: GiB of RAM, rounded and capped by the browser. */
  deviceMemory?: number;
  /** The command-line flags the browser was started with, when the bench CLI started it. */
  browserFlags?: string[];
  /** The CPU model as the reader typed it (browsers do not tell). */
  cpuModel?: string;
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
   * Variants and cases that ran on fewer threads than asked, because the WebAssembly memory could
   * not hold more (absent when none did; wasm-memory-fit.ts).
   */
  threadsReduced?: ThreadsReduced[];
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
