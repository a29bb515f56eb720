// gemm_i8_4x8_wasmrelaxedsimd (gemm-i8-4x8c4-wasmrelaxedsimd / gemm-i8-4x8c2-wasmsimd): C (i32) = A (i8) · B (i8)
// with exact 32-bit integer accumulation, the core of an int8-quantized layer.
//
// The relaxed build multiplies with i32x4.relaxed_dot_i8x16_i7x16_add_s: sixteen i8 × i8 products,
// summed four at a time into the four i32 lanes of the accumulator, in one instruction (on x86 an
// engine can emit pmaddubsw + pmaddwd + paddd, or one vpdpbusd with AVX-VNNI; on ARM, sdot). Its second
// operand is "i7": where a byte has its top bit set the engine may read it as signed or unsigned,
// so only bytes in 0..127 give the same answer everywhere (x86's pmaddubsw multiplies an unsigned
// byte by a signed one). B is therefore limited to -64..63 and stored with +64 added, 0..127; the
// 64·Σa that the offset adds to each C[i][j] is taken off once per row (a zero point, as in
// gemmlowp). The plain-SIMD build has no 8-bit dot: it widens to i16 and uses i32x4.dot_i16x8_s,
// two products per lane, so its packed B interleaves depth pairs instead of quads. Both builds
// compute the same integers exactly; only the packed layout differs.
//
// Tile: 4 rows × 8 columns, eight i32x4 accumulators, two B vectors and one A broadcast: 11 of the
// 15 vector registers V8 gives us on x64, leaving room for the temporaries the relaxed dot needs
// without AVX-VNNI. A is read in place (row-major, lda bytes); B must be packed by gemm_i8_4x8_wasmrelaxedsimd_pack_b.
// Measured in Node 24 on one Sapphire Rapids core (AVX-VNNI): 512³ at 150 G operations/s (a
// multiply-add counted as two), 3.0–3.4× the packed f32 FMA kernel (gemm-f32-6x8-packed-wasmrelaxedsimd.ts) at
// 128³–512³; the plain-SIMD build 50–60 G/s, about the f32 kernel's rate.
//
// Overflow: |a| ≤ 128, |b| ≤ 64 so |C[i][j]| ≤ 8192·k < 2³¹ for k < 2¹⁸ (the JS wrapper checks).
// The raw sums with the +64 offset may wrap, but i32 arithmetic is modular, so removing 64·Σa
// afterwards gives the exact result. The relaxed dot's intermediate pair sums stay within i16
// (2·128·127 = 32512), so no engine saturates them.

/** Rows of the register tile. */
export const GEMM_I8_MR: i32 = 4;
/** Columns of the register tile (two i32x4). */
const NR: i32 = 8;
/** The offset added to every packed B byte (B in -64..63 → 0..127, the i7 operand's safe range). */
const B_ZERO_POINT: i32 = 64;
/** Depths interleaved per packed group: 4 for the relaxed 8-bit dot, 2 for the i16 dot. */
const DEPTH_GROUP: i32 = ASC_FEATURE_RELAXED_SIMD ? 4 : 2;

// The tile and B's zero point (-GEMM_I8_B_MIN in TypeScript), exported so that the build can
// compare them with kernel-table.ts.
export function gemm_i8_4x8_wasmrelaxedsimd_mr(): i32 { return GEMM_I8_MR; }
export function gemm_i8_4x8_wasmrelaxedsimd_nr(): i32 { return NR; }
export function gemm_i8_4x8_wasmrelaxedsimd_b_zero_point(): i32 { return B_ZERO_POINT; }

/** Bytes of one packed panel: 8 columns × k rounded up to a multiple of 4 (the same in both builds). */
// @ts-ignore: decorator
@inline function panel_bytes(k: i32): usize {
  return <usize>((k + 3) & ~3) * NR;
}

/** Bytes gemm_i8_4x8_wasmrelaxedsimd_pack_b writes for a k × n B: ⌈n/8⌉ panels of panel_bytes(k). 0 for non-positive sizes. */
export function gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(k: i32, n: i32): i32 {
  if (k <= 0 || n <= 0) return 0;
  return <i32>(<usize>((n + NR - 1) / NR) * panel_bytes(k));
}

/**
 * Packs B (k × n i8, row stride ldb bytes, values in -64..63) into `packed`
 * (gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(k, n) bytes): panels of 8 columns; inside a panel, groups of
 * DEPTH_GROUP depths, each group holding column 0's depths, then column 1's… Every byte of the
 * packed buffer is written: b + 64, or 0 past the last column or depth (multiplied by nothing).
 * Done once per weight matrix, so plain byte loops.
 */
