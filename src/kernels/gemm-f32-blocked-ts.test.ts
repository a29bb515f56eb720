import { describe, expect, it } from "vitest";
import { GEMM_F32_BLOCKED_KC as KC, GEMM_F32_BLOCKED_NC as NC, gemmF32BlockedTs } from "./gemm-f32-blocked-ts.ts";
import { gemmF32IjkRef } from "./gemm-f32-ijk-ref.ts";
import { expectGemmWithinTolerance, runGemmF32 } from "./gemm-test-support.ts";
import { randomF32 } from "./random.ts";

/** [m, n, k]: M/N/K of 1, K=1, and sizes that are not multiples of the 4×4 register block or of KC, NC. */
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 1],
  [13, 17, 1],
  [5, 1, 9],
  [1, 1, 300],
  [1, 40, 7],
  [4, 4, 4],
  [7, 13, 5],
  [3, NC + 5, KC + 1],
  [9, 2 * NC + 1, 2 * KC + 3],
  [6, 3, 2 * KC],
  [17, NC, KC - 1],
  [2, 300, 130],
];

describe("gemmF32BlockedTs", () => {
  it.each(shapes)("matches the reference within γ_K·Σ|a||b|: m=%i n=%i k=%i", (m, n, k) => {
    const s = { m, n, k };
    const { a, b, c } = runGemmF32(gemmF32BlockedTs, s);
    expectGemmWithinTolerance(s, a, b, c);
  });

  it("is exact on small integers (no reordering error possible)", () => {
    const s = { m: 5, n: NC + 3, k: KC + 2 };
    const a = randomF32(s.m * s.k, 7).map((v) => Math.round(v * 8));
    const b = randomF32(s.k * s.n, 8).map((v) => Math.round(v * 8));
    const got = new Float32Array(s.m * s.n);
    const want = new Float32Array(s.m * s.n);
    gemmF32BlockedTs(s, a, b, got);
    gemmF32IjkRef(s, a, b, want);
    expect(got).toEqual(want);
  });

  it("overwrites c on a second call instead of accumulating", () => {
    const s = { m: 6, n: 5, k: 9 };
    const a = randomF32(s.m * s.k, 9);
    const b = randomF32(s.k * s.n, 10);
    const once = new Float32Array(s.m * s.n);
    gemmF32BlockedTs(s, a, b, once);
    const twice = once.slice();
    gemmF32BlockedTs(s, a, b, twice);
    expect(twice).toEqual(once);
  });

  it("throws RangeErrors naming the bad argument", () => {
    const a = new Float32Array(6);
    const b = new Float32Array(12);
    const c = new Float32Array(8);
    expect(() => gemmF32BlockedTs({ m: 2, n: 4, k: 3 }, a, b, c)).not.toThrow();
    expect(() => gemmF32BlockedTs({ m: 0, n: 4, k: 3 }, a, b, c)).toThrow(/invalid m: 0/);
    expect(() => gemmF32BlockedTs({ m: 2, n: 4.5, k: 3 }, a, b, c)).toThrow(/invalid n: 4.5/);
    expect(() => gemmF32BlockedTs({ m: 2, n: 4, k: Number.NaN }, a, b, c)).toThrow(/invalid k/);
    expect(() => gemmF32BlockedTs({ m: 2, n: 4, k: 3 }, a.subarray(1), b, c)).toThrow(/invalid a: length 5/);
    expect(() => gemmF32BlockedTs({ m: 2, n: 4, k: 3 }, a, b.subarray(1), c)).toThrow(/invalid b: length 11/);
    expect(() => gemmF32BlockedTs({ m: 2, n: 4, k: 3 }, a, b, c.subarray(1))).toThrow(/invalid c: length 7/);
    expect(() => gemmF32BlockedTs({ m: 0, n: 4, k: 3 }, a, b, c)).toThrow(RangeError);
  });
});
