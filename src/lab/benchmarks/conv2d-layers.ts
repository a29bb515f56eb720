import type { ConvParams } from "../../kernels/conv-shape.ts";
import { defineBenchmark } from "../benchmark.ts";
import { PEAK_FMA_ONE_THREAD, peakOnSameFlops } from "./machine-peak.ts";
import {
  conv2dDirectRef,
  conv2dIm2colGemmTs,
  conv2dIm2colGemmWasm,
  conv2dIm2colGemmWasmThreads,
  conv2dOrtWasmSimdThreaded,
  conv2dShifted,
  conv2dTfjsWasmSimd,
  conv2dTfjsWasmThreadedSimd,
  conv2dWinograd2x2Wasm,
  conv2dWinograd2x2WasmThreads,
  conv3x3,
  convLabel,
  convModel,
  type ConvInput,
} from "./conv2d-variants.ts";

/**
 * Syllabus 6.1: every way of computing a convolution on this site, plus the two strongest in-browser
 * libraries (tfjs-wasm and onnxruntime-web), across the syllabus's first-layer sizes and three deeper layers of a ResNet-like
 * network; Winograd's GFLOP/s count the direct convolution's work, like every other variant's. The deep layers hold the same work (115.6 million multiply-adds each) in different
 * shapes: large images with few channels, down to small images with many.
 */
const firstLayers = [conv3x3(1, 3, 32, 16), conv3x3(1, 3, 64, 16), conv3x3(1, 3, 128, 16)];
const deepLayer = conv3x3(1, 64, 56, 64);
const deepLayers = [deepLayer, conv3x3(1, 128, 28, 128), conv3x3(1, 256, 14, 256)];
const DEEP_LAYER = convLabel(deepLayer);

export const conv2dLayers = defineBenchmark<ConvParams, ConvInput>({
  id: "conv2d-layers",
  title: "Convolution, every method: loops, vectorized, im2col, SIMD, threads, tfjs-wasm, onnxruntime-web",
  chapter: "/benchmarks/convolution/",
  cases: [...firstLayers, ...deepLayers].map((params) => ({ label: convLabel(params), params })),
  seed: 20261201,
  ...convModel,
  baseline: "conv2d-f32-shifted-ts",
  variants: [
    // The naive loops take about half a second per call on a deep layer: run them where the
    // comparison teaches something (the first layers, and one deep layer), not on every case.
    { ...conv2dDirectRef, cases: [...firstLayers, deepLayer].map(convLabel) },
    conv2dShifted,
    conv2dIm2colGemmTs,
    conv2dIm2colGemmWasm,
    conv2dIm2colGemmWasmThreads,
    conv2dWinograd2x2Wasm,
    peakOnSameFlops(convModel.flops, [DEEP_LAYER]),
    conv2dWinograd2x2WasmThreads,
    conv2dTfjsWasmSimd,
    conv2dTfjsWasmThreadedSimd,
    conv2dOrtWasmSimdThreaded,
  ],
  claims: [
    {
      id: "conv2d-layers/winograd-vs-im2col",
      case: DEEP_LAYER,
      faster: { variant: "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd" },
      slower: { variant: "conv2d-f32-im2col-gemm-wasmrelaxedsimd" },
      atLeast: 1.5,
      because:
        "F(2×2, 3×3) does 16 multiply-adds per 2×2 outputs per channel pair where the direct convolution does 36, on the same packed 6×8 tile, and reads its input once per channel instead of copying it nine times into an im2col matrix",
    },
    {
      id: "conv2d-layers/winograd-vs-peak",
      case: DEEP_LAYER,
      faster: { variant: "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd" },
      slower: { variant: PEAK_FMA_ONE_THREAD },
      atLeast: 1,
      because:
        "the FMA peak bounds how fast the direct convolution's multiply-adds can be done, and Winograd does 2.25× fewer of them: a better algorithm, not a faster loop, is what passes the ceiling",
    },
    {
      id: "conv2d-layers/winograd-vs-tfjs-threads-2",
      case: DEEP_LAYER,
      faster: { variant: "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd-threads", threads: 2 },
      slower: { variant: "conv2d-f32-tfjs-wasmsimd-threads", threads: 2 },
      atLeast: 1.5,
      because:
        "each thread transforms and multiplies its own rows of tiles in its own workspace, so two threads nearly double Winograd's rate, while tfjs's XNNPACK convolution does every one of the direct multiply-adds",
    },
    {
      id: "conv2d-layers/ours-vs-tfjs-threads-2",
      case: DEEP_LAYER,
      faster: { variant: "conv2d-f32-im2col-gemm-wasmrelaxedsimd-threads", threads: 2 },
      slower: { variant: "conv2d-f32-tfjs-wasmsimd-threads", threads: 2 },
      atLeast: 1,
      because:
        "both split one large matrix product between two threads with SIMD register tiles; this tfjs build multiplies and adds in separate SIMD instructions, ours fuses them (relaxed SIMD), which outweighs the im2col copy XNNPACK avoids",
    },
    {
      id: "conv2d-layers/winograd-vs-ort-threads-2",
      case: DEEP_LAYER,
      faster: { variant: "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd-threads", threads: 2 },
      slower: { variant: "conv2d-f32-ort-wasmsimd-threads", threads: 2 },
      atLeast: 1,
      because:
        "F(2×2, 3×3) needs 16 multiplications per 2×2 block of outputs where the direct convolution ORT computes needs 36, and ORT's WebAssembly build multiplies and adds in separate instructions",
    },
  ],
});