export function gemm_i8_4x8_wasmrelaxedsimd_pack_b(k: i32, n: i32, b: usize, ldb: i32, packed: usize): void {
  if (k <= 0 || n <= 0) return;
  const depth = (k + 3) & ~3;
  let dst = packed;
  for (let j0 = 0; j0 < n; j0 += NR) {
    for (let g = 0; g < depth; g += DEPTH_GROUP) {
      for (let c = 0; c < NR; c++) {
        for (let q = 0; q < DEPTH_GROUP; q++) {
          const p = g + q;
          const j = j0 + c;
          const value = p < k && j < n ? <i32>load<i8>(b + <usize>p * <usize>ldb + <usize>j) + B_ZERO_POINT : 0;
          store<u8>(dst++, value);
        }
      }
    }
  }
}

/** Σ a[0..k) of one row of i8. */
function row_sum_i8(a: usize, k: i32): i32 {
  let sums = i32x4.splat(0);
  let p = 0;
  for (; p + 16 <= k; p += 16) {
    sums = i32x4.add(sums, i32x4.extadd_pairwise_i16x8_s(i16x8.extadd_pairwise_i8x16_s(v128.load(a + p))));
  }
  let sum = i32x4.extract_lane(sums, 0) + i32x4.extract_lane(sums, 1) + i32x4.extract_lane(sums, 2) + i32x4.extract_lane(sums, 3);
  for (; p < k; p++) sum += <i32>load<i8>(a + p);
  return sum;
}

/** The `count` (< 4) bytes at a as the low bytes of an i32, the rest zero: a partial depth group of A. */
// @ts-ignore: decorator
@inline function load_partial_i32(a: usize, count: i32): i32 {
  let word = 0;
  for (let q = 0; q < count; q++) word |= <i32>load<u8>(a + q) << (q << 3);
  return word;
}

/** Stores the first nr (1..8) lanes of two i32x4 at c. */
// @ts-ignore: decorator
@inline function store_i32_lanes(c: usize, lo: v128, hi: v128, nr: i32): void {
  if (nr >= 8) {
    v128.store(c, lo);
    v128.store(c, hi, 16);
    return;
  }
  let v = lo;
  if (nr >= 4) {
    v128.store(c, lo);
    c += 16;
    nr -= 4;
    v = hi;
  }
  if (nr > 0) store<i32>(c, i32x4.extract_lane(v, 0));
  if (nr > 1) store<i32>(c, i32x4.extract_lane(v, 1), 4);
  if (nr > 2) store<i32>(c, i32x4.extract_lane(v, 2), 8);
}

/** acc + Σ over the 4 depths of a·b, per column lane (relaxed build: b's bytes are 0..127). */
// @ts-ignore: decorator
@inline function dot4_add(a: v128, b: v128, acc: v128): v128 {
  return i32x4.relaxed_dot_i8x16_i7x16_add_s(a, b, acc);
}

/** acc + Σ over the 2 depths of a·b, per column lane (plain build: a and b already widened to i16). */
// @ts-ignore: decorator
@inline function dot2_add(a: v128, b: v128, acc: v128): v128 {
  return i32x4.add(acc, i32x4.dot_i16x8_s(a, b));
}

/**
 * C (m × n i32, row stride ldc elements) = A (m × k i8, row stride lda bytes) · B, with B packed by
 * gemm_i8_4x8_wasmrelaxedsimd_pack_b for the same k and n. Non-positive sizes do nothing (the JS wrapper rejects them
 * with a RangeError first). Every row of C is computed the same way wherever its tile falls, and
 * each call writes only its own rows, so threads may split the rows.
 */
