import { gemmF32BlockedTs } from "../../kernels/gemm-f32-blocked-ts.ts";
import { gemmF32IkjTs } from "../../kernels/gemm-f32-ikj-ts.ts";
import { gemmF32IjkRef } from "../../kernels/gemm-f32-ijk-ref.ts";
import { gemmFlops } from "../../kernels/gemm-shape.ts";
import { kernelPoolJobs, type KernelPoolJobs } from "../../kernels/pool/kernel-jobs.ts";
import { gemmPackedArenaBytes, gemmPackedWorkspaceBytes } from "../../kernels/pool/gemm-f32-packed-job.ts";
import { runOnOneThread, type ArgsOf } from "../../kernels/pool/pool-job.ts";
import { ortMatMulVariant } from "../peer/ort-variants.ts";
import { tfjsMatMulVariant } from "../peer/tfjs-variants.ts";
import { randomF32 } from "../../kernels/random.ts";
import { arenaBytes } from "../../kernels/wasm/wasm-arena.ts";
import { defineBenchmark, type BenchmarkDeclaration, type PreparedRun, type RunContext, type Variant } from "../benchmark.ts";
import { peakOnSameFlops } from "./machine-peak.ts";

/** C (m×n) = A (m×k) · B (k×n), row-major and dense: the GemmShape contract, as benchmark params. */
export type GemmParams = { m: number; n: number; k: number };

export interface GemmInput {
  a: Float32Array;
  b: Float32Array;
}

const SIZES = [128, 256, 512, 1024] as const;
export const label = (size: number) => `${size}³`;
/** The TypeScript rungs take 0.05–0.3 s per call at 512³ and 0.9–6 s at 1024³ (Chromium, one core): they stop at 512³. */
const TS_CASES = SIZES.filter((size) => size <= 512).map(label);

/** Arena bytes of A, B and C (placeInWasm). */
const operandBytes = (p: GemmParams) => arenaBytes(p.m * p.k, p.k * p.n, p.m * p.n);
/** Arena bytes of the operands and the packed GEMM's workspace for `threads` parts (packedRun). */
const packedBytes = (p: GemmParams, threads: number) => gemmPackedArenaBytes(p.m, p.n, p.k, threads);

/** Copies A and B into the shared memory and reserves C; returns the operands' byte offsets. */
function placeInWasm(p: GemmParams, { a, b }: GemmInput, ctx: RunContext): { a: number; b: number; c: number } {
  const { arena } = ctx.wasm;
  arena.reset();
  const A = arena.allocF32(a.length);
  const B = arena.allocF32(b.length);
  const C = arena.allocF32(p.m * p.n);
  A.view().set(a);
  B.view().set(b);
  return { a: A.ptr, b: B.ptr, c: C.ptr };
}

/** C read back from the shared memory. */
function outputAt(p: GemmParams, ctx: RunContext, c: number): () => Float32Array {
  return () => new Float32Array(ctx.wasm.memory.buffer, c, p.m * p.n).slice();
}

/** A TypeScript rung writing its own output array. */
function tsRun(p: GemmParams, gemm: (c: Float32Array) => void): PreparedRun {
  const c = new Float32Array(p.m * p.n);
  return { run: () => gemm(c), output: () => c };
}

/**
 * The packed GEMM's pool-job arguments, with its workspace for ctx.threads parts, and its output;
 * `run` gets the arguments once, outside the timed region.
 */
function packedRun(
  p: GemmParams,
  input: GemmInput,
  ctx: RunContext,
  run: (args: ArgsOf<KernelPoolJobs, "gemm_f32_6x8_packed_wasmrelaxedsimd">) => () => void,
): PreparedRun {
  const at = placeInWasm(p, input, ctx);
  const workspace = ctx.wasm.arena.allocF32(gemmPackedWorkspaceBytes(p.m, p.n, p.k, ctx.threads) / 4);
  const args = { m: p.m, n: p.n, k: p.k, a: at.a, lda: p.k, b: at.b, ldb: p.n, c: at.c, ldc: p.n, workspace: workspace.ptr };
  return { run: run(args), output: outputAt(p, ctx, at.c) };
}

/** The cases the claims are about: the largest the TypeScript rungs run, and the largest of all. */
const CASE_512 = label(512);
const CASE_1024 = label(1024);

