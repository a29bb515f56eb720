import { inflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MNIST_MEAN, MNIST_STD, buildDigitRows, normalizeDigits, rowShift } from "./digit-batch.ts";
import { encodeDigitStore } from "./digit-store.ts";
import { sevenSegmentDigits } from "./seven-segment-digits.ts";

const set = sevenSegmentDigits(9, 3);
const store = encodeDigitStore(set);
const SIDE = 28;

/** The batch built the obvious way: decode, then shift pixel by pixel, then normalise. */
function reference(indices: number[], seed: number, maxShift: number): Float32Array {
  const out = new Float32Array(indices.length * SIDE * SIDE);
  indices.forEach((image, r) => {
    const pixels = inflateSync(store.blobs.subarray(store.offsets[image]!, store.offsets[image + 1]!));
    const [dy, dx] = rowShift(seed, r, maxShift);
    for (let y = 0; y < SIDE; y++) {
      for (let x = 0; x < SIDE; x++) {
        const [sy, sx] = [y - dy, x - dx];
        const p = sy >= 0 && sy < SIDE && sx >= 0 && sx < SIDE ? pixels[sy * SIDE + sx]! : 0;
        out[(r * SIDE + y) * SIDE + x] = (p / 255 - MNIST_MEAN) / MNIST_STD;
      }
    }
  });
  return out;
}

function build(indices: number[], seed: number, maxShift: number, ranges: [number, number][]) {
  const x = new Float32Array(indices.length * SIDE * SIDE).fill(Number.NaN);
  const y = new Float32Array(indices.length).fill(Number.NaN);
  const views = { blobs: store.blobs, offsets: store.offsets, labels: store.labels, indices: Int32Array.from(indices), x, y };
  for (const [start, end] of ranges) buildDigitRows(views, SIDE, seed, maxShift, start, end);
  return { x, y };
}

describe("encodeDigitStore + buildDigitRows (the data loader's work)", () => {
  it("stores each digit as a smaller deflate stream that decodes to its pixels", () => {
    expect(store.offsets[store.count]).toBe(store.blobs.length);
    expect(store.blobs.length).toBeLessThan(set.pixels.length / 2);
    const third = inflateSync(store.blobs.subarray(store.offsets[3]!, store.offsets[4]!));
    expect(Array.from(third)).toEqual(Array.from(set.pixels.subarray(3 * 784, 4 * 784)));
    expect(() => encodeDigitStore(set, 5, 5)).toThrow(/invalid range: images 5…9 of a set of 9/);
  });

  it("decodes, shifts and normalises each row as the plain loops do, in any split of the rows", () => {
    const indices = [4, 0, 8, 8, 2];
    const expected = reference(indices, 77, 2);
    // Exact: the same float operations on the same bytes, whoever builds which rows.
    for (const ranges of [
      [[0, 5]],
      [
        [0, 2],
        [2, 5],
      ],
      [
        [3, 5],
        [0, 1],
        [1, 3],
      ],
    ] as [number, number][][]) {
      const { x, y } = build(indices, 77, 2, ranges);
      expect(Array.from(x)).toEqual(Array.from(expected));
      expect(Array.from(y)).toEqual(indices.map((i) => set.labels[i]!));
    }
  });

  it("shifts by at most maxShift, by several different offsets, and not at all with maxShift 0", () => {
    const shifts = Array.from({ length: 200 }, (_, r) => rowShift(5, r, 2));
    expect(shifts.every(([dy, dx]) => Math.abs(dy) <= 2 && Math.abs(dx) <= 2)).toBe(true);
    expect(new Set(shifts.map(String)).size).toBe(25);
    const { x } = build([1], 5, 0, [[0, 1]]);
    const plain = new Float32Array(784);
    normalizeDigits(set.pixels.subarray(784, 2 * 784), plain);
    expect(Array.from(x)).toEqual(Array.from(plain));
  });

  it("names a bad index or a corrupt stream", () => {
    expect(() => build([9], 1, 2, [[0, 1]])).toThrow(/invalid indices\[0\]: 9 \(the store holds 9 images\)/);
    const views = {
      blobs: store.blobs,
      offsets: Int32Array.of(0, 3),
      labels: store.labels.subarray(0, 1),
      indices: Int32Array.of(0),
      x: new Float32Array(784),
      y: new Float32Array(1),
    };
    expect(() => buildDigitRows(views, SIDE, 1, 2, 0, 1)).toThrow(
      /invalid image 0: (its stream does not inflate|decodes to \d+ bytes, expected 784)/,
    );
  });
});
