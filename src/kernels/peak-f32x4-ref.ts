/**
 * What the compute-peak probes (wasm/assembly/peak-f32x4.ts) return, computed in plain JavaScript
 * with Math.fround: every lane of every chain runs acc ← acc·1 + 1 in float32, and the probe sums
 * the lanes in a fixed pairwise order. The products are exact, so FMA and mul+add agree.
 */

/** Independent f32x4 accumulator chains the probes advance per iteration. */
export const PEAK_F32X4_CHAINS = 14;
/** Floats the probes accumulate in: chains × 4 lanes. */
export const PEAK_F32X4_LANES = PEAK_F32X4_CHAINS * 4;
/** Floating-point operations of one iteration: a multiply and an add per lane. */
export const PEAK_F32X4_FLOPS_PER_ITERATION = PEAK_F32X4_LANES * 2;
/**
 * Most iterations for which a probe returns exactly LANES · iterations: the chains' pairwise sum
 * reaches 14·n, exact in float32 while 7·n ≤ 2²⁴. Past it the result is still what
 * peakF32x4Ref says, but no longer a plain count.
 */
export const PEAK_F32X4_EXACT_ITERATIONS = Math.floor(2 ** 24 / 7);

const f = Math.fround;

/** One lane after `iterations` steps of acc ← acc·1 + 1 in float32, simulated step by step. */
export function peakLaneRef(iterations: number): number {
  let acc = 0;
  for (let i = 0; i < iterations; i++) acc = f(f(acc * 1) + 1);
  return acc;
}

/** The probes' return value for `iterations`: every lane equal, summed in the kernel's order. */
export function peakF32x4Ref(iterations: number): number {
  const v = peakLaneRef(iterations);
  const add = (x: number, y: number) => f(x + y);
  // Per lane: chains 0–7 in a balanced tree, 8–13 as (8+9 + 10+11) + (12+13), then the two halves.
  const s8 = add(add(add(v, v), add(v, v)), add(add(v, v), add(v, v)));
  const s6 = add(add(add(v, v), add(v, v)), add(v, v));
  const s = add(s8, s6);
  return add(add(s, s), add(s, s));
}