export function gemm_i8_4x8_wasmrelaxedsimd(m: i32, n: i32, k: i32, a: usize, lda: i32, packed: usize, c: usize, ldc: i32): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const panel = panel_bytes(k);
  const ldcBytes = <usize>ldc << 2;
  const kGroups = k & ~(DEPTH_GROUP - 1);
  const tail = k - kGroups;
  for (let i = 0; i < m; i += GEMM_I8_MR) {
    const mr = min(GEMM_I8_MR, m - i);
    // Rows past the bottom edge alias the row above them (same loads, same stores), as in the f32 tile.
    const ldaBytes = <usize>lda;
    const a0 = a + <usize>i * ldaBytes;
    const a1 = mr > 1 ? a0 + ldaBytes : a0;
    const a2 = mr > 2 ? a1 + ldaBytes : a1;
    const a3 = mr > 3 ? a2 + ldaBytes : a2;
    const c0 = c + <usize>i * ldcBytes;
    const c1 = mr > 1 ? c0 + ldcBytes : c0;
    const c2 = mr > 2 ? c1 + ldcBytes : c1;
    const c3 = mr > 3 ? c2 + ldcBytes : c2;
    const z0 = i32x4.splat(B_ZERO_POINT * row_sum_i8(a0, k));
    const z1 = i32x4.splat(B_ZERO_POINT * row_sum_i8(a1, k));
    const z2 = i32x4.splat(B_ZERO_POINT * row_sum_i8(a2, k));
    const z3 = i32x4.splat(B_ZERO_POINT * row_sum_i8(a3, k));
    for (let j = 0; j < n; j += NR) {
      let b = packed + <usize>(j / NR) * panel;
      let x0 = i32x4.splat(0); let y0 = i32x4.splat(0);
      let x1 = i32x4.splat(0); let y1 = i32x4.splat(0);
      let x2 = i32x4.splat(0); let y2 = i32x4.splat(0);
      let x3 = i32x4.splat(0); let y3 = i32x4.splat(0);
      if (ASC_FEATURE_RELAXED_SIMD) {
        for (let p = 0; p < kGroups; p += 4) {
          const bl = v128.load(b);
          const bh = v128.load(b, 16);
          b += 32;
          let w = v128.load32_splat(a0 + p);
          x0 = dot4_add(w, bl, x0); y0 = dot4_add(w, bh, y0);
          w = v128.load32_splat(a1 + p);
          x1 = dot4_add(w, bl, x1); y1 = dot4_add(w, bh, y1);
          w = v128.load32_splat(a2 + p);
          x2 = dot4_add(w, bl, x2); y2 = dot4_add(w, bh, y2);
          w = v128.load32_splat(a3 + p);
          x3 = dot4_add(w, bl, x3); y3 = dot4_add(w, bh, y3);
        }
        if (tail > 0) {
          const bl = v128.load(b);
          const bh = v128.load(b, 16);
          let w = i32x4.splat(load_partial_i32(a0 + kGroups, tail));
          x0 = dot4_add(w, bl, x0); y0 = dot4_add(w, bh, y0);
          w = i32x4.splat(load_partial_i32(a1 + kGroups, tail));
          x1 = dot4_add(w, bl, x1); y1 = dot4_add(w, bh, y1);
          w = i32x4.splat(load_partial_i32(a2 + kGroups, tail));
          x2 = dot4_add(w, bl, x2); y2 = dot4_add(w, bh, y2);
          w = i32x4.splat(load_partial_i32(a3 + kGroups, tail));
          x3 = dot4_add(w, bl, x3); y3 = dot4_add(w, bh, y3);
        }
      } else {
        // Per depth pair: one 16-byte B load (8 columns × 2 depths) widened into two halves, and
        // each row's two A bytes broadcast and widened to i16 pairs.
        for (let p = 0; p < kGroups; p += 2) {
          const bv = v128.load(b);
          b += 16;
          const bl = i16x8.extend_low_i8x16_s(bv);
          const bh = i16x8.extend_high_i8x16_s(bv);
          let w = i16x8.extend_low_i8x16_s(v128.load16_splat(a0 + p));
          x0 = dot2_add(w, bl, x0); y0 = dot2_add(w, bh, y0);
          w = i16x8.extend_low_i8x16_s(v128.load16_splat(a1 + p));
          x1 = dot2_add(w, bl, x1); y1 = dot2_add(w, bh, y1);
          w = i16x8.extend_low_i8x16_s(v128.load16_splat(a2 + p));
          x2 = dot2_add(w, bl, x2); y2 = dot2_add(w, bh, y2);
          w = i16x8.extend_low_i8x16_s(v128.load16_splat(a3 + p));
          x3 = dot2_add(w, bl, x3); y3 = dot2_add(w, bh, y3);
        }
        if (tail > 0) {
          // One depth left: each i32 lane of the broadcast is (a, 0) as two i16s.
          const bv = v128.load(b);
          const bl = i16x8.extend_low_i8x16_s(bv);
          const bh = i16x8.extend_high_i8x16_s(bv);
          let w = i32x4.splat(<i32>load<i8>(a0 + kGroups) & 0xffff);
          x0 = dot2_add(w, bl, x0); y0 = dot2_add(w, bh, y0);
          w = i32x4.splat(<i32>load<i8>(a1 + kGroups) & 0xffff);
          x1 = dot2_add(w, bl, x1); y1 = dot2_add(w, bh, y1);
          w = i32x4.splat(<i32>load<i8>(a2 + kGroups) & 0xffff);
          x2 = dot2_add(w, bl, x2); y2 = dot2_add(w, bh, y2);
          w = i32x4.splat(<i32>load<i8>(a3 + kGroups) & 0xffff);
          x3 = dot2_add(w, bl, x3); y3 = dot2_add(w, bh, y3);
        }
      }
      const nr = min(NR, n - j);
      const at = <usize>j << 2;
      // Last row first, so an aliased row's real values are the ones written last.
      store_i32_lanes(c3 + at, i32x4.sub(x3, z3), i32x4.sub(y3, z3), nr);
      store_i32_lanes(c2 + at, i32x4.sub(x2, z2), i32x4.sub(y2, z2), nr);
      store_i32_lanes(c1 + at, i32x4.sub(x1, z1), i32x4.sub(y1, z1), nr);
      store_i32_lanes(c0 + at, i32x4.sub(x0, z0), i32x4.sub(y0, z0), nr);
    }
  }
}
