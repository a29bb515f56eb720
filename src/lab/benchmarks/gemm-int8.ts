import { gemmF32ViaI8Ref } from "../../kernels/gemm-i8-ref.ts";
import { gemmI8PipelineArenaBytes, placeGemmI8Pipeline } from "../../kernels/gemm-i8-pipeline.ts";
import { QMAX_A, QMAX_B, quantizeColumnsI8, quantizedGemmErrorBound, quantizeRowsI8 } from "../../kernels/quantize-i8.ts";
import { defineBenchmark } from "../benchmark.ts";
import { gemmPackedThreads, gemmProblem, label, type GemmInput, type GemmParams } from "./gemm.ts";

const SIZES = [128, 256, 512] as const;
const CASE_128 = label(128);
const CASE_512 = label(512);
const INT8 = "gemm-i8-4x8-wasmrelaxedsimd-threads";

/**
 * "Beyond numpy": the same product as the GEMM ladder, with A quantized per row at run time and B
 * (the weights) quantized per column and packed beforehand, multiplied in int8 with int32 sums and
 * dequantized — against the packed float32 kernel on the same inputs, at 1 … all threads.
 */
export const gemmInt8 = defineBenchmark<GemmParams, GemmInput>({
  id: "gemm-int8",
  title: "int8 quantized matrix multiplication against float32",
  chapter: "/compiled/int8/",
  cases: SIZES.map((size) => ({ label: label(size), params: { m: size, n: size, k: size } })),
  caseAxis: "matrix side (M = N = K)",
  ...gemmProblem,
  // The quantization error bound for these inputs' scales (quantizedGemmErrorBound), plus the
  // float32 reference's own rounding: an int8 result must stay within both.
  tolerance(p, input) {
    const sa = Math.max(...quantizeRowsI8(p.m, p.k, input.a, QMAX_A).scales);
    const sb = Math.max(...quantizeColumnsI8(p.k, p.n, input.b, QMAX_B).scales);
    return quantizedGemmErrorBound(p.k, sa, sb) + gemmProblem.tolerance(p);
  },
  baseline: gemmPackedThreads.id,
  variants: [
    gemmPackedThreads,
    {
      id: INT8,
      label: "int8: quantize A, 4×8 int8 dot tile, dequantize, threaded (WebAssembly)",
      needsIsolation: true,
      parallel: true,
      prepare(p, { a, b }, ctx) {
        ctx.wasm.arena.reset();
        const { at, counter, output } = placeGemmI8Pipeline(ctx.wasm.kernels, ctx.wasm.arena, p, a, b);
        return {
          run() {
            counter.reset();
            ctx.pool.run("gemm_i8_f32", at, ctx.threads);
          },
          output,
        };
      },
      arenaBytes: (p, _threads, kernels) => gemmI8PipelineArenaBytes(kernels, p),
    },
    {
      id: "gemm-i8-ref",
      label: "int8 pipeline in scalar TypeScript (the reference)",
      // JavaScript has no 8-bit arithmetic: every product is a float64 one, so this only shows the
      // idea costs nothing by itself. At 128³ it takes a few milliseconds.
      cases: [CASE_128],
      prepare(p, { a, b }) {
        let c: Float32Array = new Float32Array(0);
        return { run: () => void (c = gemmF32ViaI8Ref(p, a, b)), output: () => c };
      },
    },
  ],
  claims: [
    {
      id: "gemm-int8/int8-vs-f32",
      case: CASE_512,
      faster: { variant: INT8 },
      slower: { variant: gemmPackedThreads.id },
      // Measured 2.25–2.31× (Chromium 156, Sapphire Rapids, where V8 turns the relaxed dot into one
      // AVX-VNNI instruction) and 1.48–1.49× on an AMD EPYC without AVX-VNNI (a full run and CI,
      // 2026-12-06, before any kernel change that day): there the dot takes three instructions
      // (pmaddubsw, pmaddwd, paddd). The bound is what both kinds of x86 core give, not the best one.
      atLeast: 1.3,
      because:
        "an 8-bit dot product does sixteen multiply-adds per 128-bit step where a float32 fused multiply-add does four (a single instruction on processors with VNNI, three on others), and each operand byte is a quarter of a float, so four times as much of each matrix fits in every cache and vector register",
    },
    {
      id: "gemm-int8/int8-threads-2",
      case: CASE_512,
      faster: { variant: INT8, threads: 2 },
      slower: { variant: INT8, threads: 1 },
      // Measured 1.82× on 2 idle cores (1.0× while another process held a core).
      atLeast: 1.5,
      because:
        "with one scale per row, each thread claims 32 rows at a time and quantizes, multiplies and dequantizes them against the shared packed weights, so the threads never wait for each other",
    },
  ],
});
