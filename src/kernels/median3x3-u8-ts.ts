import { checkMedian3x3, type Median3x3Shape } from "./median3x3-shape.ts";

// median3x3-u8-ts: the selection network every fast median kernel of the site runs (the
// WebAssembly scalar and SIMD kernels take the same steps), here in plain JavaScript.
//
// Sort each of the window's three columns; then the median of the nine is a median of three: the
// largest column minimum, the median of the column medians and the smallest column maximum.
// Only min and max, no data-dependent branch: that is what lets the SIMD kernel run the same steps
// on 16 pixels at once, where a sort could not.

/** Median of three with min/max only. */
function med3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/** 3×3 median with replicated edges (see median3x3-shape.ts). */
export function median3x3U8Ts(s: Median3x3Shape, src: Uint8Array, dst: Uint8Array): void {
  checkMedian3x3(s, src, dst);
  const { height, width } = s;
  const last = width - 1;
  for (let y = 0; y < height; y++) {
    const up = Math.max(y - 1, 0) * width;
    const mid = y * width;
    const down = Math.min(y + 1, height - 1) * width;
    for (let x = 0; x < width; x++) {
      const l = x > 0 ? x - 1 : 0;
      const r = x < last ? x + 1 : last;
      const a0 = src[up + l]!,
        a1 = src[mid + l]!,
        a2 = src[down + l]!;
      const b0 = src[up + x]!,
        b1 = src[mid + x]!,
        b2 = src[down + x]!;
      const c0 = src[up + r]!,
        c1 = src[mid + r]!,
        c2 = src[down + r]!;
      const lowest = Math.max(Math.min(a0, a1, a2), Math.min(b0, b1, b2), Math.min(c0, c1, c2));
      const middle = med3(med3(a0, a1, a2), med3(b0, b1, b2), med3(c0, c1, c2));
      const highest = Math.min(Math.max(a0, a1, a2), Math.max(b0, b1, b2), Math.max(c0, c1, c2));
      dst[mid + x] = med3(lowest, middle, highest);
    }
  }
}
