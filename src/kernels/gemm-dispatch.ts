import { gemmF32IkjTs } from "./gemm-f32-ikj-ts.ts";
import { checkGemm, type GemmShape } from "./gemm-shape.ts";
import { kernelPoolJobs, type KernelPoolJobs } from "./pool/kernel-jobs.ts";
import { gemmPackedArenaBytes, gemmPackedWorkspaceBytes } from "./pool/gemm-f32-packed-job.ts";
import { runOnOneThread, type JobRunner } from "./pool/pool-job.ts";
import { GEMM_F32_MR, type WasmKernels } from "./wasm/kernels-wasm.ts";
import type { WasmArena } from "./wasm/wasm-arena.ts";

/**
 * Choosing a GEMM backend by size, as BLAS libraries and XNNPACK do: plain loops where a call is
 * too small to pay for anything else, the compiled SIMD kernel on one thread in the middle, and the
 * worker pool only where the work outweighs waking the other threads.
 *
 * The caller holds A, B and C as Float32Arrays (its own memory), so the WebAssembly backends copy A
 * and B into the shared memory and C back out on every call: that copy, the call into WebAssembly
 * and the pool's round trip are the fixed costs the thresholds weigh against the arithmetic.
 */

/** Which backend multiplies: TypeScript loops (gemm-f32-ikj-ts), the packed SIMD kernel on one thread, or on the pool. */
export type GemmBackend = "ts" | "simd" | "threads";

/** Where the dispatcher switches, in multiply-adds (m·n·k) per call. */
export interface GemmThresholds {
  /** Smallest m·n·k sent to the WebAssembly SIMD kernel; below it, TypeScript loops. */
  simdFrom: number;
  /** Smallest m·n·k sent to the pool (all cores); below it, one thread. */
  threadsFrom: number;
}

/**
 * Measured with the gemm-dispatch benchmark (quick runs) in Chromium 156 on a 2-core Sapphire
 * Rapids VM. The TypeScript loops won only at 4³ (about half the SIMD path's time, which copies
 * three arrays and packs two); the SIMD kernel won from 8³ on. Two threads lost to one up to 128³
 * (a product of ~0.08 ms against the pool's round trip and each thread packing all of B) and won
 * at 256³. Each default is the geometric mean of the works of the two sizes around its crossover:
 * √(4³·8³) ≈ 181 and √(128³·256³) ≈ 5.93 million (≈ 181³). Your machine's, from the page's
 * crossover table, may differ.
 */
export const DEFAULT_GEMM_THRESHOLDS: GemmThresholds = { simdFrom: 181, threadsFrom: 5_931_642 };

/** What the dispatcher decided for a shape. */
export interface GemmChoice {
  backend: GemmBackend;
  threads: number;
}

function checkThresholds(t: GemmThresholds): void {
  for (const name of ["simdFrom", "threadsFrom"] as const) {
    if (!(t[name] >= 0))
      throw new RangeError(`invalid ${name}: ${t[name]} (expected a number of multiply-adds ≥ 0, or Infinity for never)`);
  }
}

/**
 * The backend for C = A·B of this shape on `cores` threads. The pool gets at most one thread per
 * 6-row tile of C (a thread with no rows would only add a wake-up).
 */
export function chooseGemmBackend(s: GemmShape, cores: number, thresholds: GemmThresholds = DEFAULT_GEMM_THRESHOLDS): GemmChoice {
  if (!Number.isInteger(cores) || cores < 1) throw new RangeError(`invalid cores: ${cores} (expected an integer ≥ 1)`);
  checkThresholds(thresholds);
  const work = s.m * s.n * s.k;
  if (work < thresholds.simdFrom) return { backend: "ts", threads: 1 };
  const threads = Math.min(cores, Math.ceil(s.m / GEMM_F32_MR));
  if (work < thresholds.threadsFrom || threads === 1) return { backend: "simd", threads: 1 };
  return { backend: "threads", threads };
}

/** What the WebAssembly backends run on. */
export interface GemmEnvironment {
  kernels: WasmKernels;
  arena: WasmArena;
  pool: JobRunner<Pick<KernelPoolJobs, "gemm_f32_6x8_packed_wasmrelaxedsimd">>;
  /** Threads the dispatcher may use. */
  cores: number;
}

/** A product planned for one shape: the backend chosen, its buffers placed; `run` multiplies. */
export interface GemmPlan extends GemmChoice {
  run(a: Float32Array, b: Float32Array, c: Float32Array): void;
}

/** Arena bytes planGemm reserves for `choice`: none for the TypeScript backend. */
export function gemmPlanArenaBytes(s: GemmShape, choice: GemmChoice): number {
  return choice.backend === "ts" ? 0 : gemmPackedArenaBytes(s.m, s.n, s.k, choice.threads);
}

/**
 * Plans C = A·B for shape s (as FFTW plans a transform): chooses the backend (or takes `force`),
 * reserves what it needs from the arena once, and returns the call to repeat.
 */
export function planGemm(s: GemmShape, env: GemmEnvironment, options: { thresholds?: GemmThresholds; force?: GemmChoice } = {}): GemmPlan {
  const choice = options.force ?? chooseGemmBackend(s, env.cores, options.thresholds);
  const { m, n, k } = s;
  if (choice.backend === "ts") {
    const row = new Float64Array(n);
    return { ...choice, run: (a, b, c) => gemmF32IkjTs(s, a, b, c, row) };
  }
  const { kernels, arena } = env;
  const A = arena.allocF32(m * k);
  const B = arena.allocF32(k * n);
  const C = arena.allocF32(m * n);
  const workspace = arena.allocF32(gemmPackedWorkspaceBytes(m, n, k, choice.threads) / 4);
  const args = { m, n, k, a: A.ptr, lda: k, b: B.ptr, ldb: n, c: C.ptr, ldc: n, workspace: workspace.ptr };
  const multiply =
    choice.backend === "threads"
      ? () => env.pool.run("gemm_f32_6x8_packed_wasmrelaxedsimd", args, choice.threads)
      : () => runOnOneThread(kernelPoolJobs.gemm_f32_6x8_packed_wasmrelaxedsimd, kernels, args);
  return {
    ...choice,
    run(a, b, c) {
      checkGemm(s, a, b, c);
      A.view().set(a);
      B.view().set(b);
      multiply();
      c.set(C.view());
    },
  };
}
