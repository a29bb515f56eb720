// gemm_f32_8x4_bias: C = A · B + bias (one value per row of C) for A with 8 rows, given transposed
// (aT: k × 8, the rows' values of step p contiguous): 8 filters times a tap-major im2col matrix.
// The 6×8 tile (gemm-f32-6x8.ts) covers 8 rows with a 6-row and a 2-row tile, and the 2-row one
// costs as much as a full one; this tile covers 8 rows × 4 columns: eight accumulators, one B
// vector and one broadcast A value per multiply-add (10 vector registers), A read through one
// pointer at constant offsets. The accumulators start at the bias, so adding it costs no pass.
// Measured on the digit CNN's first layer (8 filters, 25 taps, 784 pixels), Node 24: 1.24× the
// 6×8 tile plus a bias pass; with 16 filters it was 0.94× (6 + 6 + 4 rows waste less there).
// The right edge (nc < 4 columns) reads and writes only those columns. Strides in bytes.

import { f32x4_madd } from "./f32x4-madd";
import { load_f32x4_partial, store_f32x4_partial } from "./gemm-f32-6x8";

/** Rows of the tile: the A operand has exactly this many. */
export const GEMM_8X4_MR: i32 = 8;

// @ts-ignore: decorator
@inline function gemm_f32_8x4_bias_tile(nc: i32, k: i32, aT: usize, b: usize, ldb: usize, bias: usize, c: usize, ldc: usize): void {
  let v0 = v128.load32_splat(bias, 0);
  let v1 = v128.load32_splat(bias, 4);
  let v2 = v128.load32_splat(bias, 8);
  let v3 = v128.load32_splat(bias, 12);
  let v4 = v128.load32_splat(bias, 16);
  let v5 = v128.load32_splat(bias, 20);
  let v6 = v128.load32_splat(bias, 24);
  let v7 = v128.load32_splat(bias, 28);
  let p = k;
  do {
    const y = nc >= 4 ? v128.load(b) : load_f32x4_partial(b, nc);
    b += ldb;
    v0 = f32x4_madd(v128.load32_splat(aT, 0), y, v0);
    v1 = f32x4_madd(v128.load32_splat(aT, 4), y, v1);
    v2 = f32x4_madd(v128.load32_splat(aT, 8), y, v2);
    v3 = f32x4_madd(v128.load32_splat(aT, 12), y, v3);
    v4 = f32x4_madd(v128.load32_splat(aT, 16), y, v4);
    v5 = f32x4_madd(v128.load32_splat(aT, 20), y, v5);
    v6 = f32x4_madd(v128.load32_splat(aT, 24), y, v6);
    v7 = f32x4_madd(v128.load32_splat(aT, 28), y, v7);
    aT += 32;
  } while (--p);
  store_f32x4_partial(c, v0, nc); c += ldc;
  store_f32x4_partial(c, v1, nc); c += ldc;
  store_f32x4_partial(c, v2, nc); c += ldc;
  store_f32x4_partial(c, v3, nc); c += ldc;
  store_f32x4_partial(c, v4, nc); c += ldc;
  store_f32x4_partial(c, v5, nc); c += ldc;
  store_f32x4_partial(c, v6, nc); c += ldc;
  store_f32x4_partial(c, v7, nc);
}

/** C (8 × n, ldc) = A · B (k × n, ldb) + bias (8), A given as aT (k × 8); k ≥ 1, sizes in elements, strides in bytes. */
// @ts-ignore: decorator
@inline export function gemm_f32_8x4_bias(n: i32, k: i32, aT: usize, b: usize, ldb: usize, bias: usize, c: usize, ldc: usize): void {
  let j = 0;
  // Full tiles with nc = 4 inlined as a constant, so their loop has no edge test.
  for (; j + 4 <= n; j += 4) gemm_f32_8x4_bias_tile(4, k, aT, b + (<usize>j << 2), ldb, bias, c + (<usize>j << 2), ldc);
  if (j < n) gemm_f32_8x4_bias_tile(n - j, k, aT, b + (<usize>j << 2), ldb, bias, c + (<usize>j << 2), ldc);
}
