import { checkLength, convShape, convSizes, type ConvParams, type ConvShape } from "./conv-shape.ts";
import { addBiasTransposeF32 } from "./conv2d-f32-im2col.ts";
import { gemmI8Ref } from "./gemm-i8-ref.ts";
import { im2colF32 } from "./im2col-f32.ts";
import { dequantizeI32, QMAX_A, QMAX_B, quantizedGemmErrorBound, quantizeRowsI8, type QuantizedI8 } from "./quantize-i8.ts";

/**
 * A quantized convolution, the plain way every int8 convolution kernel must match bit for bit:
 * - weights per output channel: filter f (its C·kH·kW values, a row of w) gets its own symmetric
 *   scale sw[f] = max|w_f| / 63 (7 bits, for the relaxed 8-bit dot, see gemm-i8-shape.ts), so a
 *   filter of small weights keeps all its levels instead of sharing the largest filter's step;
 * - activations per tensor: each image's C×H×W input gets one scale sx[n] = max|x_n| / 127, computed
 *   when the image arrives (dynamic quantization). One image, not the whole batch, so that an
 *   image's result never depends on which images share its batch or thread;
 * - im2col of the int8 image (padding is 0, exactly representable), one int8 GEMM with exact int32
 *   sums, then out = f32(sum) · (sx[n] · sw[f]) + b[f], NCHW.
 */

/** Filters quantized per output channel: q is F × C·kH·kW int8 (w's layout), scales F floats. */
export function quantizeFiltersI8(s: ConvShape, w: Float32Array): QuantizedI8 {
  checkLength("w", w, convSizes(s).weights);
  return quantizeRowsI8(s.filters, s.patch, w, QMAX_B);
}

/** Each image of the NCHW batch x quantized with one scale of its own (qmax 127). */
export function quantizeImagesI8(s: ConvShape, x: Float32Array): QuantizedI8 {
  checkLength("x", x, convSizes(s).input);
  return quantizeRowsI8(s.batch, s.channels * s.height * s.width, x, QMAX_A);
}

/** The int8 filters transposed to the GEMM's right operand: (C·kH·kW) × F. */
export function transposeFiltersI8(s: ConvShape, q: Int8Array): Int8Array {
  checkLength("q", q, convSizes(s).weights);
  const t = new Int8Array(q.length);
  for (let f = 0; f < s.filters; f++) for (let p = 0; p < s.patch; p++) t[p * s.filters + f] = q[f * s.patch + p]!;
  return t;
}

/** out ≈ conv(x, w) + b through int8 (see above): x (N, C, H, W), w (F, C, kH, kW), b (F) → (N, F, H', W'). */
export function conv2dI8Im2colGemmRef(params: ConvParams, x: Float32Array, w: Float32Array, b: Float32Array): Float32Array {
  const s = convShape(params);
  const sizes = convSizes(s);
  checkLength("b", b, sizes.bias);
  const qx = quantizeImagesI8(s, x);
  const qw = quantizeFiltersI8(s, w);
  // im2col on the int8 values held as floats (exact), then back to int8.
  const col = new Float32Array(sizes.im2col);
  im2colF32(s, Float32Array.from(qx.q), col);
  const cq = new Int32Array(s.cols * s.filters);
  gemmI8Ref({ m: s.cols, n: s.filters, k: s.patch }, Int8Array.from(col), transposeFiltersI8(s, qw.q), cq);
  // GEMM row r is a pixel of image ⌊r / (H'·W')⌋: its activation scale.
  const plane = s.outH * s.outW;
  const rowScales = Float32Array.from({ length: s.cols }, (_, r) => qx.scales[Math.floor(r / plane)]!);
  const out = new Float32Array(sizes.output);
  addBiasTransposeF32(s, dequantizeI32(s.cols, s.filters, cq, rowScales, qw.scales), b, out);
  return out;
}

/**
 * The most an output of the int8 convolution of image n, filter f can differ from the exact
 * convolution: it is a dot product of depth C·kH·kW between the image's patch (scale sx[n]) and
 * filter f (scale sw[f]), so quantizedGemmErrorBound applies with those scales (padding taps are 0
 * in both and add no error); plus the one float32 rounding of adding the bias, at most 2⁻²⁴ of
 * the result, whose magnitude is at most |exact| + that bound.
 */
export function conv2dI8ErrorBound(s: ConvShape, imageScale: number, filterScale: number, exact: number): number {
  const bound = quantizedGemmErrorBound(s.patch, imageScale, filterScale);
  return bound + 2 ** -24 * (Math.abs(exact) + bound);
}
