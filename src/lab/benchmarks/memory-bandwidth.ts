import type { ArgsOf } from "../../kernels/pool/pool-job.ts";
import { kernelPoolJobs, type KernelPoolJobs } from "../../kernels/pool/kernel-jobs.ts";
import { randomF32 } from "../../kernels/random.ts";
import { triadF32Ref, triadF32Tolerance } from "../../kernels/triad-f32-ref.ts";
import { defineBenchmark, type RunContext } from "../benchmark.ts";
import { SWEEP_BUDGET_BYTES, SWEEP_FACTOR, SWEEP_FROM_BYTES, sweepArrayBytes, sweepLabel, triadArenaBytes } from "../triad-sweep.ts";

type TriadParams = { elements: number };

interface TriadInput {
  b: Float32Array;
  c: Float32Array;
}

/** STREAM's scalar. */
const SCALAR = 3;
const F32 = Float32Array.BYTES_PER_ELEMENT;

/**
 * Array sizes from 32 KiB by ×4 up to 128 MiB (3 × 128 MiB = 384 MiB, more than the last-level
 * cache of any one CPU package sold so far; 3 × 512 MiB would not fit in the 1 GiB WebAssembly memory).
 */
const SIZES = sweepArrayBytes(SWEEP_FROM_BYTES, SWEEP_FACTOR, SWEEP_BUDGET_BYTES);
/** The smallest case, 3 × 32 KiB: in every core's L2 cache, so only the loop's own speed counts. */
export const IN_CACHE = sweepLabel(SIZES[0]!);
/**
 * Sizes where a threaded call moves ≥ 6 MiB, ≥ 60 µs even at 100 GB/s: below them waking the pool
 * would be most of what is measured.
 */
const THREADED_FROM_BYTES = 2 * 1024 * 1024;
/**
 * A quick run ("Measure peak", e2e, a first look) takes three sizes ×16 apart: 3 × 32 KiB (L2),
 * 3 × 2 MiB (L3 on most parts) and 3 × 32 MiB (96 MiB, past the L3 of most desktop and laptop
 * parts), in about the time the old two cases took. Its plateau is then the last size alone; on
 * a part with a larger L3 it may still be L3: run in full.
 */
const QUICK_BYTES: readonly number[] = [32 * 1024, 2 * 1024 * 1024, 32 * 1024 * 1024];

type TriadArgs = ArgsOf<KernelPoolJobs, "triad_f32_wasmrelaxedsimd">;

/** Copies b and c into the shared memory and reserves a; returns the triad job's arguments. */
function placeInWasm(p: TriadParams, { b, c }: TriadInput, ctx: RunContext): TriadArgs {
  const { arena } = ctx.wasm;
  arena.reset();
  const a = arena.allocF32(p.elements);
  const bBlock = arena.allocF32(p.elements);
  const cBlock = arena.allocF32(p.elements);
  bBlock.view().set(b);
  cBlock.view().set(c);
  return { a: a.ptr, b: bBlock.ptr, c: cBlock.ptr, scalar: SCALAR, n: p.elements };
}

function outputOf(p: TriadParams, ctx: RunContext, args: TriadArgs): () => Float32Array {
  return () => new Float32Array(ctx.wasm.memory.buffer, args.a, p.elements).slice();
}

/**
 * The memory "speed of light": the STREAM triad a[i] = b[i] + 3·c[i] on arrays from 3 × 32 KiB to
 * 3 × 128 MiB. Each cache level the arrays outgrow is a step down in GB/s; main memory is the
 * plateau past the last step (src/lab/bandwidth-plateau.ts), not any one size. GB/s counts 3 × 4 bytes per element, as STREAM does: the store's write-allocate
 * (the core reads each line of a before overwriting it) is real traffic that is not counted, so the
 * bus moves 4/3 of the reported figure.
 */
export const memoryBandwidth = defineBenchmark<TriadParams, TriadInput>({
  id: "memory-bandwidth",
  title: "Memory bandwidth: the STREAM triad",
  chapter: "/basics/speed-of-light/",
  cases: SIZES.map((bytes) => ({
    label: sweepLabel(bytes),
    params: { elements: bytes / F32 },
    ...(QUICK_BYTES.includes(bytes) ? {} : { fullOnly: true }),
  })),
  caseAxis: "arrays (3 × size)",
  seed: 20261201,
  input: (p, seed) => ({ b: randomF32(p.elements, seed), c: randomF32(p.elements, seed + 1) }),
  reference(p, { b, c }) {
    const a = new Float32Array(p.elements);
    triadF32Ref(a, b, c, SCALAR);
    return a;
  },
  flops: (p) => 2 * p.elements,
  bytes: (p) => 3 * F32 * p.elements,
  tolerance: () => triadF32Tolerance(SCALAR),
  baseline: "triad-f32-ref",
  variants: [
    {
      id: "triad-f32-ref",
      label: "Plain loop (TypeScript)",
      prepare(p, { b, c }) {
        const a = new Float32Array(p.elements);
        return { run: () => triadF32Ref(a, b, c, SCALAR), output: () => a };
      },
    },
    {
      id: "triad-f32-wasmrelaxedsimd",
      label: "SIMD (WebAssembly)",
      needsIsolation: true,
      prepare(p, input, ctx) {
        const args = placeInWasm(p, input, ctx);
        // The single-threaded run is the pool job's one and only part: the same code, no pool.
        return { run: () => kernelPoolJobs.triad_f32_wasmrelaxedsimd.part(ctx.wasm.kernels, args, 0, 1), output: outputOf(p, ctx, args) };
      },
      arenaBytes: (p) => triadArenaBytes(p.elements),
    },
    {
      id: "triad-f32-wasmrelaxedsimd-threads",
      label: "SIMD, threaded (WebAssembly)",
      needsIsolation: true,
      parallel: true,
      // On the smallest arrays a call lasts microseconds: waking the pool would be all that is measured.
      cases: SIZES.filter((bytes) => bytes >= THREADED_FROM_BYTES).map(sweepLabel),
      prepare(p, input, ctx) {
        const args = placeInWasm(p, input, ctx);
        return { run: () => ctx.pool.run("triad_f32_wasmrelaxedsimd", args, ctx.threads), output: outputOf(p, ctx, args) };
      },
      arenaBytes: (p) => triadArenaBytes(p.elements),
    },
  ],
  claims: [
    {
      id: "memory-bandwidth/simd-in-cache",
      case: IN_CACHE,
      faster: { variant: "triad-f32-wasmrelaxedsimd" },
      slower: { variant: "triad-f32-ref" },
      atLeast: 3,
      because:
        "while the arrays sit in cache, the limit is how fast the loop issues instructions: the SIMD loop moves four floats per load, multiply-add and store, the plain loop one, with a bounds check on each access",
    },
  ],
});
