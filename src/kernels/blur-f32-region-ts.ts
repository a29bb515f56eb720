import { checkBlurShape, type BlurShape } from "./blur-shape.ts";
import { checkLength, type ConvParams } from "./conv-shape.ts";
import { conv2dF32SeparableTs, conv2dSeparableScratch } from "./conv2d-f32-separable-ts.ts";

/**
 * A separable k×k blur (taps ⊗ taps, zero padding as blur-shape.ts defines it) wanted only inside
 * a rectangle of the image, two ways: the whole frame blurred and then cropped (what one writes
 * first), and the region alone, read with a halo of (k − 1) / 2 pixels on each side, which is every
 * pixel the region's windows touch. Where the halo crosses the image's edge the full blur reads
 * zeros, so the region's window holds zeros there; both ways then add the same products in the
 * same order, and their outputs are equal bit for bit, at the border too.
 */

/** A rectangle of pixels: its top-left pixel (row, column) and its size. */
export interface PixelRegion {
  top: number;
  left: number;
  height: number;
  width: number;
}

function integer(name: string, value: number, min?: number): void {
  if (!Number.isInteger(value) || (min !== undefined && value < min)) {
    throw new RangeError(`invalid ${name}: ${value} (expected an integer${min === undefined ? "" : ` ≥ ${min}`})`);
  }
}

/** Throws unless `region` is a non-empty rectangle inside the H×W image. */
export function checkRegion({ height: H, width: W }: Pick<BlurShape, "height" | "width">, region: PixelRegion): void {
  integer("region.top", region.top, 0);
  integer("region.left", region.left, 0);
  integer("region.height", region.height, 1);
  integer("region.width", region.width, 1);
  if (region.top + region.height > H)
    throw new RangeError(`invalid region: rows ${region.top}…${region.top + region.height - 1} leave the ${H}-row image`);
  if (region.left + region.width > W)
    throw new RangeError(`invalid region: columns ${region.left}…${region.left + region.width - 1} leave the ${W}-column image`);
}

/** The region grown by the blur's radius on each side: every pixel its k×k windows read. */
export function withHalo(region: PixelRegion, k: number): PixelRegion {
  const r = (k - 1) / 2;
  return { top: region.top - r, left: region.left - r, height: region.height + 2 * r, width: region.width + 2 * r };
}

/**
 * Copies `window` of the H×W plane x into `out` (window.height × window.width, row-major). The
 * window may reach past the image (a halo at the border): those pixels are 0, as zero padding reads.
 */
export function cropF32(s: Pick<BlurShape, "height" | "width">, x: Float32Array, window: PixelRegion, out: Float32Array): void {
  const { height: H, width: W } = s;
  integer("height", H, 1);
  integer("width", W, 1);
  integer("window.top", window.top);
  integer("window.left", window.left);
  integer("window.height", window.height, 1);
  integer("window.width", window.width, 1);
  checkLength("x", x, H * W);
  checkLength("out", out, window.height * window.width);
  const { top, left, height: h, width: w } = window;
  // Columns of the window that fall inside the image; the rest of each row stays zero.
  const c0 = Math.min(w, Math.max(0, -left));
  const c1 = Math.max(c0, Math.min(w, W - left));
  for (let i = 0; i < h; i++) {
    const y = top + i;
    const row = i * w;
    if (y < 0 || y >= H || c0 === c1) {
      out.fill(0, row, row + w);
      continue;
    }
    out.fill(0, row, row + c0);
    out.set(x.subarray(y * W + left + c0, y * W + left + c1), row + c0);
    out.fill(0, row + c1, row + w);
  }
}

/** One H×W plane blurred by a k×k filter, as a convolution: one channel, one filter, stride 1. */
export function blurConvParams(height: number, width: number, k: number, padding: number): ConvParams {
  return { batch: 1, channels: 1, height, width, filters: 1, kernelH: k, kernelW: k, stride: 1, padding };
}

/** The blurs add no bias; conv2dF32SeparableTs only reads it. */
const NO_BIAS = new Float32Array(1);

function checkBlur(s: BlurShape, region: PixelRegion, x: Float32Array, taps: Float32Array, out: Float32Array): void {
  checkBlurShape(s);
  checkRegion(s, region);
  checkLength("x", x, s.height * s.width);
  checkLength("taps", taps, s.k);
  checkLength("out", out, region.height * region.width);
}

/** Buffers of blurF32FullCropTs: the blurred frame and its row-pass plane. Allocate once, outside the timed region. */
export interface FullCropScratch {
  frame: Float32Array;
  rows: Float32Array;
}

export function blurFullCropScratch(s: BlurShape): FullCropScratch {
  checkBlurShape(s);
  return {
    frame: new Float32Array(s.height * s.width),
    rows: conv2dSeparableScratch(blurConvParams(s.height, s.width, s.k, (s.k - 1) / 2)),
  };
}

/**
 * The baseline: the whole H×W frame blurred (2k multiply-adds per pixel, H·W pixels), then the
 * region copied out into `out` (region.height × region.width).
 */
export function blurF32FullCropTs(
  s: BlurShape,
  region: PixelRegion,
  x: Float32Array,
  taps: Float32Array,
  out: Float32Array,
  scratch: FullCropScratch,
): void {
  checkBlur(s, region, x, taps, out);
  const conv = blurConvParams(s.height, s.width, s.k, (s.k - 1) / 2);
  checkLength("scratch.frame", scratch.frame, s.height * s.width);
  checkLength("scratch.rows", scratch.rows, s.height * s.width);
  conv2dF32SeparableTs(conv, x, { u: taps, v: taps }, NO_BIAS, scratch.frame, scratch.rows);
  cropF32(s, scratch.frame, region, out);
}

/** Buffers of blurF32RegionTs: the region with its halo and its row-pass plane. Allocate once, outside the timed region. */
export interface RegionScratch {
  window: Float32Array;
  rows: Float32Array;
}

export function blurRegionScratch(s: BlurShape, region: PixelRegion): RegionScratch {
  checkBlurShape(s);
  checkRegion(s, region);
  const w = withHalo(region, s.k);
  return { window: new Float32Array(w.height * w.width), rows: new Float32Array(w.height * region.width) };
}

/**
 * The region alone: its pixels and their halo copied out (zeros past the image's edge), then the
 * same separable blur with no padding, which leaves exactly region.height × region.width outputs.
 * It filters (h + k − 1)·w + h·w pixels per tap where the full frame filters 2·H·W.
 */
export function blurF32RegionTs(
  s: BlurShape,
  region: PixelRegion,
  x: Float32Array,
  taps: Float32Array,
  out: Float32Array,
  scratch: RegionScratch,
): void {
  checkBlur(s, region, x, taps, out);
  const halo = withHalo(region, s.k);
  checkLength("scratch.window", scratch.window, halo.height * halo.width);
  checkLength("scratch.rows", scratch.rows, halo.height * region.width);
  cropF32(s, x, halo, scratch.window);
  conv2dF32SeparableTs(blurConvParams(halo.height, halo.width, s.k, 0), scratch.window, { u: taps, v: taps }, NO_BIAS, out, scratch.rows);
}
