import { mulberry32 } from "../../kernels/random.ts";
import type { MnistSet } from "../../model/mnist-format.ts";

/** Segments of a seven-segment glyph in a 20×12 box: [row0, row1, col0, col1). */
const SEGMENTS = {
  a: [0, 2, 0, 12],
  b: [0, 11, 10, 12],
  c: [9, 20, 10, 12],
  d: [18, 20, 0, 12],
  e: [9, 20, 0, 2],
  f: [0, 11, 0, 2],
  g: [9, 11, 0, 12],
} as const;
const DIGITS = ["abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg", "abcdfg"];

/**
 * `count` 28×28 digit-like images (seven-segment glyphs at a random place, strokes of random
 * brightness, speckle noise) from a seed: the benchmark's input, whose speed does not depend on
 * the pixels, and the tests' data, without fetching MNIST. The TypeScript twin of the Python
 * companion's seven_segment_digits: the same glyphs, other random streams and noise.
 */
export function sevenSegmentDigits(count: number, seed: number): MnistSet {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`invalid count: ${count} (expected an integer ≥ 1)`);
  const side = 28;
  const next = mulberry32(seed);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * side * side);
  for (let i = 0; i < count; i++) {
    const label = Math.floor(next() * 10);
    labels[i] = label;
    const image = pixels.subarray(i * side * side, (i + 1) * side * side);
    const top = 1 + Math.floor(next() * (side - 22));
    const left = 1 + Math.floor(next() * (side - 14));
    for (const segment of DIGITS[label]!) {
      const [r0, r1, c0, c1] = SEGMENTS[segment as keyof typeof SEGMENTS];
      const value = 150 + Math.floor(next() * 105);
      for (let y = top + r0; y < top + r1; y++) image.fill(value, y * side + left + c0, y * side + left + c1);
    }
    for (let p = 0; p < image.length; p++) {
      if (next() < 0.05) image[p] = Math.min(255, image[p]! + Math.floor(next() * 80));
    }
  }
  return { count, rows: side, cols: side, labels, pixels };
}
