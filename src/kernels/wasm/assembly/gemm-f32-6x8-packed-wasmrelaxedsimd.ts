// gemm_f32_6x8_packed_wasmrelaxedsimd (gemm-f32-6x8-packed-wasmrelaxedsimd): C = A·B as gemm_f32_6x8_wasmrelaxedsimd computes it, with both operands
// packed first, as GotoBLAS and BLIS do. For each depth block of KC steps:
// - B's KC × NC block is copied into column panels 8 wide (pack_f32_panels_8): the 6x8 kernel then
//   reads its two B vectors of each step from one dense 8 KiB stream (KC × 8 floats) that stays in
//   L1 while it sweeps the MC rows of A below it;
// - A's MC × KC block is copied into dense rows (pack_f32_rows): each 6-row micro-panel is 6 KiB
//   with no gap, and the whole block (72 KiB) stays in L2 while every B panel passes over it.
// Unpacked, both streams are strided rows of the original matrices: at 1024³ (4 KiB rows) they fall
// into a few cache sets and pages. Measured in Chromium 156 on one Sapphire Rapids core, as a
// share of the FMA probe's rate (peak-f32x4) in the same run: 512³ packed 93–99%, unpacked 85–91%;
// 1024³ packed 92–99% (58–59 GFLOP/s), unpacked 80–83% (49–51).
// The copies cost O(M·K + K·N) per NC columns against O(M·N·K) arithmetic: ~1% at 1024³.
//
// Block sizes, measured in Node 24 on a Sapphire Rapids core (48 KiB L1d, 2 MiB L2) at 512³, 1000³
// and 1024³, 88–93% of the register-only FMA peak for every KC in 192–512, MC in 24–144 and NC in
// 256–2048: the choice is flat there, so we take the sizes that also fit older cores (32 KiB L1d,
// 256 KiB L2): KC = 256 (the L1 pair: 8 KiB B panel + 6 KiB A panel), MC = 72 (A block 72 KiB),
// NC = 512 (B block 512 KiB per thread, shared L3 on small-L2 cores).
// A BLIS-style A panel (6 floats per step, one pointer with constant offsets) measured 1–2% faster
// at 1024³ than these dense rows, which reuse the unpacked driver's micro-kernel as it is: not
// worth a second micro-kernel.
//
// Every element of C is accumulated over the depth in the same order wherever its tile falls, so
// any split of the rows across calls (threads) gives bit-identical results.

import { GEMM_MR, GEMM_NR, gemm_f32_6x8_tile } from "./gemm-f32-6x8";
import { pack_f32_panels_8, pack_f32_rows } from "./pack-f32";

/** Depth block: steps of k per pass over C. */
const KC: i32 = 256;
/** Row block of A packed at a time; a multiple of GEMM_MR. */
const MC: i32 = 72;
/** Column block of B packed at a time; a multiple of GEMM_NR. */
const NC: i32 = 512;

// The tile and block sizes, exported so that the build can compare them with kernel-table.ts.
export function gemm_f32_6x8_packed_wasmrelaxedsimd_kc(): i32 { return KC; }
export function gemm_f32_6x8_packed_wasmrelaxedsimd_mc(): i32 { return MC; }
export function gemm_f32_6x8_packed_wasmrelaxedsimd_nc(): i32 { return NC; }

/** Floats of the packed B block for these sizes: the depth block × the column block rounded up to whole panels. */
// @ts-ignore: decorator
@inline function packed_b_floats(n: i32, k: i32): i32 {
  return min(KC, k) * ((min(NC, n) + GEMM_NR - 1) & ~(GEMM_NR - 1));
}

/**
 * Bytes of workspace gemm_f32_6x8_packed_wasmrelaxedsimd needs for these sizes (packed B block, then packed A block):
 * at most (KC·NC + MC·KC)·4 = 584 KiB, however large the matrices. 0 for non-positive sizes.
 */
export function gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes(m: i32, n: i32, k: i32): i32 {
  if (m <= 0 || n <= 0 || k <= 0) return 0;
  return (packed_b_floats(n, k) + min(MC, m) * min(KC, k)) << 2;
}

/**
 * C (m×n, ldc) = A (m×k, lda) · B (k×n, ldb), using `workspace` (gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes
 * (m, n, k) bytes, 16-byte aligned for speed, owned by this call while it runs) for the packed
 * blocks. Sizes and leading dimensions in elements, pointers in bytes. Non-positive sizes do
 * nothing (the JS wrapper rejects them with a RangeError first).
 */
export function gemm_f32_6x8_packed_wasmrelaxedsimd(
  m: i32, n: i32, k: i32,
  a: usize, lda: i32,
  b: usize, ldb: i32,
  c: usize, ldc: i32,
  workspace: usize,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const bPacked = workspace;
  const aPacked = workspace + (<usize>packed_b_floats(n, k) << 2);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b(kc, nc, b + ((<usize>pc * ldb + jc) << 2), ldb, bPacked);
      gemm_f32_6x8_packed_wasmrelaxedsimd_block(m, nc, kc, a + (<usize>pc << 2), lda, bPacked, c + (<usize>jc << 2), ldc, aPacked, pc > 0 ? 1 : 0);
    }
  }
}

/**
 * B's k × n block at b (row stride ldb elements) packed as gemm_f32_6x8_packed_wasmrelaxedsimd packs it, into column
 * panels 8 wide at `packed` (k · ⌈n/8⌉ · 8 floats): panel j/8 starts at float j·k. Threads that
 * share one packed block each pack their own range of panels (b and packed moved by j columns).
 */
export function gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b(k: i32, n: i32, b: usize, ldb: i32, packed: usize): void {
  if (k <= 0 || n <= 0) return;
  pack_f32_panels_8(k, n, b, <usize>ldb << 2, packed);
}

/**
 * C (m×n at c, ldc) = A (m×k at a, lda) · B packed by gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b (k × n, k ≤ KC), or += when
 * `accumulate` is 1: one depth block of gemm_f32_6x8_packed_wasmrelaxedsimd, A packed MC rows at a time into
 * `aWorkspace` (min(MC, m) · k floats, this call's own). The threaded GEMM calls it for each
 * thread's rows (and columns) against one packed block of B that all of them share.
 */
export function gemm_f32_6x8_packed_wasmrelaxedsimd_block(
  m: i32, n: i32, k: i32,
  a: usize, lda: i32,
  bPacked: usize,
  c: usize, ldc: i32,
  aWorkspace: usize,
  accumulate: i32,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const ldaBytes = <usize>lda << 2;
  const ldcBytes = <usize>ldc << 2;
  const kBytes = <usize>k << 2;
  for (let ic = 0; ic < m; ic += MC) {
    const mc = min(MC, m - ic);
    pack_f32_rows(mc, k, a + <usize>ic * ldaBytes, ldaBytes, aWorkspace);
    for (let j = 0; j < n; j += GEMM_NR) {
      const bPanel = bPacked + <usize>j * kBytes; // panel j/8 starts at (j/8)·k·8 floats
      const cColumn = c + (<usize>j << 2);
      for (let i = 0; i < mc; i += GEMM_MR) {
        const cij = cColumn + <usize>(ic + i) * ldcBytes;
        gemm_f32_6x8_tile(min(GEMM_MR, mc - i), n - j, k, aWorkspace + <usize>i * kBytes, kBytes, bPanel, 32, cij, ldcBytes, accumulate != 0);
      }
    }
  }
}
