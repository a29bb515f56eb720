import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams, type ConvShape } from "./conv-shape.ts";
import { conv2dBackwardScratch, conv2dF32Backward } from "./conv2d-f32-backward.ts";
import type { GemmF32 } from "./conv2d-f32-im2col.ts";
import { conv2dF32DirectRef } from "./conv2d-f32-direct-ref.ts";
import { GEMM_F32_BLOCKED_NC as NC, gemmF32BlockedTs } from "./gemm-f32-blocked-ts.ts";
import { gemmF32IjkRef } from "./gemm-f32-ijk-ref.ts";
import { im2colF32 } from "./im2col-f32.ts";
import { mulberry32, randomF32 } from "./random.ts";
import { ODD_CONV_CASES, U } from "./conv-test-cases.ts";

const cases: [string, ConvParams][] = [
  ...ODD_CONV_CASES,
  ["GEMM blocks crossed", { batch: 1, channels: 29, height: 7, width: 9, filters: NC + 3, kernelH: 3, kernelW: 3, stride: 1, padding: 1 }],
];

/** The three gradients by direct loops over the forward definition, in f64: the oracle. */
function backwardOracle(s: ConvShape, x: ArrayLike<number>, w: ArrayLike<number>, dout: ArrayLike<number>) {
  const n = convSizes(s);
  const dx = new Float64Array(n.input);
  const dw = new Float64Array(n.weights);
  const db = new Float64Array(n.bias);
  const { channels: C, height: H, width: W, filters: F, kernelH: kH, kernelW: kW } = s;
  for (let i = 0; i < s.batch; i++) {
    for (let f = 0; f < F; f++) {
      for (let oy = 0; oy < s.outH; oy++) {
        for (let ox = 0; ox < s.outW; ox++) {
          const g = dout[((i * F + f) * s.outH + oy) * s.outW + ox]!;
          db[f]! += g;
          for (let c = 0; c < C; c++) {
            for (let ky = 0; ky < kH; ky++) {
              const y = oy * s.stride - s.padding + ky;
              if (y < 0 || y >= H) continue;
              for (let kx = 0; kx < kW; kx++) {
                const xx = ox * s.stride - s.padding + kx;
                if (xx < 0 || xx >= W) continue;
                const xi = ((i * C + c) * H + y) * W + xx;
                const wi = ((f * C + c) * kH + ky) * kW + kx;
                dx[xi]! += g * w[wi]!;
                dw[wi]! += g * x[xi]!;
              }
            }
          }
        }
      }
    }
  }
  return { dx, dw, db };
}

/** |got − want| ≤ 2·(depth + 1)·u·mag per element, mag = Σ|terms| (the oracle on absolute values). */
function expectWithinBound(name: string, got: Float32Array, want: Float64Array, mag: Float64Array, depth: number) {
  for (let i = 0; i < got.length; i++) {
    const tol = 2 * (depth + 1) * U * mag[i]!;
    const err = Math.abs(got[i]! - want[i]!);
    if (!(err <= tol)) expect.fail(`${name}[${i}]: got ${got[i]}, want ${want[i]}, |error| ${err} > ${tol}`);
  }
}

function setup(p: ConvParams, seed: number) {
  const s = convShape(p);
  const n = convSizes(s);
  return {
    s,
    x: randomF32(n.input, seed),
    w: randomF32(n.weights, seed + 1),
    b: randomF32(n.bias, seed + 2),
    dout: randomF32(n.output, seed + 3),
    dx: new Float32Array(n.input).fill(Number.NaN),
    dw: new Float32Array(n.weights).fill(Number.NaN),
    db: new Float32Array(n.bias).fill(Number.NaN),
    scratch: conv2dBackwardScratch(p),
  };
}

