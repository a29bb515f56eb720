import { describe, expect, it } from "vitest";
import { maxpool2x2BackwardF32, maxpool2x2ReluF32 } from "./maxpool2x2-f32.ts";

describe("maxpool2x2ReluF32 and its gradient", () => {
  // Two planes of 3×5: the last row and column fall outside every window and are dropped.
  const x = Float32Array.from([1, 5, -2, 0, 9, 3, 2, 7, 7, 9, 99, 99, 99, 99, 99, -1, -4, 0, -3, 8, -2, -6, -5, 0, 8, 8, 8, 8, 8, 8]);

  it("takes the max of each 2×2 window, odd edges dropped, then clamps at 0", () => {
    const out = new Float32Array(4);
    maxpool2x2ReluF32(2, 3, 5, x, out);
    expect(Array.from(out)).toEqual([5, 7, 0, 0]);
  });

  it("routes each window's gradient to its (first) maximum and nowhere else", () => {
    const dx = new Float32Array(x.length).fill(42);
    maxpool2x2BackwardF32(2, 3, 5, x, Float32Array.of(10, 20, 30, 40), dx);
    const expected = new Float32Array(x.length);
    expected[1] = 10; // 5
    expected[7] = 20; // the first of the tied 7s
    expected[15] = 30; // -1
    expected[17] = 40; // the first of the tied 0s (the other one is below and to the right)
    expect(Array.from(dx)).toEqual(Array.from(expected));
  });

  it("rejects bad shapes, naming the argument", () => {
    expect(() => maxpool2x2ReluF32(1, 1, 4, new Float32Array(4), new Float32Array(0))).toThrow(/invalid h: 1/);
    expect(() => maxpool2x2ReluF32(1, 2, 2, new Float32Array(3), new Float32Array(1))).toThrow(/invalid x: length 3/);
    expect(() => maxpool2x2BackwardF32(1, 2, 2, new Float32Array(4), new Float32Array(1), new Float32Array(5))).toThrow(/invalid dx/);
  });
});
