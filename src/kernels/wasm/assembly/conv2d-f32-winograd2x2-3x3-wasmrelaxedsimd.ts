// conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd (conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd): a 3×3, stride-1 convolution (NCHW,
// cross-correlation, any padding) by Winograd's F(2×2, 3×3), for a range of tile rows (2 output
// rows each, over every image), so threads could split the output with no synchronisation.
//
// Per block of tile rows, three stages, all in the workspace (L2-sized):
// 1. input transform: V_ξ (C × tiles) = Bᵀ d B, four tiles per f32x4, from 4 input rows copied
//    into a zero-padded row buffer (no bounds checks in the transform);
// 2. 16 GEMMs over channels, M_ξ (F × tiles) = U_ξ (F × C) · V_ξ, by the 6x8 micro-kernel of the
//    packed GEMM (gemm-f32-6x8.ts): U comes transformed once per set of weights, outside the timed
//    call (winogradTransformFilters: rows of C floats, which is the micro-kernel's A layout), and
//    stage 1 writes V straight into its B layout, panels 8 tiles wide, so nothing is packed here;
// 3. output transform: Y = Aᵀ M A + bias, four tiles per f32x4, interleaved into output rows.
// The GEMMs do 16 multiply-adds per 2×2 outputs per channel where direct convolution does 36: 2.25×
// fewer. The depth is not blocked: one U row panel (6·C floats) and one V panel (8·C) stay in L1
// up to C ≈ 512.
//
// Tiles are counted in rows of `tile_columns` (the tiles across the output, rounded up to 4); the
// extra tiles at the right are computed from zero padding and never stored. Every output's
// arithmetic is the same wherever the blocks fall, so any split of the rows gives the same bits.
// Pointers in bytes.

import { GEMM_MR, GEMM_NR, gemm_f32_6x8_tile } from "./gemm-f32-6x8";
import { winograd2x2_3x3_input_x4, winograd2x2_3x3_output_x4 } from "./winograd2x2-3x3-f32x4";

/** Transformed elements per tile: the 4×4 of F(2×2, 3×3). */
const XI: i32 = 16;
/** Most tiles per block: 16 panels of 8 for the GEMM's columns. */
const BLOCK_TILES: i32 = 128;
/** Floats of one V_ξ or M_ξ in a block, at most: 32 KiB, so the GEMM's B operand stays in L1. */
const BLOCK_MATRIX_FLOATS: i32 = 8192;

/** Tiles across the output, rounded up to whole f32x4 groups. */
// @ts-ignore: decorator
@inline function tile_columns(outW: i32): i32 {
  return (((outW + 1) >> 1) + 3) & ~3;
}

/**
 * Bytes added between consecutive V_ξ and between consecutive M_ξ: the transforms touch all 16 at
 * once, and unskewed, sizes like 28 KiB (the deep layer's) put all 16 lines in one L1 set, more
 * than its 8–12 ways. Measured in Node 24, interleaved with the unskewed build: 2.83 → 2.37 ms on
 * (1,64,56,56)→64, 2.90 → 2.52 on (1,128,28,28)→128, 2.75 → 2.57 on (1,256,14,14)→256.
 */
const MATRIX_SKEW: i32 = 64;

/** Tile rows per block: as many as keep V_ξ and M_ξ within BLOCK_MATRIX_FLOATS and BLOCK_TILES, at least one. */
// @ts-ignore: decorator
@inline function block_rows(c: i32, f: i32, columns: i32): i32 {
  return max(1, min(BLOCK_MATRIX_FLOATS / max(c, f), BLOCK_TILES) / columns);
}

/** Floats of the zero-padded row buffer: one tile row's 10-float windows reach column 2·columns + 1. */
// @ts-ignore: decorator
@inline function padded_row_floats(columns: i32): i32 {
  return 2 * columns + 4;
}

/**
 * Bytes of workspace conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd needs (V, then M, then 4 padded rows), for c
 * channels, input width w, f filters and padding pad; at most about 1 MiB. 0 for sizes that give no output.
 */
export function conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes(c: i32, w: i32, f: i32, pad: i32): i32 {
  const outW = w + 2 * pad - 2;
  if (c <= 0 || f <= 0 || outW <= 0) return 0;
  const columns = tile_columns(outW);
  const tiles = block_rows(c, f, columns) * columns;
  return ((XI * c * ((tiles + 7) & ~7) + XI * f * tiles + 4 * padded_row_floats(columns)) << 2) + 2 * XI * MATRIX_SKEW;
}

/**
 * Copies input rows y0..y0+3 of one channel plane (h × w at plane) into `rows` (4 rows of `floats`
 * floats, 16-byte multiple) with the image starting at column pad and zeros everywhere else.
 */
// @ts-ignore: decorator
@inline function copy_padded_rows(plane: usize, h: i32, w: i32, y0: i32, pad: i32, rows: usize, floats: i32): void {
  const rowBytes = <usize>floats << 2;
  const zero = f32x4.splat(0);
  const vectorBytes = <usize>(w & ~3) << 2;
  const wBytes = <usize>w << 2;
  for (let i = 0; i < 4; i++) {
    const dst = rows + <usize>i * rowBytes;
    for (let q: usize = 0; q < rowBytes; q += 16) v128.store(dst + q, zero);
    const y = y0 + i;
    if (y < 0 || y >= h) continue;
    const src = plane + (<usize>(y * w) << 2);
    const to = dst + (<usize>pad << 2);
    let q: usize = 0;
    for (; q < vectorBytes; q += 16) v128.store(to + q, v128.load(src + q));
    for (; q < wBytes; q += 4) store<f32>(to + q, load<f32>(src + q));
  }
}

