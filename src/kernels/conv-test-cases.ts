import { convShape, convSizes, type ConvParams } from "./conv-shape.ts";
import { randomF32 } from "./random.ts";

// Shared by the convolution kernels' tests: each adds the shapes that stress its own blocking.

/** Unit roundoff of f32: the u of every float32 error bound in the tests. */
export const U = 2 ** -24;

/** Odd geometries: 1×1, stride 2 and 3, padding 2, C=1, N=2, H≠W, kH≠kW, all-padding rows. */
export const ODD_CONV_CASES: readonly [string, ConvParams][] = [
  ["1×1, C=3, N=2, H≠W", { batch: 2, channels: 3, height: 5, width: 7, filters: 4, kernelH: 1, kernelW: 1, stride: 1, padding: 0 }],
  [
    "1×1, stride 2, padding 2 (all-padding rows)",
    { batch: 1, channels: 2, height: 6, width: 5, filters: 3, kernelH: 1, kernelW: 1, stride: 2, padding: 2 },
  ],
  [
    "3×3, stride 2, padding 1, C=1",
    { batch: 1, channels: 1, height: 9, width: 6, filters: 5, kernelH: 3, kernelW: 3, stride: 2, padding: 1 },
  ],
  ["2×5, padding 2, N=2", { batch: 2, channels: 2, height: 4, width: 11, filters: 3, kernelH: 2, kernelW: 5, stride: 1, padding: 2 }],
  ["kernel = padded input", { batch: 2, channels: 3, height: 3, width: 4, filters: 2, kernelH: 5, kernelW: 6, stride: 1, padding: 1 }],
  ["3×2, stride 3", { batch: 1, channels: 5, height: 10, width: 8, filters: 7, kernelH: 3, kernelW: 2, stride: 3, padding: 0 }],
  [
    "5×3, stride 2, padding 2, N=2",
    { batch: 2, channels: 2, height: 7, width: 8, filters: 6, kernelH: 5, kernelW: 3, stride: 2, padding: 2 },
  ],
];

/** A 3×3, stride-1 convolution: what Winograd's F(m×m, 3×3) computes. */
export const winogradCase = (
  batch: number,
  channels: number,
  height: number,
  width: number,
  filters: number,
  padding: number,
): ConvParams => ({
  batch,
  channels,
  height,
  width,
  filters,
  kernelH: 3,
  kernelW: 3,
  stride: 1,
  padding,
});

/** Odd shapes: C = 1, odd H and W, padding 0, 1 and 2, channels not a multiple of 4, outputs smaller than a tile. */
export const WINOGRAD_ODD_CASES: readonly [string, ConvParams][] = [
  ["C=1, 5×7, pad 1", winogradCase(1, 1, 5, 7, 3, 1)],
  ["C=1, 5×7, pad 0 (odd output 3×5)", winogradCase(1, 1, 5, 7, 2, 0)],
  ["C=3, N=2, 9×6, pad 1", winogradCase(2, 3, 9, 6, 5, 1)],
  ["C=6, 7×11, pad 0", winogradCase(1, 6, 7, 11, 7, 0)],
  ["C=5, 3×3, pad 0 (one output)", winogradCase(1, 5, 3, 3, 2, 0)],
  ["C=2, 4×3, pad 2", winogradCase(1, 2, 4, 3, 3, 2)],
  ["C=13, 1×1, pad 1", winogradCase(2, 13, 1, 1, 9, 1)],
  ["C=37, 13×10, pad 1", winogradCase(1, 37, 13, 10, 11, 1)],
];

/** Random x, w and b for a convolution (seeds seed, seed + 1, seed + 2) and an output full of NaN. */
export function randomConvOperands(p: ConvParams, seed: number) {
  const n = convSizes(convShape(p));
  return {
    x: randomF32(n.input, seed),
    w: randomF32(n.weights, seed + 1),
    b: randomF32(n.bias, seed + 2),
    out: new Float32Array(n.output).fill(Number.NaN),
  };
}
