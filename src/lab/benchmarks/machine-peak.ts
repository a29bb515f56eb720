import { PEAK_F32X4_FLOPS_PER_ITERATION, PEAK_F32X4_LANES } from "../../kernels/peak-f32x4-ref.ts";
import { kernelPoolJobs } from "../../kernels/pool/kernel-jobs.ts";
import { arenaBytes } from "../../kernels/wasm/wasm-arena.ts";
import { defineBenchmark, type Params, type Variant } from "../benchmark.ts";

type PeakParams = { iterations: number };

/**
 * Iterations per call, split across the threads: 2²⁴ · 112 FLOPs ≈ 1.9 GFLOP, tens of ms on one
 * core and still ~1 ms on 32, far above the pool's wake-up cost.
 */
const ITERATIONS = 2 ** 24;
export const PEAK_CASE = "2²⁴ iterations, registers only";
export const PEAK_FMA = "peak-f32x4-fma-wasmrelaxedsimd-threads";
export const PEAK_MULADD = "peak-f32x4-muladd-wasmsimd-threads";
/** The same FMA probe on one thread, beside a benchmark's kernels (peakOnSameFlops). */
export const PEAK_FMA_ONE_THREAD = "peak-f32x4-fma-wasmrelaxedsimd";

/**
 * A count as two float32s, hi + lo, so the Float32Array the harness compares carries an integer
 * above 2²⁴ exactly: a count off by one multiply-add still differs.
 */
export function countAsF32(count: number): Float32Array {
  const hi = Math.fround(count);
  return Float32Array.of(hi, count - hi);
}

/**
 * The FMA probe doing a benchmark's FLOPs on one thread (at most one iteration more): its time is
 * the least any kernel that does those FLOPs could take on one core. Place it right after the
 * variant it bounds: the host's clock drifts over a run, so the two are timed side by side.
 */
export function peakOnSameFlops<P extends Params, I>(flops: (p: P) => number, cases?: readonly string[]): Variant<P, I> {
  return {
    id: PEAK_FMA_ONE_THREAD,
    label: "FMA peak on the same FLOPs (WebAssembly)",
    needsIsolation: true,
    ...(cases && { cases }),
    prepare(p, _input, ctx) {
      const { kernels, arena } = ctx.wasm;
      const iterations = Math.ceil(flops(p) / kernels.peak_f32x4_fma_wasmrelaxedsimd_flops_per_iteration());
      arena.reset();
      const out = arena.allocF32(2); // one float64: the count of lane multiply-adds
      const args = { iterations, out: out.ptr };
      return {
        run: () => kernelPoolJobs.peak_f32x4_fma_wasmrelaxedsimd.part(kernels, args, 0, 1),
        // Not the benchmark's result: the probe counts its multiply-adds, and must have done every one.
        output: () => countAsF32(new Float64Array(ctx.wasm.memory.buffer, out.ptr, 1)[0]!),
        expected: countAsF32(PEAK_F32X4_LANES * iterations),
      };
    },
    arenaBytes: () => arenaBytes(2),
  };
}

/** A peak probe on the pool: part p stores its exact count of lane multiply-adds at out[p] (f64). */
function peakVariant(
  id: string,
  label: string,
  job: "peak_f32x4_fma_wasmrelaxedsimd" | "peak_f32x4_muladd_wasmsimd",
): Variant<PeakParams, null> {
  return {
    id,
    label,
    parallel: true,
    needsIsolation: true,
    prepare(p, _input, ctx) {
      const { arena } = ctx.wasm;
      arena.reset();
      const out = arena.allocF32(2 * ctx.threads); // one float64 per part
      const args = { iterations: p.iterations, out: out.ptr };
      return {
        run: () => ctx.pool.run(job, args, ctx.threads),
        output: () => countAsF32(new Float64Array(ctx.wasm.memory.buffer, out.ptr, ctx.threads).reduce((s, x) => s + x, 0)),
      };
    },
    arenaBytes: (_p, threads) => arenaBytes(2 * threads),
  };
}

/**
 * The compute "speed of light": f32x4 multiply-adds on registers only, at 1, 2, 4… threads. Each
 * lane adds 1 per iteration (×1 + 1, so FMA and mul+add agree exactly) and the output is the total
 * count of lane multiply-adds, which must equal lanes × iterations whatever the split.
 */
export const machinePeak = defineBenchmark<PeakParams, null>({
  id: "machine-peak",
  title: "Compute peak: f32x4 multiply-adds in registers",
  chapter: "/basics/speed-of-light/",
  cases: [{ label: PEAK_CASE, params: { iterations: ITERATIONS } }],
  caseAxis: "probe",
  seed: 0,
  input: () => null,
  reference: (p) => countAsF32(PEAK_F32X4_LANES * p.iterations),
  flops: (p) => p.iterations * PEAK_F32X4_FLOPS_PER_ITERATION,
  tolerance: () => 0,
  baseline: PEAK_MULADD,
  variants: [
    peakVariant(PEAK_FMA, "Fused multiply-add (relaxed SIMD)", "peak_f32x4_fma_wasmrelaxedsimd"),
    peakVariant(PEAK_MULADD, "Multiply, then add (plain SIMD)", "peak_f32x4_muladd_wasmsimd"),
  ],
  claims: [
    {
      id: "machine-peak/threads-2",
      case: PEAK_CASE,
      faster: { variant: PEAK_FMA, threads: 2 },
      slower: { variant: PEAK_FMA, threads: 1 },
      atLeast: 1.7,
      because:
        "the probe touches no memory, so each thread keeps its own core's SIMD units busy and nothing is shared: a second physical core nearly doubles the peak (an SMT sibling of the same core would not)",
    },
  ],
});
