/**
 * The k taps of a normalised 1D Gaussian with σ = k / 6, so the window spans about ±3σ and the
 * taps it leaves out are negligible. Their outer product is the k×k Gaussian: a separable filter.
 */
export function gaussianTapsF32(k: number): Float32Array {
  if (!Number.isInteger(k) || k < 1 || k % 2 === 0) throw new RangeError(`invalid k: ${k} (expected an odd integer ≥ 1)`);
  const sigma = k / 6;
  const r = (k - 1) / 2;
  const taps = Array.from({ length: k }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = taps.reduce((a, t) => a + t, 0);
  return Float32Array.from(taps, (t) => t / sum);
}