/** The product every GEMM benchmark computes: its seeded input, reference, FLOPs and tolerance. */
export const gemmProblem = {
  seed: 20261207,
  input: (p, seed) => ({ a: randomF32(p.m * p.k, seed), b: randomF32(p.k * p.n, seed + 1) }),
  // gemmF32IkjTs is gemmF32IjkRef with the loops reordered, bit-identical to it (its unit test checks
  // exactly that); i-j-k itself would take seconds at 1024³.
  reference(p, { a, b }) {
    const c = new Float32Array(p.m * p.n);
    gemmF32IkjTs(p, a, b, c);
    return c;
  },
  flops: gemmFlops,
  // Inputs lie in [-1, 1], so each of the K products is at most 1 in magnitude and any summation
  // order errs by at most γ_K·K ≈ K²·u (Higham §3.1, u = 2⁻²⁴), plus u·K for rounding the result.
  tolerance: ({ k }) => k * (k + 1) * 2 ** -24,
} satisfies Pick<BenchmarkDeclaration<GemmParams, GemmInput>, "seed" | "input" | "reference" | "flops" | "tolerance">;

/** The packed 6×8 kernel with C split over the pool's threads, each block of B packed once and shared. */
export const gemmPackedThreads: Variant<GemmParams, GemmInput> = {
  id: "gemm-f32-6x8-packed-wasmrelaxedsimd-threads",
  label: "Packed + 6×8 SIMD tile, threaded (WebAssembly)",
  needsIsolation: true,
  parallel: true,
  prepare: (p, input, ctx) =>
    packedRun(p, input, ctx, (args) => () => ctx.pool.run("gemm_f32_6x8_packed_wasmrelaxedsimd", args, ctx.threads)),
  arenaBytes: packedBytes,
};

/**
 * Syllabus 1.2 and "naive → blocked → BLAS": one matrix product climbing the ladder a BLAS library
 * climbs, each rung one idea further, and the machine's FMA peak on the same FLOPs as the ceiling.
 */
