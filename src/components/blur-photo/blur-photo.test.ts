import { describe, expect, it } from "vitest";
import { boxBlurF32Ref } from "../../kernels/blur-f32-box-ref.ts";
import { mulberry32 } from "../../kernels/random.ts";
import { blurThreeWays, fitWithin } from "./blur-photo.ts";

describe("fitWithin", () => {
  it("keeps small images and scales large ones to the longest side", () => {
    expect(fitWithin(300, 451)).toEqual({ width: 300, height: 451 });
    expect(fitWithin(4096, 1000)).toEqual({ width: 2048, height: 500 });
    expect(fitWithin(3, 9000, 2048)).toEqual({ width: 1, height: 2048 });
  });
  it("rejects an empty image", () => {
    expect(() => fitWithin(0, 10)).toThrow(/invalid image size: 0×10/);
  });
});

describe("blurThreeWays", () => {
  it("gives the same Gaussian twice and the box blur of its reference, on an odd-sized image", () => {
    const [width, height, k] = [37, 23, 9];
    const next = mulberry32(5);
    const gray = Float32Array.from({ length: width * height }, () => Math.floor(next() * 256));
    const [direct, separable, box] = blurThreeWays(gray, width, height, k);
    // Taps sum to 1 and pixels are ≤ 255: float32 sums of k² terms stay within 2·k²·u·255.
    const tolerance = 2 * k * k * 2 ** -24 * 255;
    direct!.pixels.forEach((v, i) => expect(Math.abs(v - separable!.pixels[i]!)).toBeLessThanOrEqual(tolerance));
    const ref = new Float32Array(gray.length);
    boxBlurF32Ref({ height, width, k }, gray, ref);
    expect(Array.from(box!.pixels)).toEqual(Array.from(ref));
    expect([direct, separable, box].map((r) => r!.method)).toEqual(["gaussian-direct", "gaussian-separable", "box-integral"]);
    for (const r of [direct, separable, box]) expect(r!.ms).toBeGreaterThanOrEqual(0);
  });
});
