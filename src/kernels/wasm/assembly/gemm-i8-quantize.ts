// The float ends of an int8 GEMM (src/kernels/quantize-i8.ts is their reference, bit for bit):
// quantize_f32_i8_rows_wasmsimd turns each row of an f32 matrix into i8 with its own scale (symmetric,
// per row: the largest |x| of the row maps to ±qmax), and dequantize_i32_f32_wasmsimd turns the i32
// products back into f32 with the row and column scales. Both are a few operations per element
// against the GEMM's k per element, so they only matter for small k; they run per row, so a
// thread that owns a band of rows quantizes, multiplies and dequantizes it alone.
// Pointers and strides in bytes unless said otherwise; sizes in elements.

/**
 * For each of the m rows of x (k f32, row stride ldx elements): scale = max|x| / qmax (1 for an
 * all-zero row), stored at scales[i] (f32); q[i][p] = round-half-even(x[i][p] · (qmax / max|x|)),
 * in -qmax..qmax, stored as i8 at q (row stride ldq bytes). qmax in 1..127. Non-finite inputs
 * are the caller's to avoid (the result is then unspecified, never out of bounds).
 */
export function quantize_f32_i8_rows_wasmsimd(m: i32, k: i32, x: usize, ldx: i32, q: usize, ldq: i32, scales: usize, qmax: i32): void {
  if (m <= 0 || k <= 0) return;
  const limit = <f32>qmax;
  const vectors = k & ~15;
  for (let i = 0; i < m; i++) {
    const row = x + (<usize>i * <usize>ldx << 2);
    const out = q + <usize>i * <usize>ldq;
    let peaks = f32x4.splat(0);
    let p = 0;
    for (; p + 4 <= k; p += 4) peaks = f32x4.max(peaks, f32x4.abs(v128.load(row + (<usize>p << 2))));
    let peak = max(max(f32x4.extract_lane(peaks, 0), f32x4.extract_lane(peaks, 1)), max(f32x4.extract_lane(peaks, 2), f32x4.extract_lane(peaks, 3)));
    for (; p < k; p++) peak = max(peak, abs(load<f32>(row + (<usize>p << 2))));
    const scale: f32 = peak > 0 ? peak / limit : 1;
    const inverse: f32 = peak > 0 ? limit / peak : 1;
    store<f32>(scales + (<usize>i << 2), scale);
    const inv = f32x4.splat(inverse);
    p = 0;
    for (; p < vectors; p += 16) {
      const at = row + (<usize>p << 2);
      const q0 = i32x4.trunc_sat_f32x4_s(f32x4.nearest(f32x4.mul(v128.load(at), inv)));
      const q1 = i32x4.trunc_sat_f32x4_s(f32x4.nearest(f32x4.mul(v128.load(at, 16), inv)));
      const q2 = i32x4.trunc_sat_f32x4_s(f32x4.nearest(f32x4.mul(v128.load(at, 32), inv)));
      const q3 = i32x4.trunc_sat_f32x4_s(f32x4.nearest(f32x4.mul(v128.load(at, 48), inv)));
      v128.store(out + p, i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(q0, q1), i16x8.narrow_i32x4_s(q2, q3)));
    }
    for (; p < k; p++) store<i8>(out + p, <i8><i32>nearest(load<f32>(row + (<usize>p << 2)) * inverse));
  }
}

/**
 * c[i][j] = f32(cq[i][j]) · (rowScales[i] · colScales[j]) for the m × n i32 matrix cq (row stride
 * ldcq elements) into the f32 matrix c (row stride ldc elements); the scales are f32 arrays.
 */
export function dequantize_i32_f32_wasmsimd(m: i32, n: i32, cq: usize, ldcq: i32, rowScales: usize, colScales: usize, c: usize, ldc: i32): void {
  if (m <= 0 || n <= 0) return;
  const vectors = n & ~3;
  for (let i = 0; i < m; i++) {
    const from = cq + (<usize>i * <usize>ldcq << 2);
    const to = c + (<usize>i * <usize>ldc << 2);
    const rowScale = load<f32>(rowScales + (<usize>i << 2));
    const rs = f32x4.splat(rowScale);
    let j = 0;
    for (; j < vectors; j += 4) {
      const at = <usize>j << 2;
      const scale = f32x4.mul(rs, v128.load(colScales + at));
      v128.store(to + at, f32x4.mul(f32x4.convert_i32x4_s(v128.load(from + at)), scale));
    }
    for (; j < n; j++) {
      const at = <usize>j << 2;
      store<f32>(to + at, <f32>load<i32>(from + at) * (rowScale * load<f32>(colScales + at)));
    }
  }
}
