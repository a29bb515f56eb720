// The input and output transforms of Winograd's F(2×2, 3×3) (the matrices are in
// src/kernels/winograd-f32-transforms.ts; the kernel is conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd.ts), four
// horizontally adjacent tiles at a time, one tile per f32x4 lane. Every coefficient is 0 or ±1, so
// the transforms are adds only: two roundings per input element, four per output (plus the bias).
// Each output row reloads what it needs rather than keeping all sixteen vectors live: L1 loads are
// cheaper than the spills V8 emits past fifteen vector registers. Pointers and strides in bytes.

import { store_f32x4_partial } from "./gemm-f32-6x8";

/** a + b or a − b, lane-wise; `add` is a constant at every (inlined) call, so no branch remains. */
// @ts-ignore: decorator
@inline function add_or_sub(a: v128, b: v128, add: bool): v128 {
  return add ? f32x4.add(a, b) : f32x4.sub(a, b);
}

/**
 * Row i of Bᵀ d B for four tiles, Bᵀ's row i being (row pa) ± (row pb) of the 4×10 input window:
 * column j goes to dst + j·stride, lane k = tile k (whose window starts at column 2k).
 */
// @ts-ignore: decorator
@inline function input_row(pa: usize, pb: usize, add: bool, dst: usize, stride: usize): void {
  // Columns 0..7 and 2..9 of the combined row, each as two vectors.
  const z0 = add_or_sub(v128.load(pa), v128.load(pb), add);
  const z1 = add_or_sub(v128.load(pa, 16), v128.load(pb, 16), add);
  const z2 = add_or_sub(v128.load(pa, 8), v128.load(pb, 8), add);
  const z3 = add_or_sub(v128.load(pa, 24), v128.load(pb, 24), add);
  // Deinterleave: d_j lane k = column 2k + j, column j of tile k's window.
  const d0 = v128.shuffle<f32>(z0, z1, 0, 2, 4, 6);
  const d1 = v128.shuffle<f32>(z0, z1, 1, 3, 5, 7);
  const d2 = v128.shuffle<f32>(z2, z3, 0, 2, 4, 6);
  const d3 = v128.shuffle<f32>(z2, z3, 1, 3, 5, 7);
  v128.store(dst, f32x4.sub(d0, d2));
  v128.store(dst + stride, f32x4.add(d1, d2));
  v128.store(dst + 2 * stride, f32x4.sub(d2, d1));
  v128.store(dst + 3 * stride, f32x4.sub(d1, d3));
}

/**
 * V = Bᵀ d B of four adjacent tiles whose 4×10 input window starts at src (rows rowStride apart,
 * zero padding already in place). Element ξ = 4i + j of the four transforms goes to
 * dst + ξ·stride as one f32x4, lane k = tile k.
 */
// @ts-ignore: decorator
@inline export function winograd2x2_3x3_input_x4(src: usize, rowStride: usize, dst: usize, stride: usize): void {
  const r1 = src + rowStride;
  const r2 = r1 + rowStride;
  const r3 = r2 + rowStride;
  const row = stride << 2;
  input_row(src, r2, false, dst, stride); // d0 − d2
  input_row(r1, r2, true, dst + row, stride); // d1 + d2
  input_row(r2, r1, false, dst + 2 * row, stride); // d2 − d1
  input_row(r1, r3, false, dst + 3 * row, stride); // d1 − d3
}

/**
 * Column j of row `first ? 0 : 1` of Aᵀ M for four tiles, M's element ξ at src + ξ·stride:
 * m0j + m1j + m2j, or m1j − m2j − m3j.
 */
// @ts-ignore: decorator
@inline function output_column(src: usize, stride: usize, j: usize, first: bool): v128 {
  const m1 = v128.load(src + (4 + j) * stride);
  const m2 = v128.load(src + (8 + j) * stride);
  return first
    ? f32x4.add(f32x4.add(v128.load(src + j * stride), m1), m2)
    : f32x4.sub(f32x4.sub(m1, m2), v128.load(src + (12 + j) * stride));
}

/**
 * Row `first ? 0 : 1` of the 2×2 output tiles Aᵀ M A + bias of four adjacent tiles, interleaved
 * into the 8 output pixels they cover, of which the first `cols` (1..8) are stored at dst.
 */
// @ts-ignore: decorator
@inline function output_row(src: usize, stride: usize, first: bool, bias: v128, dst: usize, cols: i32): void {
  const s0 = output_column(src, stride, 0, first);
  const s1 = output_column(src, stride, 1, first);
  const s2 = output_column(src, stride, 2, first);
  const s3 = output_column(src, stride, 3, first);
  const y0 = f32x4.add(f32x4.add(f32x4.add(s0, s1), s2), bias);
  const y1 = f32x4.add(f32x4.sub(f32x4.sub(s1, s2), s3), bias);
  const lo = v128.shuffle<f32>(y0, y1, 0, 4, 1, 5);
  const hi = v128.shuffle<f32>(y0, y1, 2, 6, 3, 7);
  if (cols >= 8) {
    v128.store(dst, lo);
    v128.store(dst, hi, 16);
  } else if (cols > 4) {
    v128.store(dst, lo);
    store_f32x4_partial(dst + 16, hi, cols - 4);
  } else {
    store_f32x4_partial(dst, lo, cols);
  }
}

/**
 * Y = Aᵀ M A + bias for four adjacent tiles, M's element ξ at src + ξ·stride (lane k = tile k):
 * the first `cols` (1..8) pixels of output row 0 at dst0 and, when `both`, of row 1 at dst1.
 */
// @ts-ignore: decorator
@inline export function winograd2x2_3x3_output_x4(
  src: usize, stride: usize, bias: v128, dst0: usize, dst1: usize, cols: i32, both: bool,
): void {
  output_row(src, stride, true, bias, dst0, cols);
  if (both) output_row(src, stride, false, bias, dst1, cols);
}
