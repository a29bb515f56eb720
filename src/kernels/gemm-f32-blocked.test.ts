import { describe, expect, it } from "vitest";
import { GEMM_F32_BLOCKED_KC as KC, GEMM_F32_BLOCKED_NC as NC, gemmF32Blocked } from "./gemm-f32-blocked.ts";
import { gemmF32Ref } from "./gemm-f32-ref.ts";
import type { GemmShape } from "./gemm-shape.ts";
import { randomF32 } from "./random.ts";

/** Unit roundoff of f32. */
const U = 2 ** -24;

/**
 * Tolerance that grows with the reduction depth K: summing K products in f32 errs by at most
 * γ_K·Σ|a||b| with γ_K ≈ K·u (Higham, Accuracy and Stability of Numerical Algorithms, §3.1), and
 * the reference rounds its f64 sum once more. We allow 2·(K+1)·u·Σ_p|a_ip||b_pj| per element: a
 * bound the kernel can never exceed, so it never needs loosening. Σ|a||b| is the GEMM of |a|, |b|.
 */
function expectWithinGemmBound(s: GemmShape, a: Float32Array, b: Float32Array, got: Float32Array): void {
  const want = new Float32Array(s.m * s.n);
  gemmF32Ref(s, a, b, want);
  const mag = new Float32Array(s.m * s.n);
  gemmF32Ref(s, a.map(Math.abs), b.map(Math.abs), mag);
  for (let i = 0; i < got.length; i++) {
    const tol = 2 * (s.k + 1) * U * mag[i]!;
    const err = Math.abs(got[i]! - want[i]!);
    if (!(err <= tol)) {
      expect.fail(`c[${i}] of ${s.m}×${s.n}×${s.k}: got ${got[i]}, want ${want[i]}, |error| ${err} > ${tol}`);
    }
  }
}

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

describe("gemmF32Blocked", () => {
  it.each(shapes)("matches the reference within 2(K+1)·u·Σ|a||b|: m=%i n=%i k=%i", (m, n, k) => {
    const s = { m, n, k };
    const a = randomF32(m * k, m * 1000 + k);
    const b = randomF32(k * n, n * 1000 + k);
    const aCopy = a.slice();
    const bCopy = b.slice();
    const c = new Float32Array(m * n).fill(Number.NaN);
    gemmF32Blocked(s, a, b, c);
    expectWithinGemmBound(s, a, b, c);
    expect(a).toEqual(aCopy);
    expect(b).toEqual(bCopy);
  });

  it("is exact on small integers (no reordering error possible)", () => {
    const s = { m: 5, n: NC + 3, k: KC + 2 };
    const a = randomF32(s.m * s.k, 7).map((v) => Math.round(v * 8));
    const b = randomF32(s.k * s.n, 8).map((v) => Math.round(v * 8));
    const got = new Float32Array(s.m * s.n);
    const want = new Float32Array(s.m * s.n);
    gemmF32Blocked(s, a, b, got);
    gemmF32Ref(s, a, b, want);
    expect(got).toEqual(want);
  });

  it("overwrites c on a second call instead of accumulating", () => {
    const s = { m: 6, n: 5, k: 9 };
    const a = randomF32(s.m * s.k, 9);
    const b = randomF32(s.k * s.n, 10);
    const once = new Float32Array(s.m * s.n);
    gemmF32Blocked(s, a, b, once);
    const twice = once.slice();
    gemmF32Blocked(s, a, b, twice);
    expect(twice).toEqual(once);
  });

  it("throws RangeErrors naming the bad argument", () => {
    const a = new Float32Array(6);
    const b = new Float32Array(12);
    const c = new Float32Array(8);
    expect(() => gemmF32Blocked({ m: 2, n: 4, k: 3 }, a, b, c)).not.toThrow();
    expect(() => gemmF32Blocked({ m: 0, n: 4, k: 3 }, a, b, c)).toThrow(/invalid m: 0/);
    expect(() => gemmF32Blocked({ m: 2, n: 4.5, k: 3 }, a, b, c)).toThrow(/invalid n: 4.5/);
    expect(() => gemmF32Blocked({ m: 2, n: 4, k: Number.NaN }, a, b, c)).toThrow(/invalid k/);
    expect(() => gemmF32Blocked({ m: 2, n: 4, k: 3 }, a.subarray(1), b, c)).toThrow(/invalid a: length 5/);
    expect(() => gemmF32Blocked({ m: 2, n: 4, k: 3 }, a, b.subarray(1), c)).toThrow(/invalid b: length 11/);
    expect(() => gemmF32Blocked({ m: 2, n: 4, k: 3 }, a, b, c.subarray(1))).toThrow(/invalid c: length 7/);
    expect(() => gemmF32Blocked({ m: 0, n: 4, k: 3 }, a, b, c)).toThrow(RangeError);
  });
});
