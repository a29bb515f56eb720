import { checkGemm, type GemmShape } from "./gemm-shape.ts";

/**
 * C = A·B (row-major, dense; see GemmShape) by the reference's triple loop with its two inner loops
 * swapped: i, then k, then j. The innermost loop adds a[i][p] · B[p][:] into a row of sums, so it
 * runs along a row of B, contiguous: every 64-byte cache line it loads serves 16 consecutive steps.
 * The i-j-k order of gemmF32IjkRef walks down a column of B instead, n floats apart, using 4 bytes of
 * each line it loads; once B outgrows the cache, each of those steps is a miss.
 *
 * The sums are the reference's, term for term: each C[i][j] adds the same float64 products in the
 * same order of p, in a float64 row, and is rounded to float32 once. So the result is bit-identical
 * to gemmF32IjkRef — only the order of memory accesses changed — which also makes this the fast way
 * to compute a benchmark's reference. `row` (n float64s) is the scratch for one row of sums; pass
 * one to keep the call free of allocation.
 */
export function gemmF32IkjTs(
  s: GemmShape,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  row: Float64Array = new Float64Array(s.n),
): void {
  checkGemm(s, a, b, c);
  const { m, n, k } = s;
  if (row.length < n) throw new RangeError(`invalid row: length ${row.length}, expected at least n = ${n}`);
  for (let i = 0; i < m; i++) {
    row.fill(0, 0, n);
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p]!;
      const bp = p * n;
      for (let j = 0; j < n; j++) row[j] = row[j]! + aip * b[bp + j]!;
    }
    const ci = i * n;
    for (let j = 0; j < n; j++) c[ci + j] = row[j]!;
  }
}
