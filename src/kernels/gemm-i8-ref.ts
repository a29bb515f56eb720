import { checkGemmI8 } from "./gemm-i8-shape.ts";
import type { GemmShape } from "./gemm-shape.ts";
import { dequantizeI32, QMAX_A, QMAX_B, quantizeColumnsI8, quantizeRowsI8 } from "./quantize-i8.ts";

/**
 * C (m×n, int32) = A (m×k, int8) · B (k×n, int8), row-major and dense: the obviously correct triple
 * loop every int8 GEMM kernel is checked against, exactly. Each product is at most 2¹⁴ in
 * magnitude and checkGemmI8 bounds k, so the float64 sums of JavaScript numbers are exact
 * integers and `| 0` never wraps.
 */
export function gemmI8Ref(s: GemmShape, a: Int8Array, b: Int8Array, c: Int32Array): void {
  checkGemmI8(s, a, b, c);
  const { m, n, k } = s;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[i * k + p]! * b[p * n + j]!;
      c[i * n + j] = sum | 0;
    }
  }
}

/**
 * C ≈ A·B for float32 A and B the int8 way: A quantized per row (qmax 127), B per column (qmax 63),
 * the int8 product with int32 sums, dequantized. What every int8 GEMM pipeline must give exactly.
 */
export function gemmF32ViaI8Ref(s: GemmShape, a: Float32Array, b: Float32Array): Float32Array {
  const qa = quantizeRowsI8(s.m, s.k, a, QMAX_A);
  const qb = quantizeColumnsI8(s.k, s.n, b, QMAX_B);
  const cq = new Int32Array(s.m * s.n);
  gemmI8Ref(s, qa.q, qb.q, cq);
  return dequantizeI32(s.m, s.n, cq, qa.scales, qb.scales);
}
