import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams } from "./conv-shape.ts";
import { addBiasTransposeF32, conv2dF32Im2col, conv2dIm2colScratch, transposeWeights, type GemmF32 } from "./conv2d-f32-im2col.ts";
import { GEMM_F32_BLOCKED_KC as KC, GEMM_F32_BLOCKED_NC as NC, gemmF32BlockedTs } from "./gemm-f32-blocked-ts.ts";
import { gemmF32IjkRef } from "./gemm-f32-ijk-ref.ts";
import { randomF32 } from "./random.ts";
import { ODD_CONV_CASES, randomConvOperands } from "./conv-test-cases.ts";
import { expectWithinConvBound } from "./conv-test-support.ts";

const cases: [string, ConvParams][] = [
  ...ODD_CONV_CASES,
  // C·kH·kW = 261 > 2·KC and F = NC + 3: partial blocks of k and j, 63 rows (not a multiple of 4).
  ["GEMM blocks crossed", { batch: 1, channels: 29, height: 7, width: 9, filters: NC + 3, kernelH: 3, kernelW: 3, stride: 1, padding: 1 }],
];

describe("conv2dF32Im2col", () => {
  it("crosses the GEMM blocks in its largest case", () => {
    const s = convShape(cases.at(-1)![1]);
    expect(s.patch).toBeGreaterThan(2 * KC);
    expect(s.patch % 4).not.toBe(0);
    expect(s.filters).toBeGreaterThan(NC);
    expect(s.cols % 4).not.toBe(0);
  });

  const gemms: [string, GemmF32][] = [
    ["gemmF32BlockedTs", gemmF32BlockedTs],
    ["gemmF32IjkRef", gemmF32IjkRef],
  ];
  for (const [gemmName, gemm] of gemms) {
    it.each(cases)(`matches conv2dF32DirectRef with ${gemmName}: %s`, (_, p) => {
      const { x, w, b, out } = randomConvOperands(p, 11);
      conv2dF32Im2col(p, x, w, b, out, conv2dIm2colScratch(p), gemm);
      expectWithinConvBound(p, x, w, b, out);
    });
  }

  it("reuses one scratch across calls and leaves its inputs alone", () => {
    const p = cases[6]![1];
    const scratch = conv2dIm2colScratch(convShape(p));
    for (const seed of [21, 31]) {
      const { x, w, b, out } = randomConvOperands(p, seed);
      const copies = [x.slice(), w.slice(), b.slice()];
      conv2dF32Im2col(p, x, w, b, out, scratch);
      expectWithinConvBound(p, x, w, b, out);
      expect([x, w, b]).toEqual(copies);
    }
  });
});

describe("transposeWeights", () => {
  it("turns (F, C·kH·kW) into (C·kH·kW, F)", () => {
    // F = 2, C = 1, kH = 1, kW = 3
    const s = convShape({ batch: 1, channels: 1, height: 1, width: 3, filters: 2, kernelH: 1, kernelW: 3, stride: 1, padding: 0 });
    const wT = new Float32Array(6);
    transposeWeights(s, Float32Array.of(1, 2, 3, 4, 5, 6), wT);
    expect(Array.from(wT)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(() => transposeWeights(s, new Float32Array(5), wT)).toThrow(/invalid w: length 5/);
    expect(() => transposeWeights(s, new Float32Array(6), new Float32Array(7))).toThrow(/invalid wT: length 7/);
  });
});

describe("addBiasTransposeF32", () => {
  const p = cases[3]![1];
  const s = convShape(p);
  const gemmOut = randomF32(s.cols * s.filters, 41);
  const b = randomF32(s.filters, 42);

  it("adds the bias and moves the filter axis to NCHW", () => {
    const out = new Float32Array(convSizes(s).output);
    addBiasTransposeF32(s, gemmOut, b, out);
    for (let n = 0; n < s.batch; n++) {
      for (let f = 0; f < s.filters; f++) {
        for (let q = 0; q < s.outH * s.outW; q++) {
          const r = n * s.outH * s.outW + q;
          expect(out[(n * s.filters + f) * s.outH * s.outW + q]).toBe(Math.fround(gemmOut[r * s.filters + f]! + b[f]!));
        }
      }
    }
  });

  it("writes only rows [rowStart, rowEnd), which tile to the full result", () => {
    const full = new Float32Array(convSizes(s).output);
    addBiasTransposeF32(s, gemmOut, b, full);
    const tiled = new Float32Array(full.length).fill(Number.NaN);
    for (let start = 0; start < s.cols; start += 7) addBiasTransposeF32(s, gemmOut, b, tiled, start, Math.min(s.cols, start + 7));
    expect(tiled).toEqual(full);
    const part = new Float32Array(full.length);
    addBiasTransposeF32(s, gemmOut, b, part, 3, 4);
    expect(part.filter((v) => v !== 0).length).toBe(s.filters);
    expect(() => addBiasTransposeF32(s, gemmOut, b, part, 4, 3)).toThrow(/invalid rowEnd: 3/);
  });
});

describe("argument validation", () => {
  const p = cases[2]![1];
  const { x, w, b, out } = randomConvOperands(p, 51);
  const scratch = conv2dIm2colScratch(p);

  it("rejects bad geometry with a RangeError naming the parameter", () => {
    const bad: [Partial<ConvParams>, RegExp][] = [
      [{ stride: 0 }, /invalid stride: 0/],
      [{ kernelH: 12 }, /invalid kernelH: 12 is larger than the padded height 11/],
      [{ kernelW: 9 }, /invalid kernelW: 9 is larger than the padded width 8/],
      [{ height: 4.5 }, /invalid height: 4.5/],
      [{ channels: 0 }, /invalid channels: 0/],
      [{ padding: -1 }, /invalid padding: -1/],
      [{ padding: 0.5 }, /invalid padding: 0.5/],
    ];
    for (const [change, message] of bad) {
      expect(() => conv2dF32Im2col({ ...p, ...change }, x, w, b, out, scratch)).toThrow(RangeError);
      expect(() => conv2dF32Im2col({ ...p, ...change }, x, w, b, out, scratch)).toThrow(message);
      expect(() => conv2dIm2colScratch({ ...p, ...change })).toThrow(message);
    }
  });

  it("names a wrong-length array", () => {
    expect(() => conv2dF32Im2col(p, x.subarray(1), w, b, out, scratch)).toThrow(/invalid x: length/);
    expect(() => conv2dF32Im2col(p, x, w.subarray(1), b, out, scratch)).toThrow(/invalid w: length/);
    expect(() => conv2dF32Im2col(p, x, w, b.subarray(1), out, scratch)).toThrow(/invalid b: length/);
    expect(() => conv2dF32Im2col(p, x, w, b, out.subarray(1), scratch)).toThrow(/invalid out: length/);
    const other = conv2dIm2colScratch({ ...p, stride: 1 });
    expect(() => conv2dF32Im2col(p, x, w, b, out, other)).toThrow(/invalid scratch.col: length/);
    expect(() => conv2dF32Im2col(p, x, w, b, out, { ...scratch, gemmOut: other.gemmOut })).toThrow(/invalid scratch.gemmOut: length/);
    expect(() => conv2dF32Im2col(p, x, w, b, out, { ...scratch, wT: new Float32Array(1) })).toThrow(/invalid scratch.wT: length 1/);
  });
});
