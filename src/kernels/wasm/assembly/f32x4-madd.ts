// The one place the two builds differ. `ASC_FEATURE_RELAXED_SIMD` is a compile-time constant, so the
// untaken branch is never compiled: the relaxed build gets `f32x4.relaxed_madd` (one FMA on x86 with
// FMA3 and on ARM), the plain-SIMD build gets a multiply and an add, and no kernel is written twice.

/** a·b + c, lane-wise on f32x4: fused (one rounding) where relaxed SIMD allows it, else mul+add. */
// @ts-ignore: decorator
@inline export function f32x4_madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) {
    return f32x4.relaxed_madd(a, b, c);
  } else {
    return f32x4.add(f32x4.mul(a, b), c);
  }
}
