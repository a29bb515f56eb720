import { checkPairwise, type PairwiseShape } from "./pairwise-shape.ts";

/**
 * Squared Euclidean distances between every a[i] and b[j], one accumulator per pair: the fused
 * loop that never stores a difference. Also the reference of the broadcast form.
 */
export function pairwiseSqdistF32FusedTs(s: PairwiseShape, a: Float32Array, b: Float32Array, out: Float32Array): void {
  checkPairwise(s, a, b, out);
  const { n, m, d } = s;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let acc = 0;
      for (let k = 0; k < d; k++) {
        const diff = a[i * d + k]! - b[j * d + k]!;
        acc += diff * diff;
      }
      out[i * m + j] = acc;
    }
  }
}
