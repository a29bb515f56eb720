import { blurF32BoxIntegralTs, boxBlurIntegralScratch } from "../../kernels/blur-f32-box-integral-ts.ts";
import { boxBlurF32Ref } from "../../kernels/blur-f32-box-ref.ts";
import { convShape, convSizes, type ConvParams } from "../../kernels/conv-shape.ts";
import { conv2dF32DirectRef } from "../../kernels/conv2d-f32-direct-ref.ts";
import { separableWeights } from "../../kernels/conv2d-f32-separable-ts.ts";
import { gaussianTapsF32 } from "../../kernels/gaussian-taps-f32.ts";
import { defineBenchmark } from "../benchmark.ts";
import { benchmarkPhoto } from "../photo-input.ts";
import { conv2dSeparablePasses, conv2dShifted, type SeparableInput } from "./conv2d-variants.ts";

/**
 * "Algorithm first": one grayscale image blurred three ways as the window k grows. A k×k Gaussian
 * done directly costs k² taps per pixel, done separably 2k, and a box blur by an integral image
 * 4 lookups whatever k is. The image is the photo the page shows first (public/images/astronaut.png,
 * 512×512), decoded in the runner worker and converted to 8-bit gray as the photo island does, so
 * the benchmark times the very pixels the reader sees blurred; the island runs the same kernels.
 */
type BlurInput = SeparableInput;

const PHOTO = "astronaut.png";
const SIZE = 512;

const blur = (k: number): ConvParams => ({
  batch: 1,
  channels: 1,
  height: SIZE,
  width: SIZE,
  filters: 1,
  kernelH: k,
  kernelW: k,
  stride: 1,
  padding: (k - 1) / 2,
});
const label = (p: ConvParams) => `k=${p.kernelH}`;
const LARGEST = blur(25);

export const blurAlgorithms = defineBenchmark<ConvParams, BlurInput>({
  id: "blur-algorithms",
  title: "Blurring a 512×512 photo: direct Gaussian vs separable Gaussian vs integral-image box",
  chapter: "/vectorization/algorithm-first/",
  cases: [blur(3), blur(9), LARGEST].map((params) => ({ label: label(params), params })),
  caseAxis: "window side k",
  seed: 0, // unused: the input is a photo, the same bytes everywhere
  async input(p) {
    const x = await benchmarkPhoto(PHOTO, p.width, p.height);
    const taps = gaussianTapsF32(p.kernelH);
    const factors = { u: taps, v: taps };
    return { x, ...factors, w: separableWeights(p, factors), b: new Float32Array(1) };
  },
  reference(p, { x, w, b }) {
    const out = new Float32Array(convSizes(convShape(p)).output);
    conv2dF32DirectRef(p, x, w, b, out);
    return out;
  },
  // The variants do different amounts of work (that is the point), so one FLOP count would credit
  // the faster algorithms with arithmetic they skip: compare their times, not GFLOP/s.
  flops: () => 0,
  // Pixels ≤ 255 and taps ≥ 0 summing to 1: a float32 sum of K = k² terms is off by at most about
  // K·u·255 (u = 2⁻²⁴); twice that covers the separable order and the rounded outer-product weights.
  tolerance: (p) => 2 * p.kernelH * p.kernelW * 2 ** -24 * 255,
  baseline: "conv2d-f32-shifted-ts",
  variants: [
    { ...conv2dShifted, label: "Gaussian, direct: k² taps per pixel (shifted planes, TypeScript)" },
    { ...conv2dSeparablePasses, label: "Gaussian, separable: a row pass and a column pass, 2k taps (TypeScript)" },
    {
      id: "blur-f32-box-integral-ts",
      label: "Box blur by integral image: 4 lookups per pixel (TypeScript)",
      prepare(p, { x }) {
        // A box is not a Gaussian: this variant is checked against its own reference, the direct
        // box sum, which on 8-bit pixels it matches exactly (both sum integers in float64).
        const s = { height: p.height, width: p.width, k: p.kernelH };
        const expected = new Float32Array(x.length);
        boxBlurF32Ref(s, x, expected);
        const out = new Float32Array(x.length);
        const integral = boxBlurIntegralScratch(s);
        return { run: () => blurF32BoxIntegralTs(s, x, out, integral), output: () => out, expected };
      },
    },
  ],
  claims: [
    {
      id: "blur-algorithms/separable-k25",
      case: label(LARGEST),
      faster: { variant: "conv2d-f32-separable-ts" },
      slower: { variant: "conv2d-f32-shifted-ts" },
      atLeast: 4,
      because: "the two passes do 25 + 25 multiply-adds per pixel where the direct filter does 25 × 25, in the same kind of loops",
    },
    {
      id: "blur-algorithms/integral-k25",
      case: label(LARGEST),
      faster: { variant: "blur-f32-box-integral-ts" },
      slower: { variant: "conv2d-f32-shifted-ts" },
      atLeast: 30,
      because:
        "an integral image answers every window sum with 4 lookups, so its cost does not grow with k, while the direct filter does 625 multiply-adds per pixel",
    },
  ],
});