describe("conv2dF32Backward", () => {
  const gemms: [string, GemmF32][] = [
    ["gemmF32BlockedTs", gemmF32BlockedTs],
    ["gemmF32IjkRef", gemmF32IjkRef],
  ];
  for (const [gemmName, gemm] of gemms) {
    it.each(cases)(`matches the direct-loop gradients with ${gemmName}: %s`, (_, p) => {
      const { s, x, w, dout, dx, dw, db, scratch } = setup(p, 61);
      conv2dF32Backward(p, x, w, dout, dx, dw, db, scratch, { gemm });
      const want = backwardOracle(s, x, w, dout);
      const mag = backwardOracle(s, x.map(Math.abs), w.map(Math.abs), dout.map(Math.abs));
      // Reduction depths of our computation: dx sums F products per im2col entry (GEMM), then at
      // most kH·kW overlapping entries (col2im); dw sums N·H'·W' products; db sums in f64.
      expectWithinBound("dx", dx, want.dx, mag.dx, s.filters + s.kernelH * s.kernelW);
      expectWithinBound("dw", dw, want.dw, mag.dw, s.cols);
      expectWithinBound("db", db, want.db, mag.db, 1);
    });
  }

  /**
   * Central differences of the scalar loss L = Σ out·g, out = conv2dF32DirectRef(x, w, b), against the
   * analytic gradients for dout = g. L is linear in each of x, w and b separately, so a central
   * difference has no truncation error whatever the step: the only error left is the f32
   * rounding of out (≤ u·|out| each), so |fd − exact| ≤ u·(Σ|out⁺||g| + Σ|out⁻||g|)/δ, δ the
   * step actually taken. We allow twice that, plus the analytic side's bound as above.
   */
  it.each([cases[1]!, cases[3]!, cases[6]!])("agrees with central differences of Σ out·g: %s", (_, p) => {
    const { s, x, w, b, dout: g, dx, dw, db, scratch } = setup(p, 71);
    conv2dF32Backward(p, x, w, g, dx, dw, db, scratch);
    const mag = backwardOracle(s, x.map(Math.abs), w.map(Math.abs), g.map(Math.abs));
    const out = new Float32Array(g.length);
    const loss = (xv: Float32Array, wv: Float32Array, bv: Float32Array) => {
      conv2dF32DirectRef(p, xv, wv, bv, out);
      let value = 0;
      let absValue = 0;
      for (let i = 0; i < out.length; i++) {
        value += out[i]! * g[i]!;
        absValue += Math.abs(out[i]! * g[i]!);
      }
      return { value, absValue };
    };
    const random = mulberry32(72);
    const h = 0.25;
    const check = (name: string, v: Float32Array, grad: Float32Array, depth: number, magnitude: Float64Array) => {
      for (let trial = 0; trial < 4; trial++) {
        const i = Math.floor(random() * v.length);
        const original = v[i]!;
        v[i] = original + h;
        const plus = v[i]!;
        const lp = loss(x, w, b);
        v[i] = original - h;
        const minus = v[i]!;
        const lm = loss(x, w, b);
        v[i] = original;
        const delta = plus - minus;
        const fd = (lp.value - lm.value) / delta;
        const tol = (2 * U * (lp.absValue + lm.absValue)) / delta + 2 * (depth + 1) * U * magnitude[i]!;
        const err = Math.abs(fd - grad[i]!);
        if (!(err <= tol)) expect.fail(`${name}[${i}]: finite difference ${fd}, analytic ${grad[i]}, |error| ${err} > ${tol}`);
        // Not vacuous: the tolerance is far below the gradient's own size.
        expect(tol).toBeLessThan(1e-3 * Math.max(1, magnitude[i]!));
      }
    };
    check("dx", x, dx, s.filters + s.kernelH * s.kernelW, mag.dx);
    check("dw", w, dw, s.cols, mag.dw);
    check("db", b, db, 1, mag.db);
  });

  it("reads the im2col matrix the forward pass left in scratch.col instead of unfolding x again", () => {
    const p = cases[6]![1];
    const full = setup(p, 83);
    conv2dF32Backward(p, full.x, full.w, full.dout, full.dx, full.dw, full.db, full.scratch);
    // The forward pass's scratch col holds im2col(x); x itself is not read again, so unfolding
    // another image into col gives that image's weight gradient.
    const other = setup(p, 84);
    const fromForward = setup(p, 83);
    im2colF32(fromForward.s, other.x, fromForward.scratch.col);
    conv2dF32Backward(
      p,
      fromForward.x,
      fromForward.w,
      fromForward.dout,
      fromForward.dx,
      fromForward.dw,
      fromForward.db,
      fromForward.scratch,
      { colHoldsInput: true },
    );
    const expected = setup(p, 83);
    conv2dF32Backward(p, other.x, expected.w, expected.dout, expected.dx, expected.dw, expected.db, expected.scratch);
    expect(fromForward.dw).toEqual(expected.dw);
    expect(fromForward.dx).toEqual(full.dx); // dx never depends on x
    // And with the right matrix, everything equals the call that builds it.
    const reused = setup(p, 83);
    im2colF32(reused.s, reused.x, reused.scratch.col);
    conv2dF32Backward(p, reused.x, reused.w, reused.dout, reused.dx, reused.dw, reused.db, reused.scratch, { colHoldsInput: true });
    expect({ dx: reused.dx, dw: reused.dw, db: reused.db }).toEqual({ dx: full.dx, dw: full.dw, db: full.db });
  });

  it("skips the input gradient when dx is null (a network's first layer), with dw and db unchanged", () => {
    const p = cases[3]![1];
    const full = setup(p, 85);
    conv2dF32Backward(p, full.x, full.w, full.dout, full.dx, full.dw, full.db, full.scratch);
    const first = setup(p, 85);
    conv2dF32Backward(p, first.x, first.w, first.dout, null, first.dw, first.db, first.scratch);
    expect({ dw: first.dw, db: first.db }).toEqual({ dw: full.dw, db: full.db });
    expect(first.dx.every(Number.isNaN)).toBe(true);
  });

  it("overwrites its outputs and reuses one scratch across calls", () => {
    const p = cases[6]![1];
    const first = setup(p, 81);
    conv2dF32Backward(p, first.x, first.w, first.dout, first.dx, first.dw, first.db, first.scratch);
    const again = { dx: first.dx.slice(), dw: first.dw.slice(), db: first.db.slice() };
    conv2dF32Backward(p, first.x, first.w, first.dout, again.dx, again.dw, again.db, first.scratch);
    expect(again).toEqual({ dx: first.dx, dw: first.dw, db: first.db });
  });
});

