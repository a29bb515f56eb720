import { describe, expect, it } from "vitest";
import { blurF32BoxIntegralTs, boxBlurIntegralScratch } from "./blur-f32-box-integral-ts.ts";
import { boxBlurF32Ref } from "./blur-f32-box-ref.ts";
import type { BlurShape } from "./blur-shape.ts";
import { mulberry32, randomF32 } from "./random.ts";

/** Odd sizes, 1×1, a single row, and windows larger than the image (clipped: zero padding). */
const shapes: BlurShape[] = [
  { height: 1, width: 1, k: 1 },
  { height: 1, width: 1, k: 5 },
  { height: 1, width: 13, k: 3 },
  { height: 7, width: 5, k: 3 },
  { height: 11, width: 17, k: 9 },
  { height: 4, width: 6, k: 11 },
  { height: 23, width: 19, k: 25 },
];

function run(s: BlurShape, x: Float32Array) {
  const fast = new Float32Array(x.length).fill(Number.NaN);
  const ref = new Float32Array(x.length).fill(Number.NaN);
  blurF32BoxIntegralTs(s, x, fast, boxBlurIntegralScratch(s));
  boxBlurF32Ref(s, x, ref);
  return { fast, ref };
}

describe("blurF32BoxIntegralTs", () => {
  it.each(shapes)("equals the direct box sum exactly on 8-bit pixels: %o", (s) => {
    const next = mulberry32(s.height * 31 + s.width + s.k);
    const x = Float32Array.from({ length: s.height * s.width }, () => Math.floor(next() * 256));
    const { fast, ref } = run(s, x);
    // Integer sums below 2^53 are exact in float64 and the one division rounds the same way.
    expect(Array.from(fast)).toEqual(Array.from(ref));
  });

  it.each(shapes)("matches the direct box sum on values in [-1, 1): %o", (s) => {
    const { fast, ref } = run(s, randomF32(s.height * s.width, s.k + 7));
    // Both sum in float64 (error ≪ 2^-40 here); only the final rounding to float32 differs: ≤ 1 ulp of 1.
    for (let i = 0; i < fast.length; i++) expect(Math.abs(fast[i]! - ref[i]!)).toBeLessThanOrEqual(2 ** -23);
  });

  it("is the mean of the window where it fits and zero-pads at the border", () => {
    const s = { height: 3, width: 3, k: 3 };
    const { fast } = run(
      s,
      Float32Array.from({ length: 9 }, () => 9),
    );
    expect(fast[4]).toBe(9);
    expect(fast[0]).toBe(4);
  });

  it("names the bad argument", () => {
    const s = { height: 4, width: 4, k: 3 };
    expect(() => blurF32BoxIntegralTs({ ...s, k: 4 }, new Float32Array(16), new Float32Array(16), boxBlurIntegralScratch(s))).toThrow(
      /invalid k: 4/,
    );
    expect(() => blurF32BoxIntegralTs(s, new Float32Array(15), new Float32Array(16), boxBlurIntegralScratch(s))).toThrow(/invalid x/);
    expect(() => blurF32BoxIntegralTs(s, new Float32Array(16), new Float32Array(16), new Float64Array(16))).toThrow(/invalid integral/);
    expect(() => boxBlurF32Ref({ ...s, width: 0 }, new Float32Array(0), new Float32Array(0))).toThrow(/invalid width/);
  });
});
