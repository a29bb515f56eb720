// maxpool2x2-relu-f32-wasmsimd: 2×2 max-pooling with stride 2, then ReLU, over `planes` planes of h × w
// floats (NCHW, planes = N·C); out is ⌊h/2⌋ × ⌊w/2⌋ per plane, an odd last row or column dropped.
// Pool then ReLU equals ReLU then pool (ReLU is monotone) on a quarter of the values. The same
// result as maxpool2x2F32 followed by max(·, 0) in src/kernels/maxpool2x2-f32.ts, bit for bit on
// NaN-free inputs: max is exact, and both pick max over the same four values.
//
// SIMD: four outputs per step from 8 floats of each of the two input rows: a vertical max of the
// rows, then the max of the even and odd lanes (two shuffles), then with 0. Pointers in bytes.

// Four outputs from the window rows r0, r1 starting at output column ox. pmax (b < a ? a : b, one
// instruction) instead of max (NaN- and ±0-aware, about eight on x64): on NaN-free inputs they
// differ only between −0 and +0, and the ReLU step, pmax(0, m), makes every m ≤ 0 exactly +0 as
// Math.max(m, 0) does, so the result keeps the reference's bits (a NaN gives 0 instead of NaN).
// @ts-ignore: decorator
@inline function pool4(r0: usize, r1: usize, ox: i32, zero: v128): v128 {
  const at = <usize>ox << 3; // 2·ox floats
  const lo = f32x4.pmax(v128.load(r0 + at), v128.load(r1 + at));
  const hi = f32x4.pmax(v128.load(r0 + at, 16), v128.load(r1 + at, 16));
  const even = v128.shuffle<f32>(lo, hi, 0, 2, 4, 6);
  const odd = v128.shuffle<f32>(lo, hi, 1, 3, 5, 7);
  return f32x4.pmax(zero, f32x4.pmax(even, odd));
}

/** out[p, oy, ox] = max(0, x[p, 2oy…2oy+1, 2ox…2ox+1]). Nothing happens unless planes ≥ 1 and h, w ≥ 2. */
export function maxpool2x2_relu_f32_wasmsimd(x: usize, out: usize, planes: i32, h: i32, w: i32): void {
  if (planes < 1 || h < 2 || w < 2) return;
  const oh = h >> 1;
  const ow = w >> 1;
  const rowBytes = <usize>w << 2;
  const zero = f32x4.splat(0);
  let o = out;
  for (let p = 0; p < planes; p++) {
    const plane = x + <usize>p * <usize>h * rowBytes;
    for (let oy = 0; oy < oh; oy++) {
      const r0 = plane + <usize>(2 * oy) * rowBytes;
      const r1 = r0 + rowBytes;
      let ox = 0;
      for (; ox + 4 <= ow; ox += 4) {
        v128.store(o, pool4(r0, r1, ox, zero));
        o += 16;
      }
      // A row whose width is not a multiple of 4 ends with one more step over its last four
      // outputs, overlapping the previous step's with the same values.
      if (ox < ow && ow >= 4) {
        v128.store(o - (<usize>(4 - (ow - ox)) << 2), pool4(r0, r1, ow - 4, zero));
        o += <usize>(ow - ox) << 2;
        ox = ow;
      }
      for (; ox < ow; ox++) {
        const at = <usize>ox << 3;
        const m = max(max(load<f32>(r0 + at), load<f32>(r0 + at, 4)), max(load<f32>(r1 + at), load<f32>(r1 + at, 4)));
        store<f32>(o, max(m, <f32>0));
        o += 4;
      }
    }
  }
}
