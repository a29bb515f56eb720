import { mulberry32 } from "./random.ts";

/**
 * A seeded 8-bit test image for the median filters: a horizontal ramp with mild noise, and 10% of
 * the pixels replaced by salt (255) or pepper (0), the impulse noise a median filter removes.
 */
export function noisyImageU8(height: number, width: number, seed: number): Uint8Array {
  const next = mulberry32(seed);
  return Uint8Array.from({ length: height * width }, (_, i) => {
    const r = next();
    return r < 0.05 ? 0 : r > 0.95 ? 255 : Math.floor(((i % width) / width) * 215 + next() * 40);
  });
}

/** Test shapes (height, width): one pixel, single rows and columns, and widths leaving every kind of remainder after the SIMD kernel's 16-pixel blocks. */
export const MEDIAN3X3_TEST_SHAPES: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 2],
  [2, 1],
  [1, 19],
  [19, 1],
  [2, 2],
  [3, 3],
  [5, 17],
  [7, 18],
  [4, 33],
  [9, 34],
  [33, 50],
  [13, 97],
];
