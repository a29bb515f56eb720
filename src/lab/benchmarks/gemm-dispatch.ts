import { chooseGemmBackend, gemmPlanArenaBytes, planGemm, type GemmChoice } from "../../kernels/gemm-dispatch.ts";
import { defineBenchmark, type PreparedRun, type RunContext, type Variant } from "../benchmark.ts";
import { gemmProblem, label, type GemmInput, type GemmParams } from "./gemm.ts";

/** From a size where any fixed cost dominates to one where the arithmetic does. */
export const DISPATCH_SIZES = [4, 8, 16, 32, 64, 128, 256] as const;
const TS = "gemm-f32-ikj-ts";
const SIMD = "gemm-f32-6x8-packed-wasmrelaxedsimd";
const THREADS = "gemm-f32-6x8-packed-wasmrelaxedsimd-threads";
const DISPATCH = "gemm-f32-dispatch";

/** Runs the dispatcher's plan for the case on the caller's arrays (copies included), forced or by its own choice. */
function planned(p: GemmParams, { a, b }: GemmInput, ctx: RunContext, force?: (ctx: RunContext) => GemmChoice): PreparedRun {
  ctx.wasm.arena.reset();
  const env = { kernels: ctx.wasm.kernels, arena: ctx.wasm.arena, pool: ctx.pool, cores: ctx.threads };
  const plan = planGemm(p, env, { force: force?.(ctx) });
  const c = new Float32Array(p.m * p.n);
  return { run: () => plan.run(a, b, c), output: () => c };
}

const wasm = { needsIsolation: true } satisfies Partial<Variant<GemmParams, GemmInput>>;

/**
 * "Choosing a backend by size": each backend of the GEMM dispatcher forced, and the dispatcher
 * choosing, on square products from 4³ to 256³. Every variant takes and returns Float32Arrays, so
 * the WebAssembly ones pay their copies, as a caller of the dispatcher does.
 */
export const gemmDispatch = defineBenchmark<GemmParams, GemmInput>({
  id: "gemm-dispatch",
  title: "One product, three backends and a dispatcher, from 4³ to 256³",
  chapter: "/compiled/dispatch/",
  cases: DISPATCH_SIZES.map((size) => ({ label: label(size), params: { m: size, n: size, k: size } })),
  caseAxis: "matrix side (M = N = K)",
  ...gemmProblem,
  baseline: TS,
  variants: [
    { id: TS, label: "TypeScript i-k-j loops", prepare: (p, input, ctx) => planned(p, input, ctx, () => ({ backend: "ts", threads: 1 })) },
    {
      id: SIMD,
      label: "Packed SIMD kernel, one thread (WebAssembly)",
      ...wasm,
      prepare: (p, input, ctx) => planned(p, input, ctx, () => ({ backend: "simd", threads: 1 })),
      arenaBytes: (p) => gemmPlanArenaBytes(p, { backend: "simd", threads: 1 }),
    },
    {
      id: THREADS,
      label: "Packed SIMD kernel on the pool (WebAssembly)",
      ...wasm,
      // Timed at 1, 2, 4 … up to the pool's threads, so the crossovers island finds where each pool size starts to win.
      parallel: true,
      prepare: (p, input, ctx) => planned(p, input, ctx, (c) => ({ backend: "threads", threads: c.threads })),
      arenaBytes: (p, threads) => gemmPlanArenaBytes(p, { backend: "threads", threads }),
    },
    {
      id: DISPATCH,
      label: "The dispatcher's choice, given this many cores",
      ...wasm,
      parallel: true,
      prepare: (p, input, ctx) => planned(p, input, ctx),
      arenaBytes: (p, threads) => gemmPlanArenaBytes(p, chooseGemmBackend(p, threads)),
    },
  ],
  claims: [
    {
      id: "gemm-dispatch/threads-lose-tiny",
      case: label(8),
      faster: { variant: SIMD },
      slower: { variant: THREADS, threads: 2 },
      atLeast: 3,
      because:
        "an 8³ product is 512 multiply-adds, well under a microsecond of arithmetic, while waking a second thread and waiting for it to finish is a round trip through the operating system's scheduler",
    },
    {
      id: "gemm-dispatch/dispatch-tiny",
      case: label(4),
      faster: { variant: DISPATCH, threads: 2 },
      slower: { variant: SIMD },
      // Measured 1.66–2.42× (the dispatcher's loops against the SIMD path) in quick runs on a loaded machine.
      atLeast: 1.3,
      because:
        "below its SIMD threshold the dispatcher runs the TypeScript loops on the caller's arrays, and at 4³ copying three arrays into WebAssembly memory and packing two costs more than the 64 multiply-adds themselves",
    },
    {
      id: "gemm-dispatch/dispatch-medium",
      case: label(32),
      faster: { variant: DISPATCH, threads: 2 },
      slower: { variant: SIMD },
      atLeast: 0.8,
      because:
        "between its thresholds the dispatcher runs the SIMD kernel on its own thread, so it pays the copies but not the pool's round trip",
    },
    {
      id: "gemm-dispatch/dispatch-large",
      case: label(256),
      faster: { variant: DISPATCH, threads: 2 },
      slower: { variant: THREADS, threads: 2 },
      atLeast: 0.8,
      because:
        "above its thread threshold the dispatcher hands the product to the pool with every core it was given, exactly as the threaded backend does",
    },
  ],
});
