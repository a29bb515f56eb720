import { convShape, convSizes, type ConvParams } from "./conv-shape.ts";
import { conv2dF32DirectRef } from "./conv2d-f32-direct-ref.ts";
import { conv2dF32WinogradRef } from "./conv2d-f32-winograd-ref.ts";
import { U } from "./conv-test-cases.ts";
import { absoluteTransforms, type WinogradTransforms } from "./winograd-f32-transforms.ts";

// The forward-error bound of a Winograd convolution, shared by the reference's and the kernel's tests.
//
// Each output is an exact expression in x, w and b built from sums and products with constant
// coefficients. A float32 evaluation perturbs every term of it by a factor Π(1 + δᵢ), |δᵢ| ≤ u, one
// δ per rounding on that term's path, so with at most K roundings on any path (Higham, Accuracy and
// Stability, §3.1):
//   |computed − exact| ≤ γ_K · |Aᵀ| [Σ_c (|G||g_c||Gᵀ|) ⊙ (|Bᵀ||d_c||B|)] |A| + γ_K·|b|,  γ_K = K·u / (1 − K·u).
// That magnitude is the algorithm run in float64 on absolute values (absoluteTransforms). The
// direct method's magnitude is the convolution of |x| by |w|: Winograd's is larger by the growth of
// its transforms, and the error with it. On random data in [-1, 1] with 64 channels, the largest
// ratio over the outputs was 13–14 for F(2×2) and 570–630 for F(4×4).

/** γ_K: the relative error of K roundings compounded. */
export function gamma(k: number): number {
  return (k * U) / (1 - k * U);
}

/** The float64 direct convolution: the exact result to within float64 rounding (≈ 2⁻⁵³ relative). */
export function directF64(p: ConvParams, x: Float32Array, w: Float32Array, b: Float32Array): Float64Array {
  const out = new Float64Array(convSizes(convShape(p)).output);
  conv2dF32DirectRef(p, x, w, b, out);
  return out;
}

/** The bound γ_K · magnitude per output, for an evaluation with at most `roundings` roundings on any path. */
export function winogradErrorBound(
  p: ConvParams,
  x: Float32Array,
  w: Float32Array,
  b: Float32Array,
  t: WinogradTransforms,
  roundings: number,
): Float64Array {
  const magnitude = new Float64Array(convSizes(convShape(p)).output);
  conv2dF32WinogradRef(p, x.map(Math.abs), w.map(Math.abs), b.map(Math.abs), magnitude, absoluteTransforms(t));
  // The magnitudes are float64 sums of float64 products: their own error (≈ 2⁻⁵⁰ relative) is far
  // below the 10⁻⁶ margin.
  return magnitude.map((v) => gamma(roundings) * v * (1 + 1e-6));
}

/** Outputs whose error against `exact` exceeds `bound`, as messages (at most `limit`). */
export function outsideBound(got: ArrayLike<number>, exact: Float64Array, bound: Float64Array, limit = 5): string[] {
  const bad: string[] = [];
  for (let i = 0; i < got.length && bad.length < limit; i++) {
    const err = Math.abs(got[i]! - exact[i]!);
    if (!(err <= bound[i]!)) bad.push(`out[${i}] = ${got[i]}, exact ${exact[i]}, |error| ${err} > ${bound[i]}`);
  }
  return bad;
}

/** max |got − exact| / max |exact|: the normwise relative error the chapters quote. */
export function relativeError(got: ArrayLike<number>, exact: Float64Array): number {
  let err = 0;
  let size = 0;
  for (let i = 0; i < exact.length; i++) {
    err = Math.max(err, Math.abs(got[i]! - exact[i]!));
    size = Math.max(size, Math.abs(exact[i]!));
  }
  return err / size;
}
