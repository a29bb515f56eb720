import { describe, expect, it } from "vitest";
import type { ConvParams } from "./conv-shape.ts";
import { conv2dF32DirectRef } from "./conv2d-f32-direct-ref.ts";
import { conv2dF64NestedArraysTs, toNestedRows } from "./conv2d-f64-nested-arrays-ts.ts";
import { randomF32 } from "./random.ts";

const U = 2 ** -24;

/** (H, W, kH, kW, padding): 1×1, odd sizes, no padding, a kernel wider than the image plus padding allows. */
const cases: [number, number, number, number, number][] = [
  [1, 1, 1, 1, 0],
  [7, 5, 3, 3, 1],
  [9, 13, 5, 5, 2],
  [6, 11, 3, 5, 0],
  [4, 3, 5, 5, 2],
];

describe("conv2dF64NestedArraysTs", () => {
  it.each(cases)("matches conv2dF32DirectRef: %i×%i image, %i×%i kernel, padding %i", (H, W, kH, kW, padding) => {
    const p: ConvParams = { batch: 1, channels: 1, height: H, width: W, filters: 1, kernelH: kH, kernelW: kW, stride: 1, padding };
    const x = randomF32(H * W, H + W);
    const w = randomF32(kH * kW, kH + 10);
    const outH = H + 2 * padding - kH + 1;
    const outW = W + 2 * padding - kW + 1;
    const ref = new Float32Array(outH * outW);
    conv2dF32DirectRef(p, x, w, new Float32Array(1), ref);
    const nested = conv2dF64NestedArraysTs(toNestedRows(x, H, W), toNestedRows(w, kH, kW), padding);
    expect(nested.length).toBe(outH);
    // The float64 sums are exact next to the reference's float32 ones, whose error is at most about
    // K·u·K for K = kH·kW products of magnitude ≤ 1 (Higham's γ_K bound, as in convModel.tolerance).
    const K = kH * kW;
    nested.forEach((row, y) => {
      expect(row.length).toBe(outW);
      row.forEach((v, x) => expect(Math.abs(v - ref[y * outW + x]!)).toBeLessThanOrEqual(K * (K + 1) * U));
    });
  });

  it("names what is wrong with its input", () => {
    expect(() => conv2dF64NestedArraysTs([], [[1]], 0)).toThrow(/invalid image/);
    expect(() => conv2dF64NestedArraysTs([[1, 2], [3]], [[1]], 0)).toThrow(/invalid image/);
    expect(() => conv2dF64NestedArraysTs([[1]], [[]], 0)).toThrow(/invalid kernel/);
    expect(() => conv2dF64NestedArraysTs([[1]], [[1, 1, 1]], 0)).toThrow(/invalid padding: 0/);
    expect(() => toNestedRows([1, 2, 3], 2, 2)).toThrow(/invalid plane/);
  });
});
