import { checkLength } from "./conv-shape.ts";

/** N points a (N, D) against M points b (M, D), row-major, giving an (N, M) table. */
export type PairwiseShape = {
  n: number;
  m: number;
  d: number;
};

/** Validates the sizes and the arrays of a pairwise kernel; throws a RangeError naming the bad one. */
export function checkPairwise(s: PairwiseShape, a: Float32Array, b: Float32Array, out: Float32Array): void {
  for (const name of ["n", "m", "d"] as const) {
    if (!Number.isInteger(s[name]) || s[name] < 1) throw new RangeError(`invalid ${name}: ${s[name]} (expected an integer ≥ 1)`);
  }
  checkLength("a", a, s.n * s.d);
  checkLength("b", b, s.m * s.d);
  checkLength("out", out, s.n * s.m);
}
