import type { ConvParams } from "../../kernels/conv-shape.ts";
import { defineBenchmark } from "../benchmark.ts";
import {
  conv2dDirectRef,
  conv2dIm2colGemmTs,
  conv2dIm2colGemmWasm,
  conv2dIm2colGemmWasmThreads,
  conv2dShifted,
  conv2dTfjsWasmSimd,
  conv2dTfjsWasmThreadedSimd,
  conv2dWinograd2x2Wasm,
  conv3x3,
  convLabel,
  convModel,
  type ConvInput,
} from "./conv2d-variants.ts";

/**
 * Syllabus 6.1: every way of computing a convolution on this site, plus the strongest in-browser
 * library, across the syllabus's first-layer sizes and three deeper layers of a ResNet-like
 * network; Winograd's GFLOP/s count the direct convolution's work, like every other variant's. The deep layers hold the same work (115.6 million multiply-adds each) in different
 * shapes: large images with few channels, down to small images with many.
 */
const firstLayers = [conv3x3(1, 3, 32, 16), conv3x3(1, 3, 64, 16), conv3x3(1, 3, 128, 16)];
const deepLayer = conv3x3(1, 64, 56, 64);
const deepLayers = [deepLayer, conv3x3(1, 128, 28, 128), conv3x3(1, 256, 14, 256)];
const DEEP_LAYER = convLabel(deepLayer);

export const conv2dLayers = defineBenchmark<ConvParams, ConvInput>({
  id: "conv2d-layers",
  title: "Convolution, every method: loops, vectorized, im2col, SIMD, threads, tfjs-wasm",
  chapter: "/benchmarks/convolution/",
  cases: [...firstLayers, ...deepLayers].map((params) => ({ label: convLabel(params), params })),
  seed: 20261201,
  ...convModel,
  baseline: "conv2d-f32-shifted",
  variants: [
    // The naive loops take about half a second per call on a deep layer: run them where the
    // comparison teaches something (the first layers, and one deep layer), not on every case.
    { ...conv2dDirectRef, cases: [...firstLayers, deepLayer].map(convLabel) },
    conv2dShifted,
    conv2dIm2colGemmTs,
    conv2dIm2colGemmWasm,
    conv2dIm2colGemmWasmThreads,
    conv2dWinograd2x2Wasm,
    conv2dTfjsWasmSimd,
    conv2dTfjsWasmThreadedSimd,
  ],
  claims: [
    {
      id: "conv2d-layers/ours-vs-tfjs-threads-2",
      case: DEEP_LAYER,
      faster: { variant: "conv2d-f32-im2col-gemm-wasm-threads", threads: 2 },
      slower: { variant: "conv2d-f32-tfjs-wasm-threaded-simd", threads: 2 },
      atLeast: 1,
      because:
        "both split one large matrix product between two threads with SIMD register tiles; this tfjs build multiplies and adds in separate SIMD instructions, ours fuses them (relaxed SIMD), which outweighs the im2col copy XNNPACK avoids",
    },
  ],
});
