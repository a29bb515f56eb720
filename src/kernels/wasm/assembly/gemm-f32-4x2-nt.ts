// gemm_f32_4x2_nt: C += A · Bᵀ for row-major A (m × k) and B (n × k), i.e. C[i, j] += Σ_p A[i, p]·B[j, p]:
// both operands are read along their rows, so a product whose shared dimension is the long,
// contiguous one (a convolution's weight gradient: output-gradient rows times im2col rows, both
// one float per pixel) needs no transposed copy of either. The tile is 4 rows of A × 2 rows of B:
// each step loads four floats of each of the six rows and does eight lane-wise multiply-adds into
// eight accumulators (14 vector registers with the loads, under V8's 15), then each accumulator's
// four lanes are summed once at the end of the depth.
//
// Rows past the edge (mr < 4, nr < 2) alias the previous row, as in gemm-f32-6x8.ts: they compute
// the same sums into the same C entries, so the edge costs no branch in the loop. Every C entry is
// read before any is written, so aliased entries get the same value. Strides in bytes.

import { f32x4_madd } from "./f32x4-madd";
import { load_f32x4_partial } from "./gemm-f32-6x8";

// @ts-ignore: decorator
@inline function sum_lanes(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

// @ts-ignore: decorator
@inline function gemm_f32_4x2_nt_tile(
  mr: i32, nr: i32, k: i32,
  a: usize, lda: usize,
  b: usize, ldb: usize,
  c: usize, ldc: usize,
): void {
  const a0 = a;
  const a1 = mr > 1 ? a0 + lda : a0;
  const a2 = mr > 2 ? a1 + lda : a1;
  const a3 = mr > 3 ? a2 + lda : a2;
  const b0 = b;
  const b1 = nr > 1 ? b0 + ldb : b0;
  const zero = f32x4.splat(0);
  let v00 = zero, v01 = zero, v10 = zero, v11 = zero;
  let v20 = zero, v21 = zero, v30 = zero, v31 = zero;
  let p: usize = 0;
  const full = <usize>(k & ~3) << 2;
  for (; p < full; p += 16) {
    const y0 = v128.load(b0 + p);
    const y1 = v128.load(b1 + p);
    const x0 = v128.load(a0 + p);
    v00 = f32x4_madd(x0, y0, v00); v01 = f32x4_madd(x0, y1, v01);
    const x1 = v128.load(a1 + p);
    v10 = f32x4_madd(x1, y0, v10); v11 = f32x4_madd(x1, y1, v11);
    const x2 = v128.load(a2 + p);
    v20 = f32x4_madd(x2, y0, v20); v21 = f32x4_madd(x2, y1, v21);
    const x3 = v128.load(a3 + p);
    v30 = f32x4_madd(x3, y0, v30); v31 = f32x4_madd(x3, y1, v31);
  }
  const tail = k & 3;
  if (tail) {
    // Zero lanes past the end: they add nothing, and nothing past a row is read.
    const y0 = load_f32x4_partial(b0 + p, tail);
    const y1 = load_f32x4_partial(b1 + p, tail);
    const x0 = load_f32x4_partial(a0 + p, tail);
    v00 = f32x4_madd(x0, y0, v00); v01 = f32x4_madd(x0, y1, v01);
    const x1 = load_f32x4_partial(a1 + p, tail);
    v10 = f32x4_madd(x1, y0, v10); v11 = f32x4_madd(x1, y1, v11);
    const x2 = load_f32x4_partial(a2 + p, tail);
    v20 = f32x4_madd(x2, y0, v20); v21 = f32x4_madd(x2, y1, v21);
    const x3 = load_f32x4_partial(a3 + p, tail);
    v30 = f32x4_madd(x3, y0, v30); v31 = f32x4_madd(x3, y1, v31);
  }
  const c0 = c;
  const c1 = mr > 1 ? c0 + ldc : c0;
  const c2 = mr > 2 ? c1 + ldc : c1;
  const c3 = mr > 3 ? c2 + ldc : c2;
  const j1: usize = nr > 1 ? 4 : 0;
  const s00 = load<f32>(c0) + sum_lanes(v00), s01 = load<f32>(c0 + j1) + sum_lanes(v01);
  const s10 = load<f32>(c1) + sum_lanes(v10), s11 = load<f32>(c1 + j1) + sum_lanes(v11);
  const s20 = load<f32>(c2) + sum_lanes(v20), s21 = load<f32>(c2 + j1) + sum_lanes(v21);
  const s30 = load<f32>(c3) + sum_lanes(v30), s31 = load<f32>(c3 + j1) + sum_lanes(v31);
  store<f32>(c3 + j1, s31); store<f32>(c3, s30);
  store<f32>(c2 + j1, s21); store<f32>(c2, s20);
  store<f32>(c1 + j1, s11); store<f32>(c1, s10);
  store<f32>(c0 + j1, s01); store<f32>(c0, s00);
}

/** C (m × n, ldc) += A (m × k, lda) · Bᵀ, B being n × k (ldb); sizes in elements, strides in bytes. */
// @ts-ignore: decorator
@inline export function gemm_f32_4x2_nt(
  m: i32, n: i32, k: i32,
  a: usize, lda: usize,
  b: usize, ldb: usize,
  c: usize, ldc: usize,
): void {
  for (let i = 0; i < m; i += 4) {
    const ai = a + <usize>i * lda;
    const ci = c + <usize>i * ldc;
    for (let j = 0; j < n; j += 2) {
      gemm_f32_4x2_nt_tile(min(4, m - i), min(2, n - j), k, ai, lda, b + <usize>j * ldb, ldb, ci + (<usize>j << 2), ldc);
    }
  }
}
