import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams } from "./conv-shape.ts";
import { conv2dF32DirectRef } from "./conv2d-f32-direct-ref.ts";
import { conv2dF32SeparableTs, conv2dSeparableScratch, separableWeights } from "./conv2d-f32-separable-ts.ts";
import { randomF32 } from "./random.ts";

/** Unit roundoff of f32. */
const U = 2 ** -24;

/** Odd geometries: 1×1, 1×k and k×1, strides 2 and 3, padding 2, C=1, N=2, H≠W, kernel = padded input. */
const cases: [string, ConvParams][] = [
  ["1×1, C=3, N=2", { batch: 2, channels: 3, height: 5, width: 7, filters: 2, kernelH: 1, kernelW: 1, stride: 1, padding: 0 }],
  ["9×9, padding 4, C=1", { batch: 1, channels: 1, height: 13, width: 10, filters: 1, kernelH: 9, kernelW: 9, stride: 1, padding: 4 }],
  [
    "1×5 and 5×1 factors of a 5×5, C=2",
    { batch: 1, channels: 2, height: 6, width: 9, filters: 3, kernelH: 5, kernelW: 5, stride: 1, padding: 2 },
  ],
  [
    "1×7 (horizontal only), padding 3",
    { batch: 1, channels: 1, height: 4, width: 11, filters: 2, kernelH: 1, kernelW: 7, stride: 1, padding: 3 },
  ],
  [
    "3×1 (vertical only), stride 2",
    { batch: 2, channels: 2, height: 9, width: 5, filters: 1, kernelH: 3, kernelW: 1, stride: 2, padding: 1 },
  ],
  [
    "5×3, stride 3, padding 2, C=4",
    { batch: 1, channels: 4, height: 11, width: 8, filters: 3, kernelH: 5, kernelW: 3, stride: 3, padding: 2 },
  ],
  ["kernel = padded input", { batch: 1, channels: 3, height: 3, width: 4, filters: 2, kernelH: 5, kernelW: 6, stride: 1, padding: 1 }],
];

function inputs(p: ConvParams, seed: number) {
  const s = convShape(p);
  const n = convSizes(s);
  const fc = s.filters * s.channels;
  return {
    x: randomF32(n.input, seed),
    filters: { u: randomF32(fc * s.kernelH, seed + 1), v: randomF32(fc * s.kernelW, seed + 2) },
    b: randomF32(n.bias, seed + 3),
    out: new Float32Array(n.output).fill(Number.NaN),
    scratch: conv2dSeparableScratch(p),
  };
}

describe("separableWeights", () => {
  it("is the outer product of the factors, per filter and channel", () => {
    const p: ConvParams = { batch: 1, channels: 1, height: 3, width: 3, filters: 2, kernelH: 2, kernelW: 3, stride: 1, padding: 0 };
    const w = separableWeights(p, { u: Float32Array.of(1, 2, 3, 4), v: Float32Array.of(1, 10, 100, -1, 0, 1) });
    expect(Array.from(w)).toEqual([1, 10, 100, 2, 20, 200, -3, 0, 3, -4, 0, 4]);
  });
});

describe("conv2dF32SeparableTs", () => {
  /**
   * Per filter and channel, the horizontal pass sums kW products and the output accumulates
   * C·kH more terms plus the bias, each += rounding in f32; the reference rounds each weight u·v
   * once and its f64 sum once. So |got − ref| ≤ (C·kH + kW + 3)·u·(Σ|x||w| + |b|). We allow
   * twice that; Σ|x||w| + |b| is the reference convolution of |x|, |w|, |b|.
   */
  it.each(cases)("matches conv2dF32DirectRef with the outer-product filters: %s", (_, p) => {
    const { x, filters, b, out, scratch } = inputs(p, 5);
    conv2dF32SeparableTs(p, x, filters, b, out, scratch);
    const w = separableWeights(p, filters);
    const want = new Float32Array(out.length);
    conv2dF32DirectRef(p, x, w, b, want);
    const mag = new Float32Array(out.length);
    conv2dF32DirectRef(p, x.map(Math.abs), w.map(Math.abs), b.map(Math.abs), mag);
    const depth = p.channels * p.kernelH + p.kernelW + 3;
    for (let i = 0; i < out.length; i++) {
      const tol = 2 * depth * U * mag[i]!;
      const err = Math.abs(out[i]! - want[i]!);
      if (!(err <= tol)) expect.fail(`out[${i}]: got ${out[i]}, want ${want[i]}, |error| ${err} > ${tol}`);
    }
  });

  it("reuses one scratch across calls and leaves its inputs alone", () => {
    const p = cases[5]![1];
    const { x, filters, b, out, scratch } = inputs(p, 9);
    const copies = [x.slice(), filters.u.slice(), filters.v.slice(), b.slice()];
    conv2dF32SeparableTs(p, x, filters, b, out, scratch);
    const first = out.slice();
    scratch.fill(7);
    conv2dF32SeparableTs(p, x, filters, b, out, scratch);
    expect(out).toEqual(first);
    expect([x, filters.u, filters.v, b]).toEqual(copies);
  });

  it("rejects bad geometry and wrong lengths with a RangeError naming the argument", () => {
    const p = cases[2]![1];
    const { x, filters, b, out, scratch } = inputs(p, 13);
    expect(() => conv2dF32SeparableTs({ ...p, stride: 0 }, x, filters, b, out, scratch)).toThrow(/invalid stride: 0/);
    expect(() => conv2dF32SeparableTs(p, x.subarray(1), filters, b, out, scratch)).toThrow(RangeError);
    expect(() => conv2dF32SeparableTs(p, x.subarray(1), filters, b, out, scratch)).toThrow(/invalid x: length/);
    expect(() => conv2dF32SeparableTs(p, x, { ...filters, u: filters.u.subarray(1) }, b, out, scratch)).toThrow(/invalid u: length/);
    expect(() => conv2dF32SeparableTs(p, x, { ...filters, v: filters.v.subarray(1) }, b, out, scratch)).toThrow(/invalid v: length/);
    expect(() => conv2dF32SeparableTs(p, x, filters, b.subarray(1), out, scratch)).toThrow(/invalid b: length/);
    expect(() => conv2dF32SeparableTs(p, x, filters, b, out.subarray(1), scratch)).toThrow(/invalid out: length/);
    expect(() => conv2dF32SeparableTs(p, x, filters, b, out, scratch.subarray(1))).toThrow(/invalid scratch: length/);
    expect(() => separableWeights(p, { ...filters, v: new Float32Array(2) })).toThrow(/invalid v: length 2/);
  });
});
