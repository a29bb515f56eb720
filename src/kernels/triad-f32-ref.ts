/**
 * The STREAM triad a[i] = b[i] + scalar·c[i] as a plain typed-array loop: the reference the SIMD
 * kernel is checked against, and the JavaScript baseline it races.
 */
export function triadF32Ref(a: Float32Array, b: Float32Array, c: Float32Array, scalar: number, start = 0, end = a.length): void {
  if (!Number.isInteger(end) || end > Math.min(a.length, b.length, c.length)) {
    throw new RangeError(`invalid end: ${end} (a, b and c hold ${a.length}, ${b.length} and ${c.length} floats)`);
  }
  if (!Number.isInteger(start) || start < 0 || start > end)
    throw new RangeError(`invalid start: ${start} (expected an integer in 0..${end})`);
  for (let i = start; i < end; i++) a[i] = b[i]! + scalar * c[i]!;
}

/**
 * Largest |kernel − reference| for a triad on inputs in [-1, 1]: |a| ≤ 1 + |scalar|, the kernel
 * rounds at most twice to float32 (mul, add; once with FMA) and the reference once (its f64 sum
 * is exact to 2⁻⁵³), each by at most 2⁻²⁴ relative: 4·2⁻²⁴·(1 + |scalar|) covers all three.
 */
export function triadF32Tolerance(scalar: number): number {
  return 4 * 2 ** -24 * (1 + Math.abs(scalar));
}
