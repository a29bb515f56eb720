import { checkMedian3x3, type Median3x3Shape } from "./median3x3-shape.ts";

/**
 * The obviously correct 3×3 median: gather the nine neighbours (edges replicated, see
 * median3x3-shape.ts), sort them, keep the fifth. The reference every faster kernel must equal
 * byte for byte.
 */
export function median3x3U8Ref(s: Median3x3Shape, src: Uint8Array, dst: Uint8Array): void {
  checkMedian3x3(s, src, dst);
  const { height, width } = s;
  const window = new Uint8Array(9);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let i = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const row = Math.min(Math.max(y + dy, 0), height - 1) * width;
        for (let dx = -1; dx <= 1; dx++) window[i++] = src[row + Math.min(Math.max(x + dx, 0), width - 1)]!;
      }
      dst[y * width + x] = window.sort()[4]!;
    }
  }
}
