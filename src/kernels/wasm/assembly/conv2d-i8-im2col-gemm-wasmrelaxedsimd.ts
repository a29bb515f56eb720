// conv2d_i8_im2col_gemm_wasmrelaxedsimd: a quantized 2D convolution (NCHW, cross-correlation) as int8
// im2col + the int8 GEMM (gemm-i8-4x8-wasmrelaxedsimd.ts) + dequantize, bias and scatter to NCHW, for
// n images (threads would split a batch by images, each with its own images' pointers and scratch).
// src/kernels/conv2d-i8-im2col-gemm-ref.ts is its reference, bit for bit.
//
// The input arrives already quantized, one scale per image (quantize_f32_i8_rows_wasmsimd with a row
// per image), and the filters quantized per output channel, transposed to (C·kH·kW) × F and packed
// by gemm_i8_4x8_wasmrelaxedsimd_pack_b once. Rows are processed in blocks of CONV_ROWS so that the
// block's slice of col (int8: a quarter of the float im2col's bytes) is still in cache when the GEMM
// reads it, as in conv2d-f32-im2col-gemm-wasmrelaxedsimd.ts.

import { gemm_i8_4x8_wasmrelaxedsimd } from "./gemm-i8-4x8-wasmrelaxedsimd";
import { im2col_i8 } from "./im2col-i8";

/** Rows (output pixels) per im2col → GEMM → scatter step; a multiple of the int8 tile's 4 rows. */
const CONV_ROWS: i32 = 96;

/**
 * out (N, F, H', W') = f32(Σ xq·wq) · (xScales[n] · wScales[f]) + bias[f]. xq is the int8 NCHW
 * input, xScales N floats, packed the packed int8 filters, wScales and bias F floats; col is the
 * (N·H'·W') × ⌈C·kH·kW⌉₄ int8 im2col scratch (rows rounded up to a multiple of 4 bytes) and cq the
 * (N·H'·W') × F int32 scratch. Pointers in bytes.
 */
export function conv2d_i8_im2col_gemm_wasmrelaxedsimd(
  xq: usize, xScales: usize, packed: usize, wScales: usize, bias: usize, out: usize, col: usize, cq: usize,
  n: i32, c: i32, h: i32, w: i32, f: i32,
  kh: i32, kw: i32, stride: i32, pad: i32,
): void {
  if (stride <= 0 || f <= 0) return;
  const outH = (h + 2 * pad - kh) / stride + 1;
  const outW = (w + 2 * pad - kw) / stride + 1;
  if (outH <= 0 || outW <= 0) return;
  const outHW = outH * outW;
  // col's rows padded to whole groups of 4 depths with zeros: B is packed with zeros there too
  // (gemm_i8_4x8_wasmrelaxedsimd_pack_b), so the products are the same and the GEMM skips its
  // byte-by-byte tail.
  const depth = (c * kh * kw + 3) & ~3;
  const fBytes = <usize>f << 2;
  const planeBytes = <usize>outHW << 2;
  const rows = n * outHW;
  for (let r0 = 0; r0 < rows; r0 += CONV_ROWS) {
    const r1 = min(rows, r0 + CONV_ROWS);
    im2col_i8(xq, n, c, h, w, kh, kw, stride, pad, outH, outW, col, depth, r0, r1);
    const g = cq + <usize>r0 * fBytes;
    gemm_i8_4x8_wasmrelaxedsimd(r1 - r0, f, depth, col + <usize>r0 * <usize>depth, depth, packed, g, f);
    // Row r of cq holds the F sums of pixel r; in NCHW they are a plane apart.
    let img = r0 / outHW;
    let pix = r0 % outHW;
    let xScale = load<f32>(xScales + (<usize>img << 2));
    let r = r0;
    while (r < r1) {
      const dst = out + (<usize>(img * f) * planeBytes) + (<usize>pix << 2);
      const src = cq + <usize>r * fBytes;
      let step = 1;
      if ((f & 3) == 0 && r + 4 <= r1 && pix + 4 <= outHW) {
        scatter_4x4(src, fBytes, dst, planeBytes, f, xScale, wScales, bias);
        step = 4;
      } else {
        for (let fi = 0; fi < f; fi++) {
          const o = <usize>fi << 2;
          const scale: f32 = xScale * load<f32>(wScales + o);
          store<f32>(dst + <usize>fi * planeBytes, <f32>load<i32>(src + o) * scale + load<f32>(bias + o));
        }
      }
      r += step;
      pix += step;
      if (pix == outHW) {
        pix = 0;
        img++;
        if (img < n) xScale = load<f32>(xScales + (<usize>img << 2));
      }
    }
  }
}

/**
 * Four pixels (rows of cq, fBytes apart, one image) × all f (a multiple of 4) channels: each 4×4
 * block of int32 sums transposed in registers, so that a channel's four pixels, adjacent in NCHW,
 * are dequantized and stored as one vector instead of four scattered floats. The same float32
 * operations per value as the scalar loop, so the same bits.
 */
// @ts-ignore: decorator
@inline function scatter_4x4(src: usize, fBytes: usize, dst: usize, planeBytes: usize, f: i32, xScale: f32, wScales: usize, bias: usize): void {
  const xs = f32x4.splat(xScale);
  for (let fi = 0; fi < f; fi += 4) {
    const o = <usize>fi << 2;
    const a0 = v128.load(src + o);
    const a1 = v128.load(src + fBytes + o);
    const a2 = v128.load(src + 2 * fBytes + o);
    const a3 = v128.load(src + 3 * fBytes + o);
    // (pixel, channel) → (channel, pixel).
    const t0 = v128.shuffle<i32>(a0, a1, 0, 4, 1, 5);
    const t1 = v128.shuffle<i32>(a0, a1, 2, 6, 3, 7);
    const t2 = v128.shuffle<i32>(a2, a3, 0, 4, 1, 5);
    const t3 = v128.shuffle<i32>(a2, a3, 2, 6, 3, 7);
    const scales = f32x4.mul(xs, v128.load(wScales + o));
    const biases = v128.load(bias + o);
    const at = dst + <usize>fi * planeBytes;
    // Channel fi + j: its scale and bias broadcast from lane j.
    store_channel(at, v128.shuffle<i64>(t0, t2, 0, 2), v128.shuffle<i32>(scales, scales, 0, 0, 0, 0), v128.shuffle<i32>(biases, biases, 0, 0, 0, 0));
    store_channel(at + planeBytes, v128.shuffle<i64>(t0, t2, 1, 3), v128.shuffle<i32>(scales, scales, 1, 1, 1, 1), v128.shuffle<i32>(biases, biases, 1, 1, 1, 1));
    store_channel(at + 2 * planeBytes, v128.shuffle<i64>(t1, t3, 0, 2), v128.shuffle<i32>(scales, scales, 2, 2, 2, 2), v128.shuffle<i32>(biases, biases, 2, 2, 2, 2));
    store_channel(at + 3 * planeBytes, v128.shuffle<i64>(t1, t3, 1, 3), v128.shuffle<i32>(scales, scales, 3, 3, 3, 3), v128.shuffle<i32>(biases, biases, 3, 3, 3, 3));
  }
}

/** Four pixels' sums of one channel dequantized (scale and bias broadcast) and stored. */
// @ts-ignore: decorator
@inline function store_channel(at: usize, sums: v128, scale: v128, bias: v128): void {
  v128.store(at, f32x4.add(f32x4.mul(f32x4.convert_i32x4_s(sums), scale), bias));
}
