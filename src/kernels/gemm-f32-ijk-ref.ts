import { checkGemm, type GemmShape } from "./gemm-shape.ts";

/** C = A·B by the textbook triple loop (i, j, k), accumulating in f64: the GEMM reference. */
export function gemmF32IjkRef(s: GemmShape, a: Float32Array, b: Float32Array, c: Float32Array): void {
  checkGemm(s, a, b, c);
  for (let i = 0; i < s.m; i++) {
    for (let j = 0; j < s.n; j++) {
      let acc = 0;
      for (let p = 0; p < s.k; p++) acc += a[i * s.k + p]! * b[p * s.n + j]!;
      c[i * s.n + j] = acc;
    }
  }
}
