// gemm-f32-6x8-wasmrelaxedsimd / gemm-f32-6x8-wasmsimd: the register-tiled GEMM micro-kernels.
//
// One call computes a tile of up to MR=6 rows × NR=8 columns of C over kc steps of the depth:
// twelve f32x4 accumulators (6 rows × 2 vectors), two B vectors per step and one broadcast A value,
// 15 vector registers — exactly what V8 has on x64 (xmm0–xmm14; xmm15 is its scratch). Measured in
// Node 24 on a Sapphire Rapids core (512³; a register-only f32x4 FMA loop peaks at 58 GFLOP/s):
// 6x8 with each A broadcast interleaved with its two FMAs ≈ 56 GFLOP/s; 5x8 ≈ 53; 4x8 ≈ 46; 6x8
// with all six broadcasts hoisted first ≈ 35 (V8 then spills four accumulators every step). The
// plain-SIMD build (mul+add) ran ≈ 42 with any of the three tiles, so both builds share 6x8.
//
// Rows beyond mr (the bottom edge) alias the previous row, as in XNNPACK: they load the same A and
// store the same values to the same C row, so the edge costs no branch inside the loop and every
// row of C is computed by the same instruction sequence wherever it falls in a tile. Stores go from
// the last row to the first, so the real row is written last.
//
// Pointers and strides are in bytes. `accumulate` adds the tile to what C holds (used for the
// second and later depth blocks); otherwise C is overwritten. kc ≥ 1.

import { f32x4_madd } from "./f32x4-madd";

/** Rows of the register tile. */
export const GEMM_MR: i32 = 6;
/** Columns of the register tile (two f32x4). */
export const GEMM_NR: i32 = 8;

// The tile and block sizes, exported so that the build can compare them with kernel-table.ts.
export function gemm_f32_6x8_wasmrelaxedsimd_mr(): i32 { return GEMM_MR; }
export function gemm_f32_6x8_wasmrelaxedsimd_nr(): i32 { return GEMM_NR; }

// @ts-ignore: decorator
@inline export function gemm_f32_6x8(
  mr: i32, kc: i32,
  a: usize, lda: usize,
  b: usize, ldb: usize,
  c: usize, ldc: usize,
  accumulate: bool,
): void {
  let a0 = a;
  let c0 = c;
  let a1 = a0 + lda; let c1 = c0 + ldc;
  if (mr <= 1) { a1 = a0; c1 = c0; }
  let a2 = a1 + lda; let c2 = c1 + ldc;
  if (mr <= 2) { a2 = a1; c2 = c1; }
  let a3 = a2 + lda; let c3 = c2 + ldc;
  if (mr <= 3) { a3 = a2; c3 = c2; }
  let a4 = a3 + lda; let c4 = c3 + ldc;
  if (mr <= 4) { a4 = a3; c4 = c3; }
  let a5 = a4 + lda; let c5 = c4 + ldc;
  if (mr <= 5) { a5 = a4; c5 = c4; }

  const zero = f32x4.splat(0);
  let v0x0 = zero, v0x4 = zero;
  let v1x0 = zero, v1x4 = zero;
  let v2x0 = zero, v2x4 = zero;
  let v3x0 = zero, v3x4 = zero;
  let v4x0 = zero, v4x4 = zero;
  let v5x0 = zero, v5x4 = zero;
  let p = kc;
  do {
    const b0 = v128.load(b);
    const b4 = v128.load(b, 16);
    b += ldb;
    // Interleaving each broadcast with its two FMAs keeps V8 from spilling (see above).
    const x0 = v128.load32_splat(a0); a0 += 4;
    v0x0 = f32x4_madd(x0, b0, v0x0); v0x4 = f32x4_madd(x0, b4, v0x4);
    const x1 = v128.load32_splat(a1); a1 += 4;
    v1x0 = f32x4_madd(x1, b0, v1x0); v1x4 = f32x4_madd(x1, b4, v1x4);
    const x2 = v128.load32_splat(a2); a2 += 4;
    v2x0 = f32x4_madd(x2, b0, v2x0); v2x4 = f32x4_madd(x2, b4, v2x4);
    const x3 = v128.load32_splat(a3); a3 += 4;
    v3x0 = f32x4_madd(x3, b0, v3x0); v3x4 = f32x4_madd(x3, b4, v3x4);
    const x4 = v128.load32_splat(a4); a4 += 4;
    v4x0 = f32x4_madd(x4, b0, v4x0); v4x4 = f32x4_madd(x4, b4, v4x4);
    const x5 = v128.load32_splat(a5); a5 += 4;
    v5x0 = f32x4_madd(x5, b0, v5x0); v5x4 = f32x4_madd(x5, b4, v5x4);
  } while (--p);

  if (accumulate) {
    v0x0 = f32x4.add(v0x0, v128.load(c0)); v0x4 = f32x4.add(v0x4, v128.load(c0, 16));
    v1x0 = f32x4.add(v1x0, v128.load(c1)); v1x4 = f32x4.add(v1x4, v128.load(c1, 16));
    v2x0 = f32x4.add(v2x0, v128.load(c2)); v2x4 = f32x4.add(v2x4, v128.load(c2, 16));
    v3x0 = f32x4.add(v3x0, v128.load(c3)); v3x4 = f32x4.add(v3x4, v128.load(c3, 16));
    v4x0 = f32x4.add(v4x0, v128.load(c4)); v4x4 = f32x4.add(v4x4, v128.load(c4, 16));
    v5x0 = f32x4.add(v5x0, v128.load(c5)); v5x4 = f32x4.add(v5x4, v128.load(c5, 16));
  }
  v128.store(c5, v5x0); v128.store(c5, v5x4, 16);
  v128.store(c4, v4x0); v128.store(c4, v4x4, 16);
  v128.store(c3, v3x0); v128.store(c3, v3x4, 16);
  v128.store(c2, v2x0); v128.store(c2, v2x4, 16);
  v128.store(c1, v1x0); v128.store(c1, v1x4, 16);
  v128.store(c0, v0x0); v128.store(c0, v0x4, 16);
}

