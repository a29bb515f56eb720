// dot-f32-wasmsimd / dot-f64-wasmsimd: the dot product Σ a[i]·b[i] of two vectors, in float32 with f32x4 and in float64
// with f64x2, written the same way so that the only difference is the element type: four vector
// accumulators (independent add chains, so the adds overlap), a separate multiply and add in every
// build (no FMA, which would round differently between builds), the lanes summed in a fixed order,
// and the elements after the last full step added one at a time.
//
// A 128-bit vector holds four float32 or two float64: one step covers 16 float32 or 8 float64, so
// in cache the float32 loop does twice the work per instruction, and from memory it moves half the
// bytes per element. Pointers in bytes.

/** Σ a[i]·b[i] for i in [0, n), float32 throughout. */
export function dot_f32_wasmsimd(a: usize, b: usize, n: i32): f32 {
  let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
  const stop = <usize>n << 2;
  let offset: usize = 0;
  for (; offset + 64 <= stop; offset += 64) {
    const pa = a + offset, pb = b + offset;
    s0 = f32x4.add(s0, f32x4.mul(v128.load(pa), v128.load(pb)));
    s1 = f32x4.add(s1, f32x4.mul(v128.load(pa, 16), v128.load(pb, 16)));
    s2 = f32x4.add(s2, f32x4.mul(v128.load(pa, 32), v128.load(pb, 32)));
    s3 = f32x4.add(s3, f32x4.mul(v128.load(pa, 48), v128.load(pb, 48)));
  }
  const s = f32x4.add(f32x4.add(s0, s1), f32x4.add(s2, s3));
  let sum = f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1) + f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3);
  for (; offset < stop; offset += 4) sum += load<f32>(a + offset) * load<f32>(b + offset);
  return sum;
}

/** Σ a[i]·b[i] for i in [0, n), float64 throughout. */
export function dot_f64_wasmsimd(a: usize, b: usize, n: i32): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
  const stop = <usize>n << 3;
  let offset: usize = 0;
  for (; offset + 64 <= stop; offset += 64) {
    const pa = a + offset, pb = b + offset;
    s0 = f64x2.add(s0, f64x2.mul(v128.load(pa), v128.load(pb)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(pa, 16), v128.load(pb, 16)));
    s2 = f64x2.add(s2, f64x2.mul(v128.load(pa, 32), v128.load(pb, 32)));
    s3 = f64x2.add(s3, f64x2.mul(v128.load(pa, 48), v128.load(pb, 48)));
  }
  const s = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  let sum = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; offset < stop; offset += 8) sum += load<f64>(a + offset) * load<f64>(b + offset);
  return sum;
}
