import { describe, expect, it } from "vitest";
import {
  blurF32FullCropTs,
  blurF32RegionTs,
  blurFullCropScratch,
  blurRegionScratch,
  cropF32,
  type PixelRegion,
} from "./blur-f32-region-ts.ts";
import type { BlurShape } from "./blur-shape.ts";
import { U } from "./conv-test-cases.ts";
import { conv2dF32DirectRef } from "./conv2d-f32-direct-ref.ts";
import { separableWeights } from "./conv2d-f32-separable-ts.ts";
import { randomF32 } from "./random.ts";

/**
 * Odd image sizes; regions at every edge and corner, 1-pixel regions, the whole image, k = 1, and
 * windows wider than the image, so halos cross one, two or all four borders.
 */
const cases: [string, BlurShape, PixelRegion][] = [
  ["interior, halo inside", { height: 13, width: 10, k: 5 }, { top: 4, left: 3, height: 5, width: 4 }],
  ["top-left corner pixel", { height: 13, width: 10, k: 5 }, { top: 0, left: 0, height: 1, width: 1 }],
  ["bottom-right corner pixel", { height: 13, width: 10, k: 5 }, { top: 12, left: 9, height: 1, width: 1 }],
  ["along the top edge", { height: 13, width: 10, k: 5 }, { top: 0, left: 3, height: 2, width: 4 }],
  ["along the left edge", { height: 13, width: 10, k: 5 }, { top: 4, left: 0, height: 5, width: 2 }],
  ["bottom-right corner block", { height: 13, width: 10, k: 5 }, { top: 9, left: 6, height: 4, width: 4 }],
  ["one pixel off the right edge", { height: 13, width: 10, k: 5 }, { top: 6, left: 8, height: 3, width: 1 }],
  ["the whole image", { height: 13, width: 10, k: 5 }, { top: 0, left: 0, height: 13, width: 10 }],
  ["k = 1, no halo", { height: 7, width: 5, k: 1 }, { top: 2, left: 1, height: 3, width: 3 }],
  ["k = 1, the whole image", { height: 7, width: 5, k: 1 }, { top: 0, left: 0, height: 7, width: 5 }],
  ["window wider than the image", { height: 6, width: 4, k: 9 }, { top: 1, left: 1, height: 2, width: 2 }],
  ["1×1 image", { height: 1, width: 1, k: 3 }, { top: 0, left: 0, height: 1, width: 1 }],
  ["one-row image", { height: 1, width: 17, k: 7 }, { top: 0, left: 5, height: 1, width: 6 }],
  ["k = 25 on a 64×48 image, interior", { height: 64, width: 48, k: 25 }, { top: 20, left: 13, height: 11, width: 9 }],
  ["k = 25 on a 64×48 image, crossing the bottom", { height: 64, width: 48, k: 25 }, { top: 50, left: 13, height: 14, width: 21 }],
];

/** Signed pixels and taps, so a tap dropped, doubled or misplaced changes the result. */
function operands(s: BlurShape, region: PixelRegion, seed: number) {
  return {
    x: randomF32(s.height * s.width, seed),
    taps: randomF32(s.k, seed + 1),
    out: new Float32Array(region.height * region.width).fill(Number.NaN),
  };
}

function fullCrop(s: BlurShape, region: PixelRegion, x: Float32Array, taps: Float32Array): Float32Array {
  const out = new Float32Array(region.height * region.width).fill(Number.NaN);
  blurF32FullCropTs(s, region, x, taps, out, blurFullCropScratch(s));
  return out;
}

/** conv2dF32DirectRef of the whole image (x and w mapped by `f`), cropped to the region. */
function referenceCropped(s: BlurShape, region: PixelRegion, x: Float32Array, taps: Float32Array, f: (v: number) => number): Float32Array {
  const p = {
    batch: 1,
    channels: 1,
    height: s.height,
    width: s.width,
    filters: 1,
    kernelH: s.k,
    kernelW: s.k,
    stride: 1,
    padding: (s.k - 1) / 2,
  };
  const full = new Float32Array(s.height * s.width);
  conv2dF32DirectRef(p, x.map(f), separableWeights(p, { u: taps, v: taps }).map(f), new Float32Array(1), full);
  const out = new Float32Array(region.height * region.width);
  cropF32(s, full, region, out);
  return out;
}

