import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams, type ConvShape } from "./conv-shape.ts";
import { col2imF32, im2colF32 } from "./im2col-f32.ts";
import { randomF32 } from "./random.ts";
import { ODD_CONV_CASES, U } from "./conv-test-cases.ts";

const cases: [string, ConvParams][] = [...ODD_CONV_CASES];

/**
 * The im2col definition, one element at a time: calls `visit(colIndex, inputIndex)` for every
 * element of the (N·H'·W') × (C·kH·kW) matrix, inputIndex −1 where the patch lies in the padding.
 */
function forEachPatchElement(s: ConvShape, visit: (colIndex: number, inputIndex: number) => void): void {
  for (let r = 0; r < s.cols; r++) {
    const n = Math.floor(r / (s.outH * s.outW));
    const oy = Math.floor(r / s.outW) % s.outH;
    const ox = r % s.outW;
    for (let q = 0; q < s.patch; q++) {
      const c = Math.floor(q / (s.kernelH * s.kernelW));
      const ky = Math.floor(q / s.kernelW) % s.kernelH;
      const kx = q % s.kernelW;
      const y = oy * s.stride - s.padding + ky;
      const xx = ox * s.stride - s.padding + kx;
      const inside = y >= 0 && y < s.height && xx >= 0 && xx < s.width;
      visit(r * s.patch + q, inside ? ((n * s.channels + c) * s.height + y) * s.width + xx : -1);
    }
  }
}

/** The im2col matrix by its definition: the oracle. */
function im2colOracle(s: ConvShape, x: Float32Array): Float32Array {
  const col = new Float32Array(s.cols * s.patch);
  forEachPatchElement(s, (i, j) => (col[i] = j < 0 ? 0 : x[j]!));
  return col;
}

/** col2im by its definition, accumulated in f64: the oracle. */
function col2imOracle(s: ConvShape, col: Float32Array): Float64Array {
  const dx = new Float64Array(convSizes(s).input);
  forEachPatchElement(s, (i, j) => {
    if (j >= 0) dx[j]! += col[i]!;
  });
  return dx;
}

function dot64(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let acc = 0;
  for (let i = 0; i < a.length; i++) acc += a[i]! * b[i]!;
  return acc;
}

describe("im2colF32", () => {
  it.each(cases)("equals the definition: %s", (_, p) => {
    const s = convShape(p);
    const x = randomF32(convSizes(s).input, 1);
    const col = new Float32Array(s.cols * s.patch).fill(Number.NaN);
    im2colF32(s, x, col);
    expect(col).toEqual(im2colOracle(s, x));
  });

  it("writes zeros for taps in the padding, including rows that are all padding", () => {
    const s = convShape(cases[1]![1]);
    const col = new Float32Array(s.cols * s.patch).fill(Number.NaN);
    im2colF32(s, new Float32Array(convSizes(s).input).fill(1), col);
    // 1×1 kernel at stride 2 with padding 2 on a 6×5 image: output rows 0 and 4 read padding only.
    expect(s.outH).toBe(5);
    expect(Array.from(col.subarray(0, s.outW * s.patch)).every((v) => v === 0)).toBe(true);
    expect(col.includes(1)).toBe(true);
  });

  it.each(cases)("rows [rowStart, rowEnd) equal those of the full matrix and nothing else is written: %s", (_, p) => {
    const s = convShape(p);
    const x = randomF32(convSizes(s).input, 2);
    const full = new Float32Array(s.cols * s.patch);
    im2colF32(s, x, full);
    const third = Math.floor(s.cols / 3);
    const bands: [number, number][] = [
      [0, 0],
      [0, 1],
      [s.cols - 1, s.cols],
      [third, s.cols - third],
      [1, Math.min(s.cols, s.outW + 1)],
      [s.cols, s.cols],
    ];
    for (const [start, end] of bands) {
      const sentinel = 12345;
      const part = new Float32Array(s.cols * s.patch).fill(sentinel);
      im2colF32(s, x, part, start, end);
      const written = part.subarray(start * s.patch, end * s.patch);
      expect(written).toEqual(full.subarray(start * s.patch, end * s.patch));
      expect(part.subarray(0, start * s.patch).every((v) => v === sentinel)).toBe(true);
      expect(part.subarray(end * s.patch).every((v) => v === sentinel)).toBe(true);
    }
    // Bands that tile the matrix, as threads would, rebuild it exactly.
    const tiled = new Float32Array(s.cols * s.patch).fill(Number.NaN);
    for (let start = 0; start < s.cols; start += 5) im2colF32(s, x, tiled, start, Math.min(s.cols, start + 5));
    expect(tiled).toEqual(full);
  });
});

