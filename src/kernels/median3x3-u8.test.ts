import { describe, expect, it } from "vitest";
import { median3x3U8Ts } from "./median3x3-u8-ts.ts";
import { median3x3U8Ref } from "./median3x3-u8-ref.ts";
import { MEDIAN3X3_TEST_SHAPES, noisyImageU8 } from "./median3x3-input.ts";

// The JavaScript network against the sort-the-window reference, byte for byte, on sizes from one
// pixel to shapes with every column-count remainder the SIMD kernel's 16-pixel blocks can leave.

describe("median3x3-u8-ts", () => {
  it.each(MEDIAN3X3_TEST_SHAPES)("equals the sorted-window reference on %i×%i", (height, width) => {
    const src = noisyImageU8(height, width, height * 100 + width);
    const expected = new Uint8Array(src.length);
    median3x3U8Ref({ height, width }, src, expected);
    const out = new Uint8Array(src.length);
    median3x3U8Ts({ height, width }, src, out);
    expect(out).toEqual(expected);
  });

  it("selects the median of every one of the 512 black-and-white windows (0-1 principle)", () => {
    // A min/max network that is right on every 0/1 input is right on every input.
    const out = new Uint8Array(9);
    for (let bits = 0; bits < 512; bits++) {
      const src = Uint8Array.from({ length: 9 }, (_, i) => ((bits >> i) & 1) * 255);
      median3x3U8Ts({ height: 3, width: 3 }, src, out);
      const ones = src.filter((v) => v === 255).length;
      expect(out[4], `window ${bits.toString(2)}`).toBe(ones >= 5 ? 255 : 0);
    }
  });

  it("replicates the edges: a lone corner pixel is removed, a bright edge column is kept", () => {
    const src = new Uint8Array(25);
    src[0] = 200; // replicated, it fills 4 of its own window's 9 places: still a minority
    src[18] = 200; // an inner pixel: 1 of 9
    const out = new Uint8Array(25);
    median3x3U8Ref({ height: 5, width: 5 }, src, out);
    expect([...out]).toEqual(new Array(25).fill(0));
    const stripe = Uint8Array.from({ length: 12 }, (_, i) => (i % 4 === 0 ? 90 : 10)); // column 0 bright
    median3x3U8Ref({ height: 3, width: 4 }, stripe, out.subarray(0, 12));
    expect([...out.subarray(0, 12)]).toEqual([90, 10, 10, 10, 90, 10, 10, 10, 90, 10, 10, 10]);
  });

  it("names bad arguments", () => {
    const img = new Uint8Array(6);
    for (const kernel of [median3x3U8Ts, median3x3U8Ref]) {
      expect(() => kernel({ height: 0, width: 6 }, img, new Uint8Array(6))).toThrow(/invalid height: 0/);
      expect(() => kernel({ height: 2, width: 2.5 }, img, new Uint8Array(6))).toThrow(/invalid width: 2.5/);
      expect(() => kernel({ height: 2, width: 3 }, img.subarray(1), new Uint8Array(6))).toThrow(/invalid src: 5 bytes/);
      expect(() => kernel({ height: 2, width: 3 }, img, new Uint8Array(7))).toThrow(/invalid dst: 7 bytes/);
      expect(() => kernel({ height: 1, width: 3 }, img.subarray(0, 3), img.subarray(2, 5))).toThrow(/overlaps src/);
    }
  });
});
