// maxpool2x2-relu-backward-f32-wasmsimd: the gradient of out = max(0, 2×2 max-pool of x) (maxpool2x2-relu-f32-wasmsimd)
// over `planes` planes of h × w floats: each window's dout goes to the input that was its maximum
// (the first in row-major order on a tie) when that maximum is > 0, every other dx is 0, and so is
// an odd last row or column the pool dropped. The same bits as maxpool2x2ReluBackwardF32 in
// src/kernels/maxpool2x2-f32.ts: only comparisons and copies, in the same order.
//
// SIMD: four windows per step. The two input rows' 8 floats each are split into the windows'
// four corners (even and odd lanes), the first maximum is found by three compare-and-selects, and
// the masked dout is written to every corner of the window, zeros included, so dx needs no
// clearing pass. Pointers in bytes.

// The gradient of four windows: the rows r0, r1 (byte offsets in x and dx) from output column ox,
// their four dout values at d. Every dx value of the windows is written, so repeating a window
// writes the same bits again.
// @ts-ignore: decorator
@inline function windows4(x: usize, dx: usize, r0: usize, r1: usize, ox: i32, d: usize, zero: v128): void {
  const at = <usize>ox << 3; // 2·ox floats
  const top0 = v128.load(x + r0 + at);
  const top1 = v128.load(x + r0 + at, 16);
  const bottom0 = v128.load(x + r1 + at);
  const bottom1 = v128.load(x + r1 + at, 16);
  const a = v128.shuffle<f32>(top0, top1, 0, 2, 4, 6);
  const b = v128.shuffle<f32>(top0, top1, 1, 3, 5, 7);
  const c = v128.shuffle<f32>(bottom0, bottom1, 0, 2, 4, 6);
  const e = v128.shuffle<f32>(bottom0, bottom1, 1, 3, 5, 7);
  // The first maximum: a later corner wins only when strictly greater.
  const isB = f32x4.gt(b, a);
  let best = v128.bitselect(b, a, isB);
  const isC = f32x4.gt(c, best);
  best = v128.bitselect(c, best, isC);
  const isE = f32x4.gt(e, best);
  best = v128.bitselect(e, best, isE);
  const g = v128.and(v128.load(d), f32x4.gt(best, zero));
  const gE = v128.and(g, isE);
  const gC = v128.andnot(v128.and(g, isC), isE);
  const gB = v128.andnot(v128.andnot(v128.and(g, isB), isC), isE);
  const gA = v128.andnot(v128.andnot(v128.andnot(g, isB), isC), isE);
  v128.store(dx + r0 + at, v128.shuffle<f32>(gA, gB, 0, 4, 1, 5));
  v128.store(dx + r0 + at, v128.shuffle<f32>(gA, gB, 2, 6, 3, 7), 16);
  v128.store(dx + r1 + at, v128.shuffle<f32>(gC, gE, 0, 4, 1, 5));
  v128.store(dx + r1 + at, v128.shuffle<f32>(gC, gE, 2, 6, 3, 7), 16);
}

/** dx = ∂(max(0, maxpool2x2(x)))/∂x · dout. Nothing happens unless planes ≥ 1 and h, w ≥ 2. */
export function maxpool2x2_relu_backward_f32_wasmsimd(x: usize, dout: usize, dx: usize, planes: i32, h: i32, w: i32): void {
  if (planes < 1 || h < 2 || w < 2) return;
  const oh = h >> 1;
  const ow = w >> 1;
  const rowBytes = <usize>w << 2;
  const zero = f32x4.splat(0);
  let d = dout;
  for (let p = 0; p < planes; p++) {
    const plane = <usize>p * <usize>h * rowBytes;
    for (let oy = 0; oy < oh; oy++) {
      const r0 = plane + <usize>(2 * oy) * rowBytes;
      const r1 = r0 + rowBytes;
      let ox = 0;
      for (; ox + 4 <= ow; ox += 4) {
        windows4(x, dx, r0, r1, ox, d, zero);
        d += 16;
      }
      // A row whose width is not a multiple of 4 ends with one more step over its last four
      // windows, repeating some of the previous step's.
      if (ox < ow && ow >= 4) {
        const back = <usize>(4 - (ow - ox)) << 2;
        windows4(x, dx, r0, r1, ow - 4, d - back, zero);
        d += <usize>(ow - ox) << 2;
        ox = ow;
      }
      for (; ox < ow; ox++) {
        const i = r0 + (<usize>ox << 3);
        store<u64>(dx + i, 0);
        store<u64>(dx + i + rowBytes, 0);
        let to = i;
        if (load<f32>(x + i + 4) > load<f32>(x + to)) to = i + 4;
        if (load<f32>(x + i + rowBytes) > load<f32>(x + to)) to = i + rowBytes;
        if (load<f32>(x + i + rowBytes + 4) > load<f32>(x + to)) to = i + rowBytes + 4;
        const g = load<f32>(d);
        if (load<f32>(x + to) > 0) store<f32>(dx + to, g);
        d += 4;
      }
      // An odd last column: outside every window.
      if (w & 1) {
        store<f32>(dx + r0 + rowBytes - 4, 0);
        store<f32>(dx + r1 + rowBytes - 4, 0);
      }
    }
    // An odd last row: outside every window.
    if (h & 1) {
      const last = dx + plane + <usize>(h - 1) * rowBytes;
      for (let q: usize = 0; q < rowBytes; q += 4) store<f32>(last + q, 0);
    }
  }
}
