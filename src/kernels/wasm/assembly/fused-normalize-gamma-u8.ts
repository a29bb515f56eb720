// fused-normalize-gamma-u8-wasmsimd: a linear float32 image to 8-bit pixels in one pass (the chain of
// python/everycore/fusion.py and src/kernels/fused-normalize-gamma-u8-ts.ts):
//   y = (x − black)·scale;  y = sqrt(max(y, 0));  y = min(y, 1);  out = trunc(y·255 + 0.5)
// Every step rounds to float32 as numpy's does: a separate multiply and add (never a fused
// multiply-add, which would round once and could change a byte), and sqrt is correctly rounded
// everywhere, so the bytes equal numpy's and the TypeScript loop's exactly.
//
// The two clamps cost nothing here: the conversions saturate. Below black, sqrt of a negative is
// NaN and the saturating float→int conversion turns NaN into 0, the byte max(y, 0) gives; above
// white, y·255 + 0.5 ≥ 255.5 and the saturating narrow to u8 gives 255, the byte min(y, 1) gives.
// In between the operations are the chain's own. (WebAssembly's f32x4.min/max must order NaN and
// ±0 exactly, which costs several x86 instructions each: dropping them halves the time.)
//
// 16 pixels per step: four f32x4 go through the chain, two saturating narrows pack the sixteen
// integers into one u8x16 store. The pixels before `end` that do not fill a step take the same
// chain one at a time.

// @ts-ignore: decorator
@inline function chain4(x: v128, black: v128, scale: v128): v128 {
  const y = f32x4.sqrt(f32x4.mul(f32x4.sub(x, black), scale));
  return i32x4.trunc_sat_f32x4_s(f32x4.add(f32x4.mul(y, f32x4.splat(255)), f32x4.splat(0.5)));
}

/** Sixteen lanes of int32 (four vectors) to sixteen saturated bytes. */
// @ts-ignore: decorator
@inline function pack16(a: v128, b: v128, c: v128, d: v128): v128 {
  return i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(a, b), i16x8.narrow_i32x4_s(c, d));
}

/** dst[i] = chain(src[i]) for i in [start, end): src in float32 (byte offset), dst in bytes. */
export function fused_normalize_gamma_u8_wasmsimd(src: usize, dst: usize, black: f32, scale: f32, start: i32, end: i32): void {
  if (start < 0 || end <= start) return;
  const b = f32x4.splat(black), s = f32x4.splat(scale);
  let i = <usize>start;
  const stop = <usize>end;
  for (; i + 16 <= stop; i += 16) {
    const p = src + (i << 2);
    v128.store(dst + i, pack16(chain4(v128.load(p), b, s), chain4(v128.load(p, 16), b, s), chain4(v128.load(p, 32), b, s), chain4(v128.load(p, 48), b, s)));
  }
  for (; i < stop; i++) {
    const v = chain4(v128.load32_zero(src + (i << 2)), b, s);
    v128.store8_lane(dst + i, pack16(v, v, v, v), 0);
  }
}

// The same chain the way numpy runs it (normalize-gamma-u8-passes-wasmsimd): one compiled SIMD
// loop per operation, each over the whole image, with float32 temporaries in between. numpy's
// ufuncs are such loops; what this costs against the fused loop is the memory traffic alone.

const SUB = 0, MUL = 1, ADD = 2, MAX = 3, SQRT = 4, MIN = 5;

/** to[i] = op(from[i]) (with operand c) for i in [0, n), four at a time; op is a constant. */
// @ts-ignore: decorator
@inline function pass(op: i32, from: usize, to: usize, c: f32, n: usize): void {
  const k = f32x4.splat(c);
  let i: usize = 0;
  // The last step may run up to three floats past n: the wrapper makes every operand hold n
  // rounded up to a multiple of 4, so no tail loop is needed.
  for (; i < n; i += 4) {
    const x = v128.load(from + (i << 2));
    let y: v128;
    if (op == SUB) y = f32x4.sub(x, k);
    else if (op == MUL) y = f32x4.mul(x, k);
    else if (op == ADD) y = f32x4.add(x, k);
    else if (op == MAX) y = f32x4.max(x, k);
    else if (op == SQRT) y = f32x4.sqrt(x);
    else y = f32x4.min(x, k);
    v128.store(to + (i << 2), y);
  }
}

/**
 * The chain in eight whole-image passes, as numpy's expression runs: `(img - black) * scale`,
 * `np.maximum`, `np.sqrt`, `np.minimum`, `* 255`, `+ 0.5` in float32 temporaries a and b, then
 * `.astype(np.uint8)` into dst. Same float32 operations as the fused loop: the same bytes.
 */
export function normalize_gamma_u8_passes_wasmsimd(src: usize, a: usize, b: usize, dst: usize, black: f32, scale: f32, n: i32): void {
  if (n <= 0) return;
  const count = <usize>n;
  pass(SUB, src, a, black, count);
  pass(MUL, a, b, scale, count);
  pass(MAX, b, a, 0, count);
  pass(SQRT, a, b, 0, count);
  pass(MIN, b, a, 1, count);
  pass(MUL, a, b, 255, count);
  pass(ADD, b, a, 0.5, count);
  let i: usize = 0;
  for (; i + 4 <= count; i += 4) {
    const v = i32x4.trunc_sat_f32x4_s(v128.load(a + (i << 2)));
    v128.store32_lane(dst + i, pack16(v, v, v, v), 0);
  }
  for (; i < count; i++) store<u8>(dst + i, <u8>load<f32>(a + (i << 2)));
}
