import { checkLength, convShape, convSizes, type ConvParams, type ConvShape } from "./conv-shape.ts";
import { transposeF32 } from "./transpose-f32.ts";
import type { GemmF32 } from "./conv2d-f32-im2col.ts";
import { gemmF32BlockedTs } from "./gemm-f32-blocked-ts.ts";
import { col2imF32, im2colF32, type Col2imF32 } from "./im2col-f32.ts";

/** The buffers of conv2dF32Backward, allocated once outside the timed region. */
export interface Conv2dBackwardScratch {
  /** im2col(x), then reused for the gradient of the im2col matrix: (N·H'·W') × (C·kH·kW). */
  col: Float32Array;
  /** dout with the batch axis moved inside the filter axis: F × (N·H'·W'). */
  doutT: Float32Array;
  /** dout with one row per output pixel: (N·H'·W') × F. */
  doutRows: Float32Array;
}

export interface Conv2dBackwardOptions {
  /** The GEMM of both products (default: the TypeScript blocked GEMM). */
  gemm?: GemmF32;
  /** The col2im that turns the im2col matrix's gradient into dx (default: the TypeScript one). */
  col2im?: Col2imF32;
  /**
   * scratch.col already holds im2col(x), as the forward pass left it (conv2dF32Im2col's scratch
   * col): the backward pass reads it instead of unfolding x again. It is overwritten either way.
   */
  colHoldsInput?: boolean;
}

/** Allocates the scratch of conv2dF32Backward for one geometry (a ConvShape works as well). */
export function conv2dBackwardScratch(p: ConvParams): Conv2dBackwardScratch {
  const s = convShape(p);
  return {
    col: new Float32Array(s.cols * s.patch),
    doutT: new Float32Array(s.filters * s.cols),
    doutRows: new Float32Array(s.cols * s.filters),
  };
}

/**
 * Gradients of out = conv2d(x, w) + b (NCHW, as conv2dF32DirectRef) given dout = ∂L/∂out, by the same
 * im2col lowering as the forward pass. With col = im2col(x) and D the (N·H'·W') × F matrix whose
 * row (n, oy, ox) is dout[n, :, oy, ox], the forward is D_out = col · wT + b, hence
 *   dw (F × C·kH·kW)        = (colᵀ · D)ᵀ = Dᵀ · col   one GEMM, m = F, k = N·H'·W', n = C·kH·kW
 *   dcol (N·H'·W' × C·kH·kW) = D · w                    one GEMM, m = N·H'·W', k = F, n = C·kH·kW
 *   dx                       = col2im(dcol)             overlapping patches add up
 *   db[f]                    = Σ over n, oy, ox of dout[n, f, oy, ox]
 * Dᵀ is dout with its batch axis moved (a copy of contiguous rows), so no GEMM needs a transposed
 * operand. dx, dw and db are overwritten. Pure TypeScript, single-threaded, no allocation.
 * A network's first layer passes dx = null: nobody reads the gradient of the image, and its GEMM
 * and col2im are as large as the weight gradient's work.
 */
export function conv2dF32Backward(
  params: ConvParams,
  x: Float32Array,
  w: Float32Array,
  dout: Float32Array,
  dx: Float32Array | null,
  dw: Float32Array,
  db: Float32Array,
  scratch: Conv2dBackwardScratch,
  options: Conv2dBackwardOptions = {},
): void {
  const s = convShape(params);
  const sizes = convSizes(s);
  checkLength("x", x, sizes.input);
  checkLength("w", w, sizes.weights);
  checkLength("dout", dout, sizes.output);
  if (dx) checkLength("dx", dx, sizes.input);
  checkLength("dw", dw, sizes.weights);
  checkLength("db", db, sizes.bias);
  checkLength("scratch.col", scratch.col, sizes.im2col);
  checkLength("scratch.doutT", scratch.doutT, s.filters * s.cols);
  checkLength("scratch.doutRows", scratch.doutRows, s.cols * s.filters);
  const { col, doutT, doutRows } = scratch;
  const { gemm = gemmF32BlockedTs, col2im = col2imF32, colHoldsInput = false } = options;

  gatherDoutT(s, dout, doutT);
  sumRows(s.filters, s.cols, doutT, db);

  if (!colHoldsInput) im2colF32(s, x, col);
  gemm({ m: s.filters, n: s.patch, k: s.cols }, doutT, col, dw);
  if (!dx) return;

  transposeF32(s.filters, s.cols, doutT, doutRows);
  gemm({ m: s.cols, n: s.patch, k: s.filters }, doutRows, w, col);
  col2im(s, col, dx);
}

/**
 * doutT[f, (n, oy, ox)] = dout[n, f, oy, ox]: each (n, f) plane is one contiguous run, copied by
 * TypedArray.set (a memmove in the engine, ~3% of a training step as a JavaScript loop).
 */
function gatherDoutT(s: ConvShape, dout: Float32Array, doutT: Float32Array): void {
  const plane = s.outH * s.outW;
  for (let n = 0; n < s.batch; n++) {
    for (let f = 0; f < s.filters; f++) {
      const from = (n * s.filters + f) * plane;
      doutT.set(dout.subarray(from, from + plane), f * s.cols + n * plane);
    }
  }
}

/** sums[i] = Σ_j a[i, j] for a rows × cols matrix, accumulated in f64 and rounded once. */
function sumRows(rows: number, cols: number, a: Float32Array, sums: Float32Array): void {
  for (let i = 0; i < rows; i++) {
    let acc = 0;
    for (let j = i * cols, end = j + cols; j < end; j++) acc += a[j]!;
    sums[i] = acc;
  }
}
