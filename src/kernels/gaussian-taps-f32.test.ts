import { describe, expect, it } from "vitest";
import { gaussianTapsF32 } from "./gaussian-taps-f32.ts";

describe("gaussianTapsF32", () => {
  it.each([1, 3, 9, 25])("k=%i: sums to 1, symmetric, peaks in the middle", (k) => {
    const g = gaussianTapsF32(k);
    expect(g.length).toBe(k);
    expect(g.reduce((a, t) => a + t, 0)).toBeCloseTo(1, 6);
    for (let i = 0; i < k; i++) expect(g[i]).toBe(g[k - 1 - i]);
    expect(Math.max(...g)).toBe(g[(k - 1) / 2]);
  });

  it("has σ = k/6: for k=9 (σ = 1.5) the end tap, 4 away, is exp(−4²/(2·1.5²)) of the centre", () => {
    const g = gaussianTapsF32(9);
    expect(g[0]! / g[4]!).toBeCloseTo(Math.exp(-16 / 4.5), 6);
  });

  it("rejects even and non-integer sizes", () => {
    expect(() => gaussianTapsF32(4)).toThrow(/invalid k: 4/);
    expect(() => gaussianTapsF32(2.5)).toThrow(/invalid k/);
  });
});
