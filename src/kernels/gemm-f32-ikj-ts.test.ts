import { describe, expect, it } from "vitest";
import { gemmF32IkjTs } from "./gemm-f32-ikj-ts.ts";
import { gemmF32IjkRef } from "./gemm-f32-ijk-ref.ts";
import { runGemmF32 } from "./gemm-test-support.ts";
import { randomF32 } from "./random.ts";

// gemmF32IkjTs is the reference with its loops reordered: same float64 sums in the same order, so
// the test tolerance is zero — bit-identical to gemmF32IjkRef on random (non-integer) data.

/** [m, n, k]: sizes of 1, K = 1, N = 1, and rows longer than a cache line or any vector. */
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 1],
  [13, 17, 1],
  [5, 1, 9],
  [1, 1, 300],
  [7, 13, 5],
  [3, 129, 65],
  [17, 33, 257],
];

describe("gemmF32IkjTs", () => {
  it.each(shapes)("is bit-identical to gemmF32IjkRef: m=%i n=%i k=%i", (m, n, k) => {
    const s = { m, n, k };
    const { a, b, c: got } = runGemmF32(gemmF32IkjTs, s);
    const want = new Float32Array(m * n);
    gemmF32IjkRef(s, a, b, want);
    expect(new Uint32Array(got.buffer)).toEqual(new Uint32Array(want.buffer));
  });

  it("reuses a scratch row it is given, longer than n or holding old sums", () => {
    const s = { m: 6, n: 5, k: 9 };
    const a = randomF32(s.m * s.k, 9);
    const b = randomF32(s.k * s.n, 10);
    const want = new Float32Array(s.m * s.n);
    gemmF32IjkRef(s, a, b, want);
    const row = new Float64Array(8).fill(123);
    const got = new Float32Array(s.m * s.n).fill(7);
    gemmF32IkjTs(s, a, b, got, row);
    expect(got).toEqual(want);
    gemmF32IkjTs(s, a, b, got, row);
    expect(got).toEqual(want);
  });

  it("throws RangeErrors naming the bad argument", () => {
    const a = new Float32Array(6);
    const b = new Float32Array(12);
    const c = new Float32Array(8);
    expect(() => gemmF32IkjTs({ m: 2, n: 4, k: 3 }, a, b, c)).not.toThrow();
    expect(() => gemmF32IkjTs({ m: 0, n: 4, k: 3 }, a, b, c)).toThrow(/invalid m: 0/);
    expect(() => gemmF32IkjTs({ m: 2, n: 4, k: 3 }, a, b.subarray(1), c)).toThrow(/invalid b: length 11/);
    expect(() => gemmF32IkjTs({ m: 2, n: 4, k: 3 }, a, b, c.subarray(1))).toThrow(/invalid c: length 7/);
    expect(() => gemmF32IkjTs({ m: 2, n: 4, k: 3 }, a, b, c, new Float64Array(3))).toThrow(/invalid row: length 3/);
  });
});
