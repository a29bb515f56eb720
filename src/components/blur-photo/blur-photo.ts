import { blurF32BoxIntegralTs, boxBlurIntegralScratch } from "../../kernels/blur-f32-box-integral-ts.ts";
import type { ConvParams } from "../../kernels/conv-shape.ts";
import { conv2dF32SeparableTs, conv2dSeparableScratch, separableWeights } from "../../kernels/conv2d-f32-separable-ts.ts";
import { conv2dF32ShiftedTs } from "../../kernels/conv2d-f32-shifted-ts.ts";
import { gaussianTapsF32 } from "../../kernels/gaussian-taps-f32.ts";

/** Longest side the island blurs: larger images are scaled down first, so a direct k=25 blur stays a few seconds. */
export const MAX_SIDE = 2048;

/** Width and height that fit within MAX_SIDE, keeping the aspect ratio (never upscales). */
export function fitWithin(width: number, height: number, maxSide = MAX_SIDE): { width: number; height: number } {
  if (!(width >= 1 && height >= 1)) throw new RangeError(`invalid image size: ${width}×${height}`);
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export type BlurMethod = "gaussian-direct" | "gaussian-separable" | "box-integral";
export const BLUR_METHODS: readonly BlurMethod[] = ["gaussian-direct", "gaussian-separable", "box-integral"];

export interface BlurResult {
  method: BlurMethod;
  ms: number;
  pixels: Float32Array;
}

/**
 * The three blurs of the "algorithm first" benchmark on one photo, each timed once (a photo is
 * large enough for one call to dwarf the timer's resolution). Same kernels as the benchmark.
 */
export function blurThreeWays(
  gray: Float32Array,
  width: number,
  height: number,
  k: number,
  now: () => number = () => performance.now(),
): BlurResult[] {
  const p: ConvParams = { batch: 1, channels: 1, height, width, filters: 1, kernelH: k, kernelW: k, stride: 1, padding: (k - 1) / 2 };
  const taps = gaussianTapsF32(k);
  const bias = new Float32Array(1);
  // Each method allocates its scratch here, outside the timed call.
  const prepare: Record<BlurMethod, () => (out: Float32Array) => void> = {
    "gaussian-direct": () => {
      const w = separableWeights(p, { u: taps, v: taps });
      return (out) => conv2dF32ShiftedTs(p, gray, w, bias, out);
    },
    "gaussian-separable": () => {
      const scratch = conv2dSeparableScratch(p);
      return (out) => conv2dF32SeparableTs(p, gray, { u: taps, v: taps }, bias, out, scratch);
    },
    "box-integral": () => {
      const s = { height, width, k };
      const integral = boxBlurIntegralScratch(s);
      return (out) => blurF32BoxIntegralTs(s, gray, out, integral);
    },
  };
  return BLUR_METHODS.map((method) => {
    const pixels = new Float32Array(gray.length);
    const run = prepare[method]();
    const t0 = now();
    run(pixels);
    return { method, ms: now() - t0, pixels };
  });
}