describe("blurF32RegionTs", () => {
  it.each(cases)("equals the whole blurred frame, cropped, bit for bit: %s", (_, s, region) => {
    const { x, taps, out } = operands(s, region, 3);
    blurF32RegionTs(s, region, x, taps, out, blurRegionScratch(s, region));
    expect(Array.from(out)).toEqual(Array.from(fullCrop(s, region, x, taps)));
  });

  /**
   * Both blurs sum k products per row pass and k more per column pass in float32, the reference
   * rounds each weight u·v once and sums k² terms in doubles: as in the separable kernel's test,
   * |got − ref| ≤ 2·(2k + 3)·u·Σ|x||w|, the last factor being the reference blur of |x| by |w|.
   */
  it.each(cases)("matches the plain-loop reference blur, cropped: %s", (_, s, region) => {
    const { x, taps, out } = operands(s, region, 11);
    blurF32RegionTs(s, region, x, taps, out, blurRegionScratch(s, region));
    const want = referenceCropped(s, region, x, taps, (v) => v);
    const magnitude = referenceCropped(s, region, x, taps, Math.abs);
    for (let i = 0; i < out.length; i++) {
      const tol = 2 * (2 * s.k + 3) * U * magnitude[i]!;
      const err = Math.abs(out[i]! - want[i]!);
      if (!(err <= tol)) expect.fail(`out[${i}]: got ${out[i]}, want ${want[i]}, |error| ${err} > ${tol}`);
    }
  });

  it("reads zeros past the border, not the nearest pixels: a corner of a flat image darkens", () => {
    const s = { height: 3, width: 3, k: 3 };
    const x = new Float32Array(9).fill(9);
    const ones = Float32Array.of(1, 1, 1);
    const corner = new Float32Array(1);
    const centre = new Float32Array(1);
    blurF32RegionTs(
      s,
      { top: 0, left: 0, height: 1, width: 1 },
      x,
      ones,
      corner,
      blurRegionScratch(s, { top: 0, left: 0, height: 1, width: 1 }),
    );
    blurF32RegionTs(
      s,
      { top: 1, left: 1, height: 1, width: 1 },
      x,
      ones,
      centre,
      blurRegionScratch(s, { top: 1, left: 1, height: 1, width: 1 }),
    );
    expect([corner[0], centre[0]]).toEqual([4 * 9, 9 * 9]);
  });

  it("reuses its scratch across calls and regions, and leaves its inputs alone", () => {
    const [, s, region] = cases[5]!;
    const { x, taps, out } = operands(s, region, 17);
    const copies = [x.slice(), taps.slice()];
    const scratch = blurRegionScratch(s, region);
    blurF32RegionTs(s, region, x, taps, out, scratch);
    const first = out.slice();
    scratch.window.fill(7);
    scratch.rows.fill(-7);
    blurF32RegionTs(s, region, x, taps, out, scratch);
    expect(out).toEqual(first);
    expect([x, taps]).toEqual(copies);
  });

  it("rejects a bad image, region, window or buffer with a RangeError naming the argument", () => {
    const [, s, region] = cases[0]!;
    const { x, taps, out } = operands(s, region, 19);
    const scratch = blurRegionScratch(s, region);
    const call =
      (r: PixelRegion, over: Partial<{ s: BlurShape; x: Float32Array; taps: Float32Array; out: Float32Array }> = {}) =>
      () =>
        blurF32RegionTs(over.s ?? s, r, over.x ?? x, over.taps ?? taps, over.out ?? out, scratch);
    expect(call({ ...region, height: 0 })).toThrow(RangeError);
    expect(call({ ...region, height: 0 })).toThrow(/invalid region.height: 0/);
    expect(call({ ...region, top: -1 })).toThrow(/invalid region.top: -1/);
    expect(call({ ...region, left: 1.5 })).toThrow(/invalid region.left: 1.5/);
    expect(call({ ...region, top: 10 })).toThrow(/invalid region: rows 10…14 leave the 13-row image/);
    expect(call({ ...region, left: 7 })).toThrow(/invalid region: columns 7…10 leave the 10-column image/);
    expect(call(region, { s: { ...s, k: 4 } })).toThrow(/invalid k: 4/);
    expect(call(region, { taps: taps.subarray(1) })).toThrow(/invalid taps: length 4, expected 5/);
    expect(call(region, { x: x.subarray(1) })).toThrow(/invalid x: length/);
    expect(call(region, { out: out.subarray(1) })).toThrow(/invalid out: length/);
    expect(() => blurF32RegionTs(s, region, x, taps, out, { ...scratch, window: scratch.window.subarray(1) })).toThrow(
      /invalid scratch.window/,
    );
    expect(() => blurF32RegionTs(s, region, x, taps, out, blurRegionScratch(s, { ...region, width: 1 }))).toThrow(/invalid scratch.window/);
    expect(() => blurF32FullCropTs(s, region, x, taps, out, blurFullCropScratch({ ...s, width: 9 }))).toThrow(/invalid scratch.frame/);
  });
});

describe("cropF32", () => {
  it("copies the window and fills what lies past the image with zeros", () => {
    const s = { height: 2, width: 3 };
    const x = Float32Array.of(1, 2, 3, 4, 5, 6);
    const out = new Float32Array(4 * 3).fill(Number.NaN);
    cropF32(s, x, { top: -1, left: 1, height: 4, width: 3 }, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 2, 3, 0, 5, 6, 0, 0, 0, 0]);
    const beside = new Float32Array(2).fill(Number.NaN);
    cropF32(s, x, { top: 0, left: 5, height: 2, width: 1 }, beside);
    expect(Array.from(beside)).toEqual([0, 0]);
    expect(() => cropF32(s, x, { top: 0, left: 0, height: 1, width: 0 }, out)).toThrow(/invalid window.width: 0/);
  });
});
