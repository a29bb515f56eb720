import { checkLength, convShape, convSizes, type ConvParams, type ConvShape } from "./conv-shape.ts";
import { gemmF32BlockedTs } from "./gemm-f32-blocked-ts.ts";
import type { GemmShape } from "./gemm-shape.ts";
import { checkRowRange, im2colF32 } from "./im2col-f32.ts";

/** Any kernel that honours the GEMM contract of gemm-shape.ts (C = A·B, row-major, C overwritten). */
export type GemmF32 = (s: GemmShape, a: Float32Array, b: Float32Array, c: Float32Array) => void;

/** The buffers of an im2col convolution, allocated once outside the timed region. */
export interface Conv2dIm2colScratch {
  /** The im2col matrix: (N·H'·W') × (C·kH·kW). */
  col: Float32Array;
  /** The GEMM result, one row per output pixel: (N·H'·W') × F. */
  gemmOut: Float32Array;
  /** The weights transposed to the GEMM's right operand: (C·kH·kW) × F. */
  wT: Float32Array;
}

/** Allocates the scratch of conv2dF32Im2col for one geometry (a ConvShape works as well). */
export function conv2dIm2colScratch(p: ConvParams): Conv2dIm2colScratch {
  const s = convShape(p);
  return {
    col: new Float32Array(s.cols * s.patch),
    gemmOut: new Float32Array(s.cols * s.filters),
    wT: new Float32Array(s.patch * s.filters),
  };
}

/** wT = transpose of w viewed as an F × (C·kH·kW) matrix. */
export function transposeWeights(s: ConvShape, w: Float32Array, wT: Float32Array): void {
  const { filters: F, patch } = s;
  checkLength("w", w, F * patch);
  checkLength("wT", wT, F * patch);
  for (let f = 0; f < F; f++) {
    const row = f * patch;
    for (let q = 0; q < patch; q++) wT[q * F + f] = w[row + q]!;
  }
}

/**
 * The epilogue of every im2col convolution: out[n, f, oy, ox] = gemmOut[(n, oy, ox), f] + b[f],
 * i.e. add the bias and move the filter axis from last (GEMM rows) to second (NCHW). Only GEMM
 * rows in [rowStart, rowEnd) are written, so threads can split it like im2colF32; the
 * WebAssembly kernels mirror this function.
 */
export function addBiasTransposeF32(
  s: ConvShape,
  gemmOut: Float32Array,
  b: Float32Array,
  out: Float32Array,
  rowStart = 0,
  rowEnd: number = s.cols,
): void {
  const sizes = convSizes(s);
  checkLength("gemmOut", gemmOut, s.cols * s.filters);
  checkLength("b", b, sizes.bias);
  checkLength("out", out, sizes.output);
  checkRowRange(s, rowStart, rowEnd);
  const F = s.filters;
  const plane = s.outH * s.outW;
  let n = Math.floor(rowStart / plane);
  let pixel = rowStart - n * plane;
  for (let r = rowStart; r < rowEnd; r++) {
    const row = r * F;
    const base = n * F * plane + pixel;
    for (let f = 0; f < F; f++) out[base + f * plane] = gemmOut[row + f]! + b[f]!;
    if (++pixel === plane) {
      pixel = 0;
      n++;
    }
  }
}

/**
 * 2D convolution as one GEMM (the Caffe/cuDNN "im2col" method), NCHW, same contract as
 * conv2dF32DirectRef: x (N, C, H, W), w (F, C, kH, kW), b (F) → out (N, F, H', W').
 *   col (N·H'·W' × C·kH·kW) = im2col(x)
 *   gemmOut (N·H'·W' × F)   = col · wT
 *   out                     = addBiasTranspose(gemmOut, b)
 * It trades C·kH·kW / stride² times the input's memory for a single large, cache-friendly GEMM.
 * Weights are transposed on every call (F·C·kH·kW copies, negligible next to the GEMM) so that the
 * kernel takes the same w as the reference. `gemm` lets a faster GEMM plug in.
 */
export function conv2dF32Im2col(
  params: ConvParams,
  x: Float32Array,
  w: Float32Array,
  b: Float32Array,
  out: Float32Array,
  scratch: Conv2dIm2colScratch,
  gemm: GemmF32 = gemmF32BlockedTs,
): void {
  const s = convShape(params);
  const sizes = convSizes(s);
  checkLength("x", x, sizes.input);
  checkLength("w", w, sizes.weights);
  checkLength("b", b, sizes.bias);
  checkLength("out", out, sizes.output);
  checkLength("scratch.col", scratch.col, sizes.im2col);
  checkLength("scratch.gemmOut", scratch.gemmOut, s.cols * s.filters);
  checkLength("scratch.wT", scratch.wT, sizes.weights);
  transposeWeights(s, w, scratch.wT);
  im2colF32(s, x, scratch.col);
  gemm({ m: s.cols, n: s.filters, k: s.patch }, scratch.col, scratch.wT, scratch.gemmOut);
  addBiasTransposeF32(s, scratch.gemmOut, b, out);
}
