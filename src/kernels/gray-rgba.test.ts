import { describe, expect, it } from "vitest";
import { toGray, toRgba } from "./gray-rgba.ts";

describe("toGray / toRgba", () => {
  it("weights red, green and blue as BT.601 luma", () => {
    const rgba = Uint8ClampedArray.of(255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 10, 10, 0);
    expect(Array.from(toGray(rgba, 2, 2))).toEqual([76, 150, 29, 10]);
    expect(Array.from(toRgba(Float32Array.of(76)))).toEqual([76, 76, 76, 255]);
  });
  it("names a buffer of the wrong size", () => {
    expect(() => toGray(new Uint8ClampedArray(12), 2, 2)).toThrow(/invalid rgba/);
  });
});
