// gemm_f32_6x8_wasmrelaxedsimd: C = A·B for row-major f32 matrices with leading dimensions, by cache blocks around the
// 6x8 register tile (gemm-f32-6x8-wasmrelaxedsimd / -wasmsimd).
//
// No packing: packing needs scratch memory, and these kernels own no memory (many instances, one
// per worker, share one linear memory). Blocking alone keeps the operands close instead:
// - the depth is cut into KC-step blocks, so a strip of B (KC × 8) and an A block (MC × KC, 18 KiB)
//   stay in L1 and the B block (KC × NC, 384 KiB) in L2; a later depth block adds to C.
//   KC matters for power-of-two strides: at 1024³ (4 KiB rows) KC = 512 runs at 21 GFLOP/s,
//   KC = 128–192 at ~50, through cache-set conflicts on the strided B rows.
// - for each MC-row block of A, the whole NC-column block of B is swept 8 columns at a time.
// Measured (Node 24, one Sapphire Rapids core, relaxed build): 512³ ≈ 56 GFLOP/s, 1024³ ≈ 50,
// conv-shaped 3136×64×576 ≈ 54; ≈ 42 for the plain-SIMD build.
//
// Every element of C is accumulated over the depth in the same order whatever its position, so a
// split of the rows across calls (threads) gives bit-identical results.

import { GEMM_MR, GEMM_NR, gemm_f32_6x8_tile } from "./gemm-f32-6x8";

/** Depth block (steps of k per pass over C). */
const KC: i32 = 192;
/** Column block of B kept in L2; a multiple of GEMM_NR. */
const NC: i32 = 512;
/** Row block of A kept in L1; a multiple of GEMM_MR. */
const MC: i32 = 24;

// The tile and block sizes, exported so that the build can compare them with kernel-table.ts.
export function gemm_f32_6x8_wasmrelaxedsimd_kc(): i32 { return KC; }
export function gemm_f32_6x8_wasmrelaxedsimd_mc(): i32 { return MC; }
export function gemm_f32_6x8_wasmrelaxedsimd_nc(): i32 { return NC; }

/**
 * C (m×n, ldc) = A (m×k, lda) · B (k×n, ldb). Sizes and leading dimensions in elements, pointers in
 * bytes. Non-positive sizes do nothing (the JS wrapper rejects them with a RangeError first).
 */
export function gemm_f32_6x8_wasmrelaxedsimd(
  m: i32, n: i32, k: i32,
  a: usize, lda: i32,
  b: usize, ldb: i32,
  c: usize, ldc: i32,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const ldaBytes = <usize>lda << 2;
  const ldbBytes = <usize>ldb << 2;
  const ldcBytes = <usize>ldc << 2;
  for (let pc = 0; pc < k; pc += KC) {
    const kc = min(KC, k - pc);
    const accumulate = pc > 0;
    const aBlock = a + (<usize>pc << 2);
    const bBlock = b + <usize>pc * ldbBytes;
    for (let jc = 0; jc < n; jc += NC) {
      const jEnd = min(n, jc + NC);
      for (let ic = 0; ic < m; ic += MC) {
        const iEnd = min(m, ic + MC);
        for (let j = jc; j < jEnd; j += GEMM_NR) {
          const nr = jEnd - j;
          const bj = bBlock + (<usize>j << 2);
          for (let i = ic; i < iEnd; i += GEMM_MR) {
            const mr = min(GEMM_MR, iEnd - i);
            const ai = aBlock + <usize>i * ldaBytes;
            const cij = c + <usize>i * ldcBytes + (<usize>j << 2);
            gemm_f32_6x8_tile(mr, nr, kc, ai, ldaBytes, bj, ldbBytes, cij, ldcBytes, accumulate);
          }
        }
      }
    }
  }
}
