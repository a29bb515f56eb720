import type { ArgsOf } from "../../kernels/pool/pool-job.ts";
import { kernelPoolJobs, type KernelPoolJobs } from "../../kernels/pool/kernel-jobs.ts";
import { randomF32 } from "../../kernels/random.ts";
import { triadF32Ref, triadF32Tolerance } from "../../kernels/triad-f32-ref.ts";
import { defineBenchmark, type RunContext } from "../benchmark.ts";

type TriadParams = { elements: number };

interface TriadInput {
  b: Float32Array;
  c: Float32Array;
}

/** STREAM's scalar. */
const SCALAR = 3;
const F32 = Float32Array.BYTES_PER_ELEMENT;

/** Three 64 KiB arrays: in every core's L2 cache, so only the loop's own speed counts. */
export const IN_CACHE = "3 × 64 KiB (in cache)";
/** Three 64 MiB arrays: larger than the last-level cache of desktop and laptop CPUs. */
export const MAIN_MEMORY = "3 × 64 MiB (main memory)";

type TriadArgs = ArgsOf<KernelPoolJobs, "triad_f32">;

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
 * The memory "speed of light": the STREAM triad a[i] = b[i] + 3·c[i] on arrays in cache and in
 * main memory. GB/s counts 3 × 4 bytes per element, as STREAM does: the store's write-allocate
 * (the core reads each line of a before overwriting it) is real traffic that is not counted, so the
 * bus moves 4/3 of the reported figure.
 */
export const memoryBandwidth = defineBenchmark<TriadParams, TriadInput>({
  id: "memory-bandwidth",
  title: "Memory bandwidth: the STREAM triad",
  chapter: "/benchmarks/speed-of-light/",
  cases: [
    { label: IN_CACHE, params: { elements: (64 * 1024) / F32 } },
    { label: MAIN_MEMORY, params: { elements: (64 * 1024 * 1024) / F32 } },
  ],
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
      id: "triad-f32-wasm",
      label: "SIMD (WebAssembly)",
      needsIsolation: true,
      prepare(p, input, ctx) {
        const args = placeInWasm(p, input, ctx);
        // The single-threaded run is the pool job's one and only part: the same code, no pool.
        return { run: () => kernelPoolJobs.triad_f32.part(ctx.wasm.kernels, args, 0, 1), output: outputOf(p, ctx, args) };
      },
    },
    {
      id: "triad-f32-wasm-threads",
      label: "SIMD, threaded (WebAssembly)",
      needsIsolation: true,
      parallel: true,
      // In cache, a call lasts microseconds: waking the pool would be all that is measured.
      cases: [MAIN_MEMORY],
      prepare(p, input, ctx) {
        const args = placeInWasm(p, input, ctx);
        return { run: () => ctx.pool.run("triad_f32", args, ctx.threads), output: outputOf(p, ctx, args) };
      },
    },
  ],
  claims: [
    {
      id: "memory-bandwidth/simd-in-cache",
      case: IN_CACHE,
      faster: { variant: "triad-f32-wasm" },
      slower: { variant: "triad-f32-ref" },
      atLeast: 3,
      because:
        "while the arrays sit in cache, the limit is how fast the loop issues instructions: the SIMD loop moves four floats per load, multiply-add and store, the plain loop one, with a bounds check on each access",
    },
  ],
});