export const gemm = defineBenchmark<GemmParams, GemmInput>({
  id: "gemm",
  title: "Matrix multiplication: naive loops to a packed, threaded SIMD kernel",
  chapter: "/benchmarks/gemm/",
  cases: SIZES.map((size) => ({ label: label(size), params: { m: size, n: size, k: size } })),
  caseAxis: "matrix side (M = N = K)",
  ...gemmProblem,
  baseline: "gemm-f32-ijk-ref",
  variants: [
    {
      id: "gemm-f32-ijk-ref",
      label: "Naive i-j-k loops (TypeScript)",
      cases: TS_CASES,
      prepare: (p, { a, b }) => tsRun(p, (c) => gemmF32IjkRef(p, a, b, c)),
    },
    {
      id: "gemm-f32-ikj-ts",
      label: "i-k-j loop order (TypeScript)",
      cases: TS_CASES,
      prepare(p, { a, b }) {
        const row = new Float64Array(p.n);
        return tsRun(p, (c) => gemmF32IkjTs(p, a, b, c, row));
      },
    },
    {
      id: "gemm-f32-blocked-ts",
      label: "Cache-blocked, 4×4 registers (TypeScript)",
      cases: TS_CASES,
      prepare: (p, { a, b }) => tsRun(p, (c) => gemmF32BlockedTs(p, a, b, c)),
    },
    {
      id: "gemm-f32-6x8-wasmrelaxedsimd",
      label: "6×8 SIMD tile (WebAssembly)",
      needsIsolation: true,
      prepare(p, input, ctx) {
        const at = placeInWasm(p, input, ctx);
        const { kernels } = ctx.wasm;
        return {
          run: () => kernels.gemm_f32_6x8_wasmrelaxedsimd(p.m, p.n, p.k, at.a, p.k, at.b, p.n, at.c, p.n),
          output: outputAt(p, ctx, at.c),
        };
      },
      arenaBytes: operandBytes,
    },
    {
      id: "gemm-f32-6x8-packed-wasmrelaxedsimd",
      label: "Packed + 6×8 SIMD tile (WebAssembly)",
      needsIsolation: true,
      // The single-threaded run is the pool job's one and only part: the same code, no pool.
      prepare: (p, input, ctx) =>
        packedRun(
          p,
          input,
          ctx,
          (args) => () => runOnOneThread(kernelPoolJobs.gemm_f32_6x8_packed_wasmrelaxedsimd, ctx.wasm.kernels, args),
        ),
      arenaBytes: packedBytes,
    },
    peakOnSameFlops<GemmParams, GemmInput>(gemmFlops),
    gemmPackedThreads,
    // The peer: XNNPACK's GEMM inside tfjs-backend-wasm, row-major like ours, so nothing to convert.
    tfjsMatMulVariant<GemmParams, GemmInput>("wasm-simd", (p, { a, b }) => ({ shape: p, a, b })),
    tfjsMatMulVariant<GemmParams, GemmInput>("wasm-threaded-simd", (p, { a, b }) => ({ shape: p, a, b })),
    // The second peer: MLAS's SGEMM inside onnxruntime-web, an ONNX MatMul of the same row-major operands.
    ortMatMulVariant<GemmParams, GemmInput>((p, { a, b }) => ({ shape: p, a, b })),
  ],
  claims: [
    {
      id: "gemm/simd-vs-blocked",
      case: CASE_512,
      faster: { variant: "gemm-f32-6x8-wasmrelaxedsimd" },
      slower: { variant: "gemm-f32-blocked-ts" },
      atLeast: 5,
      because:
        "each fused multiply-add instruction does four lanes' work, and the 6×8 tile uses each loaded value six or eight times from registers, where the JavaScript loop loads, converts and stores every element of C it updates",
    },
    {
      id: "gemm/packed-vs-unpacked",
      case: CASE_1024,
      faster: { variant: "gemm-f32-6x8-packed-wasmrelaxedsimd" },
      slower: { variant: "gemm-f32-6x8-wasmrelaxedsimd" },
      atLeast: 1.05,
      because:
        "at 1,024 consecutive rows of B are 4 KiB apart, so the strip of B the unpacked tile walks down maps to a single set of the L1 cache, which holds only a few of its lines, and touches a new page at every step; packed, the strip is one contiguous panel that fits in L1",
    },
    {
      id: "gemm/packed-vs-peak",
      case: CASE_512,
      faster: { variant: "gemm-f32-6x8-packed-wasmrelaxedsimd" },
      slower: { variant: "peak-f32x4-fma-wasmrelaxedsimd" },
      atLeast: 0.85,
      because:
        "packing puts every operand the 6×8 tile needs in L1 or L2 as one dense stream, so each step's two vector loads and six broadcasts hide behind its twelve multiply-adds, and the kernel runs within a few percent of a loop that only multiplies registers",
    },
    {
      id: "gemm/packed-vs-tfjs",
      case: CASE_512,
      faster: { variant: "gemm-f32-6x8-packed-wasmrelaxedsimd" },
      slower: { variant: "gemm-f32-tfjs-wasmsimd" },
      // The issue asked for 2×: that would need 2 × tfjs's rate, more than this machine's measured FMA
      // peak (see the README's performance notes). 1.4× is what FMA against mul+add allows with margin.
      atLeast: 1.4,
      because:
        "tfjs 4.22's SIMD build has no fused multiply-add (relaxed SIMD), so each of its lane updates costs a multiply and an add, where ours runs at nearly the machine's FMA peak",
    },
    {
      id: "gemm/packed-vs-ort",
      case: CASE_512,
      faster: { variant: "gemm-f32-6x8-packed-wasmrelaxedsimd" },
      slower: { variant: "gemm-f32-ort-wasmsimd-threads", threads: 1 },
      // Measured 1.76× in a quick run on the loaded 2-core machine (2026-12-06); 1.2× is the target.
      atLeast: 1.2,
      because:
        "onnxruntime-web 1.31's WebAssembly build has no fused multiply-add either (its SIMD kernels multiply, then add), and each of its runs also copies A and B into its own heap and C back out",
    },
    {
      id: "gemm/threads-vs-tfjs-2",
      case: CASE_512,
      faster: { variant: "gemm-f32-6x8-packed-wasmrelaxedsimd-threads", threads: 2 },
      slower: { variant: "gemm-f32-tfjs-wasmsimd-threads", threads: 2 },
      atLeast: 1,
      because: "both split the rows of C over the same two threads, so the faster single-thread kernel stays ahead",
    },
    {
      id: "gemm/threads-2",
      case: CASE_1024,
      faster: { variant: "gemm-f32-6x8-packed-wasmrelaxedsimd-threads", threads: 2 },
      slower: { variant: "gemm-f32-6x8-packed-wasmrelaxedsimd-threads", threads: 1 },
      atLeast: 1.85,
      because:
        "the threads claim row tiles and multiply them by blocks of B that they pack together once and then only read, and every value read is used in 1,024 multiply-adds: the arithmetic, not the shared memory bus, sets the pace",
    },
  ],
});
