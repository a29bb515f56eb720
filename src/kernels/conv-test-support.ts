import { expect } from "vitest";
import { convShape, type ConvParams } from "./conv-shape.ts";
import { conv2dF32DirectRef } from "./conv2d-f32-direct-ref.ts";
import { U } from "./conv-test-cases.ts";

/**
 * The GEMM sums C·kH·kW products in f32, the bias adds one more rounding, and the reference rounds
 * its f64 sum once: |got − ref| ≤ (C·kH·kW + 2)·u·(Σ|x||w| + |b|) per output. We allow twice that.
 * Σ|x||w| + |b| is the reference convolution of |x|, |w|, |b|.
 */
export function expectWithinConvBound(p: ConvParams, x: Float32Array, w: Float32Array, b: Float32Array, got: Float32Array) {
  const s = convShape(p);
  const want = new Float32Array(got.length);
  conv2dF32DirectRef(p, x, w, b, want);
  const mag = new Float32Array(got.length);
  conv2dF32DirectRef(p, x.map(Math.abs), w.map(Math.abs), b.map(Math.abs), mag);
  const depth = s.patch + 1;
  for (let i = 0; i < got.length; i++) {
    const tol = 2 * (depth + 1) * U * mag[i]!;
    const err = Math.abs(got[i]! - want[i]!);
    if (!(err <= tol)) expect.fail(`out[${i}]: got ${got[i]}, want ${want[i]}, |error| ${err} > ${tol}`);
  }
}
