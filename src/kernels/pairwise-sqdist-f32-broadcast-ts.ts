import { checkLength } from "./conv-shape.ts";
import { checkPairwise, type PairwiseShape } from "./pairwise-shape.ts";

/** The two (N, M, D) temporaries of the broadcast form. Allocate once, outside the timed region. */
export function pairwiseBroadcastScratch({ n, m, d }: PairwiseShape): { diff: Float32Array; squared: Float32Array } {
  return { diff: new Float32Array(n * m * d), squared: new Float32Array(n * m * d) };
}

/**
 * Squared distances the way numpy evaluates ((a[:, None, :] - b[None, :, :]) ** 2).sum(-1):
 * three whole-array passes, each a separate ufunc in numpy, two of which write an (N, M, D)
 * temporary that the next pass reads back. Same result as pairwiseSqdistF32FusedTs up to the float32
 * rounding of the stored temporaries; the real difference is the memory traffic.
 */
export function pairwiseSqdistF32BroadcastTs(
  s: PairwiseShape,
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  scratch: { diff: Float32Array; squared: Float32Array },
): void {
  checkPairwise(s, a, b, out);
  const { n, m, d } = s;
  const { diff, squared } = scratch;
  checkLength("diff", diff, n * m * d);
  checkLength("squared", squared, n * m * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      for (let k = 0; k < d; k++) diff[(i * m + j) * d + k] = a[i * d + k]! - b[j * d + k]!;
    }
  }
  for (let t = 0; t < squared.length; t++) squared[t] = diff[t]! * diff[t]!;
  for (let p = 0; p < n * m; p++) {
    let acc = 0;
    for (let k = 0; k < d; k++) acc += squared[p * d + k]!;
    out[p] = acc;
  }
}
