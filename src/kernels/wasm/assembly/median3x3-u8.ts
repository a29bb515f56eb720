// median3x3-u8: the 3×3 median of an 8-bit plane with replicated edges (src/kernels/median3x3-shape.ts),
// by the selection network of median3x3-u8-ts.ts: sort each column of the window, then take the
// median of (largest column minimum, median of column medians, smallest column maximum).
//
//   median3x3_u8_wasm  one pixel at a time (median3x3-u8-wasm)
//   median3x3_u8_x16_wasmsimd    16 pixels at a time with u8x16 min/max (median3x3-u8-x16-wasmsimd): the
//                        network has no branch, so 16 neighbouring windows go through it in lockstep
//
// src and dst are byte offsets of height × width bytes each, not overlapping. A call filters rows
// [rowStart, rowEnd) only (reading the rows around them), so threads given disjoint row ranges
// write disjoint bytes.

// @ts-ignore: decorator
@inline function med3(a: u32, b: u32, c: u32): u32 {
  return max(min(a, b), min(max(a, b), c));
}

// @ts-ignore: decorator
@inline function med3x16(a: v128, b: v128, c: v128): v128 {
  return i8x16.max_u(i8x16.min_u(a, b), i8x16.min_u(i8x16.max_u(a, b), c));
}

/** The median at column x of the rows at up, mid, down, columns l ≤ x ≤ r (already clamped). */
// @ts-ignore: decorator
@inline function medianAt(up: usize, mid: usize, down: usize, l: usize, x: usize, r: usize): u32 {
  const a0: u32 = load<u8>(up + l), a1: u32 = load<u8>(mid + l), a2: u32 = load<u8>(down + l);
  const b0: u32 = load<u8>(up + x), b1: u32 = load<u8>(mid + x), b2: u32 = load<u8>(down + x);
  const c0: u32 = load<u8>(up + r), c1: u32 = load<u8>(mid + r), c2: u32 = load<u8>(down + r);
  const lowest = max(max(min(min(a0, a1), a2), min(min(b0, b1), b2)), min(min(c0, c1), c2));
  const middle = med3(med3(a0, a1, a2), med3(b0, b1, b2), med3(c0, c1, c2));
  const highest = min(min(max(max(a0, a1), a2), max(max(b0, b1), b2)), max(max(c0, c1), c2));
  return med3(lowest, middle, highest);
}

/** 16 medians at columns x … x + 15; needs 1 ≤ x and x + 16 < width. */
// @ts-ignore: decorator
@inline function median16At(up: usize, mid: usize, down: usize, x: usize): v128 {
  const a0 = v128.load(up + x - 1), a1 = v128.load(mid + x - 1), a2 = v128.load(down + x - 1);
  const b0 = v128.load(up + x), b1 = v128.load(mid + x), b2 = v128.load(down + x);
  const c0 = v128.load(up + x + 1), c1 = v128.load(mid + x + 1), c2 = v128.load(down + x + 1);
  const lowest = i8x16.max_u(i8x16.max_u(i8x16.min_u(i8x16.min_u(a0, a1), a2), i8x16.min_u(i8x16.min_u(b0, b1), b2)), i8x16.min_u(i8x16.min_u(c0, c1), c2));
  const middle = med3x16(med3x16(a0, a1, a2), med3x16(b0, b1, b2), med3x16(c0, c1, c2));
  const highest = i8x16.min_u(i8x16.min_u(i8x16.max_u(i8x16.max_u(a0, a1), a2), i8x16.max_u(i8x16.max_u(b0, b1), b2)), i8x16.max_u(i8x16.max_u(c0, c1), c2));
  return med3x16(lowest, middle, highest);
}

/** Row y's pointers: the row above, the row, the row below, edges replicated. */
// @ts-ignore: decorator
@inline function rowAt(src: usize, y: i32, height: i32, width: i32): usize {
  return src + <usize>(<i32>min(max(y, 0), height - 1) * width);
}

export function median3x3_u8_wasm(src: usize, dst: usize, height: i32, width: i32, rowStart: i32, rowEnd: i32): void {
  const last = <usize>(width - 1);
  for (let y = rowStart; y < rowEnd; y++) {
    const up = rowAt(src, y - 1, height, width), mid = rowAt(src, y, height, width), down = rowAt(src, y + 1, height, width);
    const out = rowAt(dst, y, height, width);
    for (let x: usize = 0; x <= last; x++) {
      store<u8>(out + x, medianAt(up, mid, down, x > 0 ? x - 1 : 0, x, x < last ? x + 1 : last));
    }
  }
}

export function median3x3_u8_x16_wasmsimd(src: usize, dst: usize, height: i32, width: i32, rowStart: i32, rowEnd: i32): void {
  const last = <usize>(width - 1);
  for (let y = rowStart; y < rowEnd; y++) {
    const up = rowAt(src, y - 1, height, width), mid = rowAt(src, y, height, width), down = rowAt(src, y + 1, height, width);
    const out = rowAt(dst, y, height, width);
    // Interior blocks of 16; a row too short for one block, and the edge columns, go one by one.
    let x: usize = 1;
    if (last >= 17) {
      for (; x + 16 <= last; x += 16) v128.store(out + x, median16At(up, mid, down, x));
      // The last block overlaps the previous one rather than leave a scalar tail: same values.
      x = last - 16;
      v128.store(out + x, median16At(up, mid, down, x));
      x = last;
    }
    store<u8>(out, medianAt(up, mid, down, 0, 0, last > 0 ? 1 : 0));
    for (; x <= last; x++) {
      store<u8>(out + x, medianAt(up, mid, down, x - 1, x, x < last ? x + 1 : last));
    }
  }
}
