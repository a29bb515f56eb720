import type { ConvParams } from "../../kernels/conv-shape.ts";
import { defineBenchmark } from "../benchmark.ts";
import {
  conv2dDirectRef,
  conv2dIm2colGemmTs,
  conv2dIm2colGemmWasm,
  conv2dIm2colGemmWasmThreads,
  conv3x3,
  convLabel,
  convModel,
  type ConvInput,
} from "./conv2d-variants.ts";

/** The syllabus sizes (3 channels, 16 filters) and a deep layer where GEMM pays off. */
const sizes = [conv3x3(1, 3, 32, 16), conv3x3(1, 3, 64, 16), conv3x3(1, 3, 128, 16), conv3x3(1, 64, 56, 64)];
export const DEEP_LAYER = convLabel(sizes[3]!);

export const conv2dIm2col = defineBenchmark<ConvParams, ConvInput>({
  id: "conv2d-im2col",
  title: "Convolution: direct loops vs im2col + GEMM",
  chapter: "/im2col/performance/",
  cases: sizes.map((params) => ({ label: convLabel(params), params })),
  seed: 20261123,
  ...convModel,
  baseline: "conv2d-f32-direct-ref",
  variants: [conv2dDirectRef, conv2dIm2colGemmTs, conv2dIm2colGemmWasm, conv2dIm2colGemmWasmThreads],
  claims: [
    {
      id: "conv2d-im2col/wasm-vs-direct",
      case: DEEP_LAYER,
      faster: { variant: "conv2d-f32-im2col-gemm-wasmrelaxedsimd" },
      slower: { variant: "conv2d-f32-direct-ref" },
      atLeast: 10,
      because:
        "one GEMM reuses every loaded value across a register tile and four SIMD lanes, where the direct loops reload both operands for each multiply-add and test the padding bounds on every tap",
    },
    {
      id: "conv2d-im2col/threads-2",
      case: DEEP_LAYER,
      faster: { variant: "conv2d-f32-im2col-gemm-wasmrelaxedsimd-threads", threads: 2 },
      slower: { variant: "conv2d-f32-im2col-gemm-wasmrelaxedsimd-threads", threads: 1 },
      atLeast: 1.6,
      because:
        "each thread claims the next 192 rows of the output and unfolds and multiplies them, so nothing is shared but the read-only weights and one counter: 80% parallel efficiency per added core",
    },
  ],
});
