import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams } from "./conv-shape.ts";
import { conv2dF32WinogradRef } from "./conv2d-f32-winograd-ref.ts";
import { randomConvOperands, WINOGRAD_ODD_CASES, winogradCase } from "./conv-test-cases.ts";
import { directF64, outsideBound, relativeError, winogradErrorBound } from "./winograd-error-bound.ts";
import { WINOGRAD_F2X2_3X3, WINOGRAD_F4X4_3X3, type WinogradTransforms } from "./winograd-f32-transforms.ts";

const TRANSFORMS: [string, WinogradTransforms][] = [
  ["F(2×2, 3×3)", WINOGRAD_F2X2_3X3],
  ["F(4×4, 3×3)", WINOGRAD_F4X4_3X3],
];

describe.each(TRANSFORMS)("conv2dF32WinogradRef %s", (_, t) => {
  it.each(WINOGRAD_ODD_CASES)("in float64, equals the direct convolution (the algebra): %s", (_, p) => {
    const { x, w, b } = randomConvOperands(p, 3);
    const got = new Float64Array(convSizes(convShape(p)).output);
    conv2dF32WinogradRef(p, x, w, b, got, t);
    const exact = directF64(p, x, w, b);
    expect(relativeError(got, exact)).toBeLessThan(1e-13);
  });

  // float32 storage of U, V and the channel sums: one rounding each for U and V, C for the sum over
  // channels, one for the output transform and bias (done in float64), one spare for G's 1/6 and
  // 1/24, which float64 only approximates.
  it.each(WINOGRAD_ODD_CASES)("in float32, stays within γ(C + 4) of Winograd's magnitudes: %s", (_, p) => {
    const { x, w, b, out } = randomConvOperands(p, 5);
    conv2dF32WinogradRef(p, x, w, b, out, t);
    const bound = winogradErrorBound(p, x, w, b, t, p.channels + 4);
    expect(outsideBound(out, directF64(p, x, w, b), bound)).toEqual([]);
  });
});

describe("Winograd's accuracy, F(2×2) against F(4×4)", () => {
  // The larger tile interpolates at ±2 as well as 0, ±1, ∞: its transforms have coefficients up to
  // 8 (Aᵀ) and 5 (Bᵀ) where F(2×2) has only ±1 and ½. The transformed tiles are large and the
  // output transform cancels them back down to the result, but their rounding errors, relative to
  // the large intermediates, do not cancel: the error grows with the transforms' magnitudes.
  it("F(4×4) errs more than F(2×2) on a 64-channel layer, each well within its bound", () => {
    const p = winogradCase(1, 64, 16, 16, 8, 1);
    const { x, w, b } = randomConvOperands(p, 7);
    const exact = directF64(p, x, w, b);
    const errors = TRANSFORMS.map(([, t]) => {
      const out = new Float32Array(exact.length);
      conv2dF32WinogradRef(p, x, w, b, out, t);
      return relativeError(out, exact);
    });
    const [f2, f4] = errors as [number, number];
    // Measured: 3.5e-7 and 6.1e-6 (the direct loops rounded to float32: 3.9e-8; u = 6.0e-8).
    expect(f4).toBeGreaterThan(5 * f2);
    expect(f2).toBeLessThan(1e-6);
    expect(f4).toBeLessThan(2e-5);
  });
});

describe("argument validation", () => {
  const p = winogradCase(1, 2, 5, 5, 2, 1);
  const { x, w, b, out } = randomConvOperands(p, 9);

  it("rejects what F(m×m, 3×3) does not compute, naming the parameter", () => {
    const bad: [Partial<ConvParams>, RegExp][] = [
      [{ kernelH: 5 }, /invalid kernelH: 5/],
      [{ kernelW: 1 }, /invalid kernelW: 1/],
      [{ stride: 2 }, /invalid stride: 2/],
    ];
    for (const [change, message] of bad) {
      const q = { ...p, ...change };
      const n = convSizes(convShape(q));
      const run = () => conv2dF32WinogradRef(q, x, new Float32Array(n.weights), b, new Float32Array(n.output));
      expect(run).toThrow(RangeError);
      expect(run).toThrow(message);
    }
  });

  it("rejects operands of the wrong length", () => {
    expect(() => conv2dF32WinogradRef(p, x.subarray(1), w, b, out)).toThrow(/invalid x: length 49/);
    expect(() => conv2dF32WinogradRef(p, x, w, b, out.subarray(1))).toThrow(/invalid out: length 49/);
  });
});