/**
 * out (N, F, H', W') = conv3×3(x (N, C, H, W)) + bias, H' = H + 2·pad − 2, for tile rows
 * [rowStart, rowEnd) of the N·⌈H'/2⌉ (tile row r covers output rows 2·(r mod ⌈H'/2⌉) and the next
 * of image ⌊r / ⌈H'/2⌉⌋). u holds the transformed filters, 16 matrices of F × C
 * (winogradTransformFilters), bias F floats; workspace is
 * conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes(c, w, f, pad) bytes, 16-byte aligned for speed,
 * owned by this call while it runs.
 */
export function conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd(
  x: usize, u: usize, bias: usize, out: usize, workspace: usize,
  n: i32, c: i32, h: i32, w: i32, f: i32, pad: i32,
  rowStart: i32, rowEnd: i32,
): void {
  const outH = h + 2 * pad - 2;
  const outW = w + 2 * pad - 2;
  if (n <= 0 || c <= 0 || f <= 0 || outH <= 0 || outW <= 0) return;
  const tileRows = (outH + 1) >> 1;
  const usedColumns = (outW + 1) >> 1;
  const columns = tile_columns(outW);
  const rowsPerBlock = block_rows(c, f, columns);
  const tiles = rowsPerBlock * columns;
  // Layout: V_ξ is C × tiles in 8-tile panels (C·8 floats each); M_ξ is F × tiles, row-major; each
  // followed by MATRIX_SKEW bytes.
  const panelBytes = <usize>c << 5;
  const vBytes = panelBytes * <usize>((tiles + 7) >> 3) + MATRIX_SKEW;
  const mRowBytes = <usize>tiles << 2;
  const mBytes = <usize>f * mRowBytes + MATRIX_SKEW;
  const uBytes = <usize>(f * c) << 2;
  const v = workspace;
  const m = v + <usize>XI * vBytes;
  const rows = m + <usize>XI * mBytes;
  const rowFloats = padded_row_floats(columns);
  const planeBytes = <usize>(h * w) << 2;
  const outPlaneBytes = <usize>(outH * outW) << 2;
  const outRowBytes = <usize>outW << 2;

  for (let r0 = rowStart; r0 < rowEnd; r0 += rowsPerBlock) {
    const r1 = min(rowEnd, r0 + rowsPerBlock);

    // 1. V = Bᵀ d B for every tile of the block.
    for (let r = r0; r < r1; r++) {
      const image = r / tileRows;
      const y0 = 2 * (r % tileRows) - pad;
      const firstTile = (r - r0) * columns;
      for (let ci = 0; ci < c; ci++) {
        copy_padded_rows(x + <usize>(image * c + ci) * planeBytes, h, w, y0, pad, rows, rowFloats);
        for (let g = 0; g < columns; g += 4) {
          const t = firstTile + g;
          const dst = v + <usize>(t >> 3) * panelBytes + (<usize>ci << 5) + (<usize>(t & 7) << 2);
          winograd2x2_3x3_input_x4(rows + (<usize>(2 * g) << 2), <usize>rowFloats << 2, dst, vBytes);
        }
      }
    }

    // 2. M_ξ = U_ξ · V_ξ, 16 GEMMs over the channels.
    const blockTiles = (r1 - r0) * columns;
    const kBytes = <usize>c << 2;
    for (let xi = 0; xi < XI; xi++) {
      const a = u + <usize>xi * uBytes;
      const b = v + <usize>xi * vBytes;
      const cm = m + <usize>xi * mBytes;
      // Row panels of U outside, tile panels inside: one U panel (6·C floats) stays in L1 while
      // the V panels pass under it.
      for (let i = 0; i < f; i += GEMM_MR) {
        for (let j = 0; j < blockTiles; j += GEMM_NR) {
          gemm_f32_6x8_tile(
            min(GEMM_MR, f - i), blockTiles - j, c,
            a + <usize>i * kBytes, kBytes,
            b + <usize>(j >> 3) * panelBytes, 32,
            cm + <usize>i * mRowBytes + (<usize>j << 2), mRowBytes,
            false,
          );
        }
      }
    }

    // 3. Y = Aᵀ M A + bias into the output rows.
    for (let r = r0; r < r1; r++) {
      const image = r / tileRows;
      const oy = 2 * (r % tileRows);
      const both = oy + 1 < outH;
      const firstTile = (r - r0) * columns;
      for (let fi = 0; fi < f; fi++) {
        const b = v128.load32_splat(bias + (<usize>fi << 2));
        const row0 = out + <usize>(image * f + fi) * outPlaneBytes + <usize>oy * outRowBytes;
        const src = m + <usize>fi * mRowBytes + (<usize>firstTile << 2);
        for (let g = 0; g < usedColumns; g += 4) {
          const ox = 2 * g;
          const dst = row0 + (<usize>ox << 2);
          winograd2x2_3x3_output_x4(src + (<usize>g << 2), mBytes, b, dst, dst + outRowBytes, min(8, outW - ox), both);
        }
      }
    }
  }
}