describe("col2imF32", () => {
  it.each(cases)("equals the scatter-add definition and zeroes dx first: %s", (_, p) => {
    const s = convShape(p);
    const col = randomF32(s.cols * s.patch, 3);
    const dx = new Float32Array(convSizes(s).input).fill(Number.NaN);
    col2imF32(s, col, dx);
    const want = col2imOracle(s, col);
    // Each dx element sums at most kH·kW entries of col in f32: |error| ≤ 2·kH·kW·u·Σ|terms|.
    const mag = col2imOracle(s, col.map(Math.abs));
    const depth = s.kernelH * s.kernelW;
    for (let i = 0; i < dx.length; i++) {
      expect(Math.abs(dx[i]! - want[i]!)).toBeLessThanOrEqual(2 * depth * U * mag[i]!);
    }
  });

  it.each(cases)("is the adjoint of im2col, ⟨im2col(x), y⟩ = ⟨x, col2im(y)⟩: %s", (_, p) => {
    const s = convShape(p);
    for (const seed of [4, 5, 6]) {
      const x = randomF32(convSizes(s).input, seed);
      const y = randomF32(s.cols * s.patch, seed + 100);
      const col = new Float32Array(s.cols * s.patch);
      im2colF32(s, x, col);
      const dx = new Float32Array(x.length);
      col2imF32(s, y, dx);
      const lhs = dot64(col, y);
      const rhs = dot64(x, dx);
      // im2col is an exact copy; col2im rounds each dx element after each of at most kH·kW adds,
      // so |lhs − rhs| ≤ (kH·kW)·u·Σ|im2col(x)|·|y|; we allow twice that plus f64 noise.
      const tol = 2 * s.kernelH * s.kernelW * U * dot64(col.map(Math.abs), y.map(Math.abs)) + 1e-12;
      expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(tol);
    }
  });
});

describe("argument validation", () => {
  const s = convShape(cases[2]![1]);
  const x = new Float32Array(convSizes(s).input);
  const col = new Float32Array(s.cols * s.patch);

  it("names a wrong-length array", () => {
    expect(() => im2colF32(s, x.subarray(1), col)).toThrow(/invalid x: length/);
    expect(() => im2colF32(s, x, col.subarray(1))).toThrow(/invalid col: length/);
    expect(() => col2imF32(s, col.subarray(1), x)).toThrow(/invalid col: length/);
    expect(() => col2imF32(s, col, new Float32Array(x.length + 1))).toThrow(/invalid dx: length/);
    expect(() => im2colF32(s, x, col.subarray(1))).toThrow(RangeError);
  });

  it("names a bad row range", () => {
    expect(() => im2colF32(s, x, col, -1)).toThrow(/invalid rowStart: -1/);
    expect(() => im2colF32(s, x, col, 1.5)).toThrow(/invalid rowStart: 1.5/);
    expect(() => im2colF32(s, x, col, s.cols + 1, s.cols + 1)).toThrow(/invalid rowStart/);
    expect(() => im2colF32(s, x, col, 3, 2)).toThrow(/invalid rowEnd: 2/);
    expect(() => im2colF32(s, x, col, 0, s.cols + 1)).toThrow(/invalid rowEnd/);
    expect(() => im2colF32(s, x, col, 0, Number.NaN)).toThrow(RangeError);
  });
});
