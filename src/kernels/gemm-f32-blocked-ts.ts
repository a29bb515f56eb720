import { checkGemm, type GemmShape } from "./gemm-shape.ts";

/**
 * Depth of one block of k. With NC below, one KC×NC panel of B is 128 × 256 × 4 B = 128 KiB: it
 * stays in L2 (256 KiB on the oldest cores we target, 1–2 MiB on current ones) while every row of
 * A streams past it, so B is read from memory once per panel instead of once per row of C.
 */
export const GEMM_F32_BLOCKED_KC = 128;

/**
 * Width of one block of j. One sweep of the inner j loop touches 4 rows of C and 4 rows of the B
 * panel: 8 × 256 × 4 B = 8 KiB, which stays in a 32 KiB L1d across the whole k block.
 */
export const GEMM_F32_BLOCKED_NC = 256;

/**
 * C = A·B (row-major, dense; see GemmShape) in plain TypeScript, the fastest form we found for
 * a JavaScript JIT:
 * - loop order i-k-j, so the innermost loop runs along contiguous rows of B and C (the textbook
 *   i-j-k walks down a column of B with stride n and misses cache on every step);
 * - blocks of k (KC) and j (NC) so the B panel in use stays in cache, see the constants above;
 * - a 4×4 register block: 4 rows of C share each load of B, and 4 steps of k are summed in
 *   registers (in f64) before C is loaded and stored once — that, not the cache blocking, is the
 *   largest win in JS, which has no SIMD and pays a load, a convert and a store per element of C.
 * Rows left over when m is not a multiple of 4 and steps of k left over when KC does not divide
 * the block are handled by narrower loops of the same order. Nothing is allocated per call.
 */
export function gemmF32BlockedTs(s: GemmShape, a: Float32Array, b: Float32Array, c: Float32Array): void {
  checkGemm(s, a, b, c);
  const { m, n, k } = s;
  c.fill(0);
  for (let j0 = 0; j0 < n; j0 += GEMM_F32_BLOCKED_NC) {
    const j1 = Math.min(n, j0 + GEMM_F32_BLOCKED_NC);
    for (let p0 = 0; p0 < k; p0 += GEMM_F32_BLOCKED_KC) {
      const p1 = Math.min(k, p0 + GEMM_F32_BLOCKED_KC);
      let i = 0;
      for (; i + 3 < m; i += 4) block4(n, k, a, b, c, i, p0, p1, j0, j1);
      for (; i < m; i++) block1(n, k, a, b, c, i, p0, p1, j0, j1);
    }
  }
}

/** C[i..i+4, j0..j1] += A[i..i+4, p0..p1] · B[p0..p1, j0..j1]. */
function block4(
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  i: number,
  p0: number,
  p1: number,
  j0: number,
  j1: number,
): void {
  const c0 = i * n;
  const c1 = c0 + n;
  const c2 = c1 + n;
  const c3 = c2 + n;
  const r0 = i * k;
  const r1 = r0 + k;
  const r2 = r1 + k;
  const r3 = r2 + k;
  let p = p0;
  for (; p + 3 < p1; p += 4) {
    const a00 = a[r0 + p]!,
      a01 = a[r0 + p + 1]!,
      a02 = a[r0 + p + 2]!,
      a03 = a[r0 + p + 3]!;
    const a10 = a[r1 + p]!,
      a11 = a[r1 + p + 1]!,
      a12 = a[r1 + p + 2]!,
      a13 = a[r1 + p + 3]!;
    const a20 = a[r2 + p]!,
      a21 = a[r2 + p + 1]!,
      a22 = a[r2 + p + 2]!,
      a23 = a[r2 + p + 3]!;
    const a30 = a[r3 + p]!,
      a31 = a[r3 + p + 1]!,
      a32 = a[r3 + p + 2]!,
      a33 = a[r3 + p + 3]!;
    const b0 = p * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    for (let j = j0; j < j1; j++) {
      const x0 = b[b0 + j]!,
        x1 = b[b1 + j]!,
        x2 = b[b2 + j]!,
        x3 = b[b3 + j]!;
      c[c0 + j] = c[c0 + j]! + a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
      c[c1 + j] = c[c1 + j]! + a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
      c[c2 + j] = c[c2 + j]! + a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
      c[c3 + j] = c[c3 + j]! + a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
    }
  }
  for (; p < p1; p++) {
    const a0 = a[r0 + p]!,
      a1 = a[r1 + p]!,
      a2 = a[r2 + p]!,
      a3 = a[r3 + p]!;
    const bp = p * n;
    for (let j = j0; j < j1; j++) {
      const x = b[bp + j]!;
      c[c0 + j] = c[c0 + j]! + a0 * x;
      c[c1 + j] = c[c1 + j]! + a1 * x;
      c[c2 + j] = c[c2 + j]! + a2 * x;
      c[c3 + j] = c[c3 + j]! + a3 * x;
    }
  }
}

/** C[i, j0..j1] += A[i, p0..p1] · B[p0..p1, j0..j1]: the leftover rows, still 4 steps of k at once. */
function block1(
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  i: number,
  p0: number,
  p1: number,
  j0: number,
  j1: number,
): void {
  const ci = i * n;
  const ri = i * k;
  let p = p0;
  for (; p + 3 < p1; p += 4) {
    const a0 = a[ri + p]!,
      a1 = a[ri + p + 1]!,
      a2 = a[ri + p + 2]!,
      a3 = a[ri + p + 3]!;
    const b0 = p * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    for (let j = j0; j < j1; j++) {
      c[ci + j] = c[ci + j]! + a0 * b[b0 + j]! + a1 * b[b1 + j]! + a2 * b[b2 + j]! + a3 * b[b3 + j]!;
    }
  }
  for (; p < p1; p++) {
    const a0 = a[ri + p]!;
    const bp = p * n;
    for (let j = j0; j < j1; j++) c[ci + j] = c[ci + j]! + a0 * b[bp + j]!;
  }
}
