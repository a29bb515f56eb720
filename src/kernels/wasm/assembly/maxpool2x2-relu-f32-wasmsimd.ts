// maxpool2x2-relu-f32-wasmsimd: 2×2 max-pooling with stride 2, then ReLU, over `planes` planes of h × w
// floats (NCHW, planes = N·C); out is ⌊h/2⌋ × ⌊w/2⌋ per plane, an odd last row or column dropped.
// Pool then ReLU equals ReLU then pool (ReLU is monotone) on a quarter of the values. The same
// result as maxpool2x2F32 followed by max(·, 0) in src/kernels/maxpool2x2-f32.ts, bit for bit: max
// is exact, and both pick max over the same four values.
//
// SIMD: four outputs per step from 8 floats of each of the two input rows: a vertical max of the
// rows, then the max of the even and odd lanes (two shuffles), then with 0. Pointers in bytes.

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
        const at = <usize>ox << 3; // 2·ox floats
        const lo = f32x4.max(v128.load(r0 + at), v128.load(r1 + at));
        const hi = f32x4.max(v128.load(r0 + at, 16), v128.load(r1 + at, 16));
        const even = v128.shuffle<f32>(lo, hi, 0, 2, 4, 6);
        const odd = v128.shuffle<f32>(lo, hi, 1, 3, 5, 7);
        v128.store(o, f32x4.max(f32x4.max(even, odd), zero));
        o += 16;
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