describe("argument validation", () => {
  const p = cases[2]![1];
  const { x, w, dout, dx, dw, db, scratch } = setup(p, 91);

  it("rejects bad geometry with a RangeError naming the parameter", () => {
    expect(() => conv2dF32Backward({ ...p, stride: 0 }, x, w, dout, dx, dw, db, scratch)).toThrow(/invalid stride: 0/);
    expect(() => conv2dF32Backward({ ...p, kernelW: 9 }, x, w, dout, dx, dw, db, scratch)).toThrow(/invalid kernelW: 9/);
    expect(() => conv2dF32Backward({ ...p, width: 6.5 }, x, w, dout, dx, dw, db, scratch)).toThrow(/invalid width: 6.5/);
    expect(() => conv2dBackwardScratch({ ...p, filters: 0 })).toThrow(/invalid filters: 0/);
    expect(() => conv2dBackwardScratch({ ...p, filters: 0 })).toThrow(RangeError);
  });

  it("names a wrong-length array", () => {
    const short = new Float32Array(1);
    expect(() => conv2dF32Backward(p, short, w, dout, dx, dw, db, scratch)).toThrow(/invalid x: length 1/);
    expect(() => conv2dF32Backward(p, x, short, dout, dx, dw, db, scratch)).toThrow(/invalid w: length 1/);
    expect(() => conv2dF32Backward(p, x, w, short, dx, dw, db, scratch)).toThrow(/invalid dout: length 1/);
    expect(() => conv2dF32Backward(p, x, w, dout, short, dw, db, scratch)).toThrow(/invalid dx: length 1/);
    expect(() => conv2dF32Backward(p, x, w, dout, dx, short, db, scratch)).toThrow(/invalid dw: length 1/);
    expect(() => conv2dF32Backward(p, x, w, dout, dx, dw, dw, scratch)).toThrow(/invalid db: length/);
    expect(() => conv2dF32Backward(p, x, w, dout, dx, dw, db, { ...scratch, col: short })).toThrow(/invalid scratch.col/);
    expect(() => conv2dF32Backward(p, x, w, dout, dx, dw, db, { ...scratch, doutT: short })).toThrow(/invalid scratch.doutT/);
    expect(() => conv2dF32Backward(p, x, w, dout, dx, dw, db, { ...scratch, doutRows: short })).toThrow(/invalid scratch.doutRows/);
  });
});
