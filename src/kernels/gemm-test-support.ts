import { expect } from "vitest";
import { gemmF32IjkRef } from "./gemm-f32-ijk-ref.ts";
import type { GemmShape } from "./gemm-shape.ts";
import { randomF32 } from "./random.ts";

// What every GEMM test checks a result against: gemmF32IjkRef, within a bound that grows with K.

const U = 2 ** -24; // unit roundoff of f32

/**
 * Tolerance that grows with K: any order of summing K products, fused or not, is within
 * γ_K · Σ|a_ip·b_pj| of the exact dot product, γ_K = K·u / (1 − K·u) (Higham, Accuracy and
 * Stability of Numerical Algorithms, §3.1); the reference, exact to f64 then rounded to f32, adds
 * u·|c|. A missing or misplaced term is orders of magnitude above this.
 */
function gemmTolerance(s: GemmShape, a: Float32Array, b: Float32Array, ref: Float32Array): Float64Array {
  const { m, n, k } = s;
  const gamma = (k * U) / (1 - k * U);
  const tol = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += Math.abs(a[i * k + p]! * b[p * n + j]!);
      tol[i * n + j] = gamma * sum + U * Math.abs(ref[i * n + j]!) + 1e-30;
    }
  }
  return tol;
}

/** Fails unless every element of `got` (dense m×n) is within the tolerance of gemmF32IjkRef, naming the worst one. */
export function expectGemmWithinTolerance(s: GemmShape, a: Float32Array, b: Float32Array, got: Float32Array): void {
  const ref = new Float32Array(s.m * s.n);
  gemmF32IjkRef(s, a, b, ref);
  const tol = gemmTolerance(s, a, b, ref);
  let worst = -Infinity;
  let where = -1;
  for (let i = 0; i < s.m * s.n; i++) {
    const excess = Math.abs(got[i]! - ref[i]!) - tol[i]!;
    if (!(excess <= worst)) {
      worst = Number.isNaN(excess) ? Infinity : excess;
      where = i;
    }
  }
  const at = `C[${Math.floor(where / s.n)}][${where % s.n}] of ${s.m}×${s.n}×${s.k}`;
  expect(worst, `${at} = ${got[where]}, expected ${ref[where]} ± ${tol[where]}`).toBeLessThanOrEqual(0);
}

/**
 * Runs a TypeScript GEMM on random A and B of shape s (seeded by the shape) into a C full of NaN,
 * checks that it left A and B as they were, and returns all three.
 */
export function runGemmF32(
  gemm: (s: GemmShape, a: Float32Array, b: Float32Array, c: Float32Array) => void,
  s: GemmShape,
): { a: Float32Array; b: Float32Array; c: Float32Array } {
  const a = randomF32(s.m * s.k, s.m * 1000 + s.k);
  const b = randomF32(s.k * s.n, s.n * 1000 + s.k);
  const aCopy = a.slice();
  const bCopy = b.slice();
  const c = new Float32Array(s.m * s.n).fill(Number.NaN);
  gemm(s, a, b, c);
  expect(a, "A was modified").toEqual(aCopy);
  expect(b, "B was modified").toEqual(bCopy);
  return { a, b, c };
}
