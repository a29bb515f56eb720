import { describe, expect, it } from "vitest";
import { convShape, type ConvParams } from "./conv-shape.ts";
import { conv2dF32DirectRef } from "./conv2d-f32-direct-ref.ts";
import { conv2dF32ShiftedTs, validOutputRange } from "./conv2d-f32-shifted-ts.ts";
import { ODD_CONV_CASES, randomConvOperands, U } from "./conv-test-cases.ts";

const cases: [string, ConvParams][] = [
  ...ODD_CONV_CASES,
  [
    "3×3, padding 1, 1 pixel wide",
    { batch: 1, channels: 2, height: 4, width: 1, filters: 2, kernelH: 3, kernelW: 3, stride: 1, padding: 1 },
  ],
  ["deep 3×3, padding 1", { batch: 1, channels: 29, height: 7, width: 9, filters: 11, kernelH: 3, kernelW: 3, stride: 1, padding: 1 }],
];

describe("validOutputRange", () => {
  it("keeps exactly the outputs whose input index is inside the image", () => {
    for (const [size, stride, padding, taps] of [
      [5, 1, 1, 3],
      [9, 2, 1, 3],
      [6, 2, 2, 1],
      [1, 1, 1, 3],
      [10, 3, 0, 2],
      [4, 1, 2, 5],
    ] as const) {
      const outSize = Math.floor((size + 2 * padding - taps) / stride) + 1;
      for (let tap = 0; tap < taps; tap++) {
        const inside = Array.from({ length: outSize }, (_, o) => o).filter((o) => {
          const i = o * stride - padding + tap;
          return i >= 0 && i < size;
        });
        const [start, end] = validOutputRange(tap, size, outSize, stride, padding);
        expect(
          Array.from({ length: end - start }, (_, k) => start + k),
          `size ${size} stride ${stride} padding ${padding} tap ${tap}`,
        ).toEqual(inside);
      }
    }
  });
});

describe("conv2dF32ShiftedTs", () => {
  /**
   * Each output is the bias plus K = C·kH·kW products summed one by one in f32 (every += rounds),
   * and the reference rounds its f64 sum once: |got − ref| ≤ (K + 1)·u·(Σ|x||w| + |b|). We allow
   * twice that; Σ|x||w| + |b| is the reference convolution of |x|, |w|, |b|.
   */
  it.each(cases)("matches conv2dF32DirectRef: %s", (_, p) => {
    const { x, w, b, out } = randomConvOperands(p, 7);
    conv2dF32ShiftedTs(p, x, w, b, out);
    const want = new Float32Array(out.length);
    conv2dF32DirectRef(p, x, w, b, want);
    const mag = new Float32Array(out.length);
    conv2dF32DirectRef(p, x.map(Math.abs), w.map(Math.abs), b.map(Math.abs), mag);
    const depth = convShape(p).patch + 1;
    for (let i = 0; i < out.length; i++) {
      const tol = 2 * (depth + 1) * U * mag[i]!;
      const err = Math.abs(out[i]! - want[i]!);
      if (!(err <= tol)) expect.fail(`out[${i}]: got ${out[i]}, want ${want[i]}, |error| ${err} > ${tol}`);
    }
  });

  it("overwrites the output and leaves its inputs alone", () => {
    const p = cases[7]![1];
    const { x, w, b, out } = randomConvOperands(p, 21);
    const copies = [x.slice(), w.slice(), b.slice()];
    conv2dF32ShiftedTs(p, x, w, b, out);
    const first = out.slice();
    out.fill(123);
    conv2dF32ShiftedTs(p, x, w, b, out);
    expect(out).toEqual(first);
    expect([x, w, b]).toEqual(copies);
  });

  it("rejects bad geometry and wrong lengths with a RangeError naming the argument", () => {
    const p = cases[2]![1];
    const { x, w, b, out } = randomConvOperands(p, 31);
    expect(() => conv2dF32ShiftedTs({ ...p, stride: 0 }, x, w, b, out)).toThrow(/invalid stride: 0/);
    expect(() => conv2dF32ShiftedTs({ ...p, kernelH: 12 }, x, w, b, out)).toThrow(/invalid kernelH: 12/);
    expect(() => conv2dF32ShiftedTs(p, x.subarray(1), w, b, out)).toThrow(RangeError);
    expect(() => conv2dF32ShiftedTs(p, x.subarray(1), w, b, out)).toThrow(/invalid x: length/);
    expect(() => conv2dF32ShiftedTs(p, x, w.subarray(1), b, out)).toThrow(/invalid w: length/);
    expect(() => conv2dF32ShiftedTs(p, x, w, b.subarray(1), out)).toThrow(/invalid b: length/);
    expect(() => conv2dF32ShiftedTs(p, x, w, b, out.subarray(1))).toThrow(/invalid out: length/);
  });
});
