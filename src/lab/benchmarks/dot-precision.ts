import { dotExact, dotF32ErrorBound } from "../../kernels/dot-ref.ts";
import { randomF32 } from "../../kernels/random.ts";
import { arenaBytes } from "../../kernels/wasm/wasm-arena.ts";
import { defineBenchmark, type PreparedRun, type RunContext } from "../benchmark.ts";

/**
 * float32 vs float64: the same dot product, Σ a[i]·b[i], compiled to WebAssembly SIMD in each
 * precision (f32x4: four lanes per 128-bit vector; f64x2: two), on vectors that fit in the L2
 * cache and on vectors only main memory holds. The check is against the exact sum, so the results'
 * max error column is each precision's own rounding error.
 */
type DotParams = { n: number };
export interface DotInput {
  a: Float32Array;
  b: Float32Array;
}

const IN_CACHE = "16,384 elements (float64: 256 KiB, in L2 cache)";
const IN_MEMORY = "8,388,608 elements (float64: 128 MiB, main memory)";
const F32 = "dot-f32-wasmsimd";
const F64 = "dot-f64-wasmsimd";
const BYTES = { [F32]: Float32Array.BYTES_PER_ELEMENT, [F64]: Float64Array.BYTES_PER_ELEMENT } as const;

/** The benchmark's two vectors: seeded uniform values in [-1, 1). */
export function dotInput(n: number, seed: number): DotInput {
  return { a: randomF32(n, seed), b: randomF32(n, seed + 1) };
}

/**
 * a and b in the shared memory as `width`-byte elements (float64 widened exactly from the float32
 * input), and the timed call, which keeps the kernel's result for the check.
 */
function dotInWasm(input: DotInput, ctx: RunContext, width: 4 | 8, dot: (a: number, b: number, n: number) => number): PreparedRun {
  const { arena, kernels } = ctx.wasm;
  arena.reset();
  const n = input.a.length;
  const place = (x: Float32Array) => {
    const block = arena.allocF32((n * width) / 4);
    (width === 4 ? block.view() : new Float64Array(kernels.memory.buffer, block.ptr, n)).set(x);
    return block.ptr;
  };
  const a = place(input.a);
  const b = place(input.b);
  let result = Number.NaN;
  return {
    run: () => {
      result = dot(a, b, n);
    },
    output: () => Float32Array.of(result),
  };
}

export const dotPrecision = defineBenchmark<DotParams, DotInput>({
  id: "dot-precision",
  title: "Dot product in float32 (f32x4) vs float64 (f64x2), WebAssembly SIMD",
  chapter: "/vectorization/float32-vs-float64/",
  cases: [
    { label: IN_CACHE, params: { n: 16_384 } },
    { label: IN_MEMORY, params: { n: 8_388_608 } },
  ],
  caseAxis: "vector length n",
  seed: 20261206,
  input: ({ n }, seed) => dotInput(n, seed),
  reference: (_p, { a, b }) => Float32Array.of(dotExact(a, b)),
  flops: ({ n }) => 2 * n,
  bytes: ({ n }, variant) => 2 * n * BYTES[variant as keyof typeof BYTES],
  // float32's error bound on this input, plus rounding the exact value and a float64 result to float32.
  tolerance: (_p, { a, b }) => dotF32ErrorBound(a, b) + 2 * 2 ** -24 * Math.abs(dotExact(a, b)),
  baseline: F64,
  variants: [
    {
      id: F64,
      label: "float64: two lanes per vector, 8 bytes per element (WebAssembly SIMD)",
      needsIsolation: true,
      prepare: (_p, input, ctx) => dotInWasm(input, ctx, 8, (a, b, n) => ctx.wasm.kernels.dot_f64_wasmsimd(a, b, n)),
      arenaBytes: ({ n }) => 2 * arenaBytes((n * 8) / 4),
    },
    {
      id: F32,
      label: "float32: four lanes per vector, 4 bytes per element (WebAssembly SIMD)",
      needsIsolation: true,
      prepare: (_p, input, ctx) => dotInWasm(input, ctx, 4, (a, b, n) => ctx.wasm.kernels.dot_f32_wasmsimd(a, b, n)),
      arenaBytes: ({ n }) => 2 * arenaBytes((n * 4) / 4),
    },
  ],
  claims: [
    {
      id: "dot-precision/f32-in-cache",
      case: IN_CACHE,
      faster: { variant: F32 },
      slower: { variant: F64 },
      atLeast: 1.5,
      because: "the same instructions do four float32 multiply-adds where they do two float64 ones, and the data is already in cache",
    },
    {
      id: "dot-precision/f32-in-memory",
      case: IN_MEMORY,
      faster: { variant: F32 },
      slower: { variant: F64 },
      atLeast: 1.5,
      because: "from main memory the time is the bytes moved, and float32 moves half as many per element",
    },
  ],
});
