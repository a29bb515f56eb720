import { convShape, convSizes, type ConvParams } from "../../kernels/conv-shape.ts";
import { separableWeights } from "../../kernels/conv2d-f32-separable-ts.ts";
import { randomF32 } from "../../kernels/random.ts";
import { defineBenchmark } from "../benchmark.ts";
import {
  conv2dIm2colGemmTs,
  conv2dIm2colGemmWasm,
  conv2dSeparablePasses,
  conv2dShifted,
  convLabel,
  convModel,
  type SeparableInput,
} from "./conv2d-variants.ts";

/**
 * An image filter with a rank-1 (separable) k×k kernel, such as a Gaussian blur, on few channels:
 * where a better algorithm beats every faster way of running the plain one. The separable
 * variant gets the factors u, v; the others get their outer product w, the same filter.
 */
const blur = (channels: number, size: number, filters: number, k: number): ConvParams => ({
  batch: 1,
  channels,
  height: size,
  width: size,
  filters,
  kernelH: k,
  kernelW: k,
  stride: 1,
  padding: (k - 1) / 2,
});

const label = (p: ConvParams) => `${convLabel(p)}, ${p.kernelH}×${p.kernelW}`;
const gray = blur(1, 256, 1, 9);
const GRAY = label(gray);

export const conv2dSeparable = defineBenchmark<ConvParams, SeparableInput>({
  id: "conv2d-separable",
  title: "A separable 9×9 filter on 1 and 3 channels: direct vs separable vs im2col",
  chapter: "/benchmarks/convolution/",
  cases: [gray, blur(3, 256, 3, 9)].map((params) => ({ label: label(params), params })),
  seed: 20261202,
  input(p, seed) {
    const s = convShape(p);
    const fc = s.filters * s.channels;
    const factors = { u: randomF32(fc * s.kernelH, seed + 1), v: randomF32(fc * s.kernelW, seed + 3) };
    return { x: randomF32(convSizes(s).input, seed), ...factors, w: separableWeights(p, factors), b: randomF32(s.filters, seed + 2) };
  },
  caseAxis: convModel.caseAxis,
  reference: convModel.reference,
  flops: convModel.flops,
  bytes: convModel.bytes,
  tolerance: convModel.tolerance,
  baseline: "conv2d-f32-shifted-ts",
  variants: [conv2dShifted, conv2dIm2colGemmTs, conv2dIm2colGemmWasm, conv2dSeparablePasses],
  claims: [
    {
      id: "conv2d-separable/vs-shifted",
      case: GRAY,
      faster: { variant: "conv2d-f32-separable-ts" },
      slower: { variant: "conv2d-f32-shifted-ts" },
      atLeast: 2,
      because: "the two passes do 9 + 9 multiply-adds per pixel where the direct filter does 9 × 9, with the same loops",
    },
    {
      id: "conv2d-separable/vs-im2col-wasm",
      case: GRAY,
      faster: { variant: "conv2d-f32-separable-ts" },
      slower: { variant: "conv2d-f32-im2col-gemm-wasmrelaxedsimd" },
      atLeast: 1.5,
      because:
        "with one channel and one filter, im2col copies every pixel 81 times for a matrix-vector product that leaves most SIMD lanes idle, while the plain scalar passes do 4.5× less arithmetic",
    },
  ],
});
