/**
 * The dot product Σ a[i]·b[i] of two float32 vectors, and models of the two WebAssembly kernels
 * (wasm/assembly/dot.ts) that round exactly as they do, so the float32-vs-float64 page can show
 * each one's error against the exact value.
 */

/** Elements one step of the kernels covers: four accumulators of four float32 or two float64 lanes. */
const F32_STEP = 16;
const F64_STEP = 8;

function checkPair(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`invalid b: ${b.length} elements (a has ${a.length})`);
}

/**
 * Σ a[i]·b[i] to within one rounding of the exact value: each product of two float32 is exact in
 * float64, and Neumaier's compensated sum carries the rounding error of every addition.
 */
export function dotExact(a: Float32Array, b: Float32Array): number {
  checkPair(a, b);
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]! * b[i]!;
    const t = sum + p;
    carry += Math.abs(sum) >= Math.abs(p) ? sum - t + p : p - t + sum;
    sum = t;
  }
  return sum + carry;
}

/**
 * The kernels' order of operations with every result rounded by `round`: element i of a full step
 * goes to partial sum i mod `step` (accumulator and lane); the partial sums are added pairwise in
 * lanes as the kernel adds its vectors, then its lanes left to right, then the tail one at a time.
 * `rounded` sees every rounded result, in order.
 */
function dotInKernelOrder(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  step: number,
  round: (x: number) => number,
  rounded: (x: number) => void = () => {},
): number {
  checkPair(a, b);
  const op = (x: number) => {
    const r = round(x);
    rounded(r);
    return r;
  };
  const lanes = step / 4; // four accumulators of `lanes` lanes
  const partial = new Array<number>(step).fill(0);
  const full = a.length - (a.length % step);
  for (let i = 0; i < full; i++) partial[i % step] = op(partial[i % step]! + op(a[i]! * b[i]!));
  // (s0 + s1) + (s2 + s3), lane by lane.
  const lane = (l: number) => op(op(partial[l]! + partial[lanes + l]!) + op(partial[2 * lanes + l]! + partial[3 * lanes + l]!));
  let sum = lane(0);
  for (let l = 1; l < lanes; l++) sum = op(sum + lane(l));
  for (let i = full; i < a.length; i++) sum = op(sum + op(a[i]! * b[i]!));
  return sum;
}

/**
 * What dot_f32_wasmsimd returns, bit for bit: float32 rounding after every operation. JavaScript computes in
 * float64, and rounding a float64 sum or product of two float32 to float32 gives the correctly
 * rounded float32 result (float64 has more than twice float32's precision).
 */
export function dotF32Model(a: Float32Array, b: Float32Array): number {
  return dotInKernelOrder(a, b, F32_STEP, Math.fround);
}

/** What dot_f64_wasmsimd returns on the same values widened to float64, bit for bit. */
export function dotF64Model(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return dotInKernelOrder(a, b, F64_STEP, (x) => x);
}

/**
 * A bound on |dot_f32_wasmsimd − exact| for these inputs (a running error bound, Higham §3.3): rounding to
 * nearest moves each result r by at most 2⁻²⁴·|r|, and the kernel's result is the exact sum plus
 * every one of those moves, so their sum over the kernel's products and additions bounds it.
 */
export function dotF32ErrorBound(a: Float32Array, b: Float32Array): number {
  let magnitude = 0;
  dotInKernelOrder(a, b, F32_STEP, Math.fround, (r) => {
    magnitude += Math.abs(r);
  });
  return 2 ** -24 * magnitude;
}
