import { describe, expect, it } from "vitest";
import { gemmF32IkjTs } from "./gemm-f32-ikj-ts.ts";
import { gemmF32ViaI8Ref, gemmI8Ref } from "./gemm-i8-ref.ts";
import {
  QMAX_A,
  QMAX_B,
  quantizationError,
  quantizeColumnsI8,
  quantizedGemmErrorBound,
  quantizeRowsI8,
  roundHalfEven,
} from "./quantize-i8.ts";
import { randomF32 } from "./random.ts";

describe("roundHalfEven", () => {
  it("rounds ties to the even neighbour, like f32x4.nearest", () => {
    expect([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4, -2.6].map(roundHalfEven)).toEqual([-2, -2, -0, 0, 2, 2, 2, -3]);
  });
});

describe("quantizeRowsI8 / quantizeColumnsI8", () => {
  it("maps each row's largest |x| to ±qmax and errs by at most half a step", () => {
    const [rows, cols] = [5, 13];
    const x = randomF32(rows * cols, 1);
    const { q, scales } = quantizeRowsI8(rows, cols, x, QMAX_A);
    for (let i = 0; i < rows; i++) {
      const row = Array.from(q.subarray(i * cols, (i + 1) * cols), Math.abs);
      expect(Math.max(...row)).toBe(QMAX_A);
      for (let j = 0; j < cols; j++)
        expect(Math.abs(q[i * cols + j]! * scales[i]! - x[i * cols + j]!)).toBeLessThanOrEqual(scales[i]! * 0.5 * (1 + 2 ** -20));
    }
  });

  it("gives a zero row scale 1 and zeros", () => {
    const { q, scales } = quantizeRowsI8(2, 3, Float32Array.of(0, 0, 0, 1, -1, 0.5), QMAX_B);
    expect(Array.from(scales)).toEqual([1, Math.fround(1 / 63)]);
    expect(Array.from(q)).toEqual([0, 0, 0, 63, -63, 32]);
  });

  it("quantizes columns as it quantizes the rows of the transpose", () => {
    const [rows, cols] = [7, 4];
    const x = randomF32(rows * cols, 2);
    const t = new Float32Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = x[i * cols + j]!;
    const byColumn = quantizeColumnsI8(rows, cols, x, QMAX_B);
    const byRow = quantizeRowsI8(cols, rows, t, QMAX_B);
    expect(byColumn.scales).toEqual(byRow.scales);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expect(byColumn.q[i * cols + j]).toBe(byRow.q[j * rows + i]);
  });

  it("names a bad argument", () => {
    expect(() => quantizeRowsI8(2, 3, new Float32Array(5), 127)).toThrow(/invalid x: length 5/);
    expect(() => quantizeRowsI8(2, 3, new Float32Array(6), 128)).toThrow(/invalid qmax: 128/);
    expect(() => quantizeColumnsI8(0, 3, new Float32Array(0), 63)).toThrow(/invalid rows: 0/);
  });
});

describe("gemmI8Ref", () => {
  it("multiplies a small case by hand", () => {
    const c = new Int32Array(2);
    gemmI8Ref({ m: 1, n: 2, k: 3 }, Int8Array.of(-128, 2, 3), Int8Array.of(-64, 63, 1, 1, 2, -3), c);
    expect(Array.from(c)).toEqual([-128 * -64 + 2 + 6, -128 * 63 + 2 - 9]);
  });

  it("rejects B outside the 7-bit range, naming the value", () => {
    expect(() => gemmI8Ref({ m: 1, n: 1, k: 1 }, Int8Array.of(1), Int8Array.of(100), new Int32Array(1))).toThrow(
      /invalid b: 100 at row 0, column 0/,
    );
  });
});

describe("the int8 pipeline's error", () => {
  it.each([16, 128, 1000])("stays within quantizedGemmErrorBound of the float32 product (k = %i)", (k) => {
    const [m, n] = [9, 11];
    const a = randomF32(m * k, k);
    const b = randomF32(k * n, k + 1);
    const exact = new Float32Array(m * n);
    gemmF32IkjTs({ m, n, k }, a, b, exact);
    const approx = gemmF32ViaI8Ref({ m, n, k }, a, b);
    const sa = Math.max(...quantizeRowsI8(m, k, a, QMAX_A).scales);
    const sb = Math.max(...quantizeColumnsI8(k, n, b, QMAX_B).scales);
    const error = quantizationError(exact, approx);
    // The float32 product itself errs by up to k(k+1)·2⁻²⁴ (inputs in [-1, 1]); the bound is on the exact one.
    expect(error.maxAbs).toBeLessThanOrEqual(quantizedGemmErrorBound(k, sa, sb) + k * (k + 1) * 2 ** -24);
    // Rounding errors are independent and cancel: the typical error is far below the worst case.
    expect(error.maxAbs).toBeLessThan(quantizedGemmErrorBound(k, sa, sb) / 4);
    expect(error.meanRelative).toBeGreaterThan(0);
    expect(error.meanRelative).toBeLessThan(0.02);
  });
});