// Loads the first nc (1..4) floats at p into a vector, zeros elsewhere, never touching p + 4·nc or
// beyond: the right edge of B may be the last bytes of memory or another thread's data.
// @ts-ignore: decorator
@inline export function load_f32x4_partial(p: usize, nc: i32): v128 {
  if (nc >= 4) return v128.load(p);
  if (nc == 3) return v128.load32_lane(p, v128.load64_zero(p), 2, 8);
  if (nc == 2) return v128.load64_zero(p);
  return v128.load32_zero(p);
}

// Stores the first nc (1..4) lanes of v at p, and nothing else (also the Winograd output's right edge).
// @ts-ignore: decorator
@inline export function store_f32x4_partial(p: usize, v: v128, nc: i32): void {
  if (nc >= 4) {
    v128.store(p, v);
  } else {
    if (nc & 2) {
      v128.store64_lane(p, v, 0);
      if (nc & 1) v128.store32_lane(p, v, 2, 8);
    } else {
      v128.store32_lane(p, v, 0);
    }
  }
}

/**
 * The right-edge companion of gemm_f32_6x8: up to 6 rows × nc (1..4) columns, one f32x4 per row,
 * with B and C read and written only within those nc columns. The depth is accumulated in the same
 * order with the same madd, so an element's value does not depend on which kernel computed it.
 */
// @ts-ignore: decorator
@inline export function gemm_f32_6x4_edge(
  mr: i32, nc: i32, kc: i32,
  a: usize, lda: usize,
  b: usize, ldb: usize,
  c: usize, ldc: usize,
  accumulate: bool,
): void {
  let a0 = a;
  let c0 = c;
  let a1 = a0 + lda; let c1 = c0 + ldc;
  if (mr <= 1) { a1 = a0; c1 = c0; }
  let a2 = a1 + lda; let c2 = c1 + ldc;
  if (mr <= 2) { a2 = a1; c2 = c1; }
  let a3 = a2 + lda; let c3 = c2 + ldc;
  if (mr <= 3) { a3 = a2; c3 = c2; }
  let a4 = a3 + lda; let c4 = c3 + ldc;
  if (mr <= 4) { a4 = a3; c4 = c3; }
  let a5 = a4 + lda; let c5 = c4 + ldc;
  if (mr <= 5) { a5 = a4; c5 = c4; }

  const zero = f32x4.splat(0);
  let v0 = zero, v1 = zero, v2 = zero, v3 = zero, v4 = zero, v5 = zero;
  let p = kc;
  do {
    const b0 = load_f32x4_partial(b, nc);
    b += ldb;
    v0 = f32x4_madd(v128.load32_splat(a0), b0, v0); a0 += 4;
    v1 = f32x4_madd(v128.load32_splat(a1), b0, v1); a1 += 4;
    v2 = f32x4_madd(v128.load32_splat(a2), b0, v2); a2 += 4;
    v3 = f32x4_madd(v128.load32_splat(a3), b0, v3); a3 += 4;
    v4 = f32x4_madd(v128.load32_splat(a4), b0, v4); a4 += 4;
    v5 = f32x4_madd(v128.load32_splat(a5), b0, v5); a5 += 4;
  } while (--p);

  if (accumulate) {
    v0 = f32x4.add(v0, load_f32x4_partial(c0, nc));
    v1 = f32x4.add(v1, load_f32x4_partial(c1, nc));
    v2 = f32x4.add(v2, load_f32x4_partial(c2, nc));
    v3 = f32x4.add(v3, load_f32x4_partial(c3, nc));
    v4 = f32x4.add(v4, load_f32x4_partial(c4, nc));
    v5 = f32x4.add(v5, load_f32x4_partial(c5, nc));
  }
  store_f32x4_partial(c5, v5, nc);
  store_f32x4_partial(c4, v4, nc);
  store_f32x4_partial(c3, v3, nc);
  store_f32x4_partial(c2, v2, nc);
  store_f32x4_partial(c1, v1, nc);
  store_f32x4_partial(c0, v0, nc);
}

/**
 * One tile of C: mr (1..6) rows × nr columns, nr ≥ 1 (only the first 8 are computed). Full tiles go
 * to gemm_f32_6x8; the right edge (nr < 8) to one or two gemm_f32_6x4_edge calls, so no kernel
 * touches a column past nr. Shared by the unpacked (gemm-f32-6x8-wasmrelaxedsimd.ts) and packed (gemm-f32-6x8-packed-wasmrelaxedsimd.ts)
 * drivers, which differ only in where A and B come from.
 */
// @ts-ignore: decorator
@inline export function gemm_f32_6x8_tile(
  mr: i32, nr: i32, kc: i32,
  a: usize, lda: usize,
  b: usize, ldb: usize,
  c: usize, ldc: usize,
  accumulate: bool,
): void {
  if (nr >= GEMM_NR) {
    gemm_f32_6x8(mr, kc, a, lda, b, ldb, c, ldc, accumulate);
  } else {
    gemm_f32_6x4_edge(mr, min(nr, 4), kc, a, lda, b, ldb, c, ldc, accumulate);
    if (nr > 4) gemm_f32_6x4_edge(mr, nr - 4, kc, a, lda, b + 16, ldb, c + 16, ldc, accumulate);
  }
}
