// im2col and col2im of ONE image in the tap-major ("CHW") layout, Caffe's original one: the matrix
// has one row per tap (c, ky, kx) and one column per output pixel (oy, ox), so row q is the input
// plane c shifted by (ky, kx) and sampled at the stride. The convolution is then W (F × taps) ·
// col (taps × pixels), whose result is already the image's NCHW output, and with stride 1 every
// output row of a tap row is a contiguous run of the input row: copied (im2col) or added back
// (col2im) four floats per SIMD step instead of kw floats per pixel. Pointers in bytes.

// The output columns ox whose tap kx lands inside the input row: ix = ox·stride − pad + kx ∈ [0, w).
// @ts-ignore: decorator
@inline function insideFrom(kx: i32, stride: i32, pad: i32, outW: i32): i32 {
  const from = pad - kx;
  return from <= 0 ? 0 : min(outW, (from + stride - 1) / stride);
}
// @ts-ignore: decorator
@inline function insideTo(kx: i32, stride: i32, pad: i32, w: i32, outW: i32): i32 {
  const to = w + pad - kx; // ox·stride < to
  return to <= 0 ? 0 : min(outW, (to - 1) / stride + 1);
}

// @ts-ignore: decorator
@inline function zero_f32(dst: usize, count: i32): void {
  for (let i = 0; i < count; i++) store<f32>(dst + (<usize>i << 2), 0);
}

/** col (c·kh·kw × outH·outW) of the image x (c × h × w); outH, outW are the convolution's. */
// @ts-ignore: decorator
@inline export function im2col_f32_chw(
  x: usize, c: i32, h: i32, w: i32,
  kh: i32, kw: i32, stride: i32, pad: i32, outH: i32, outW: i32,
  col: usize,
): void {
  const planeBytes = <usize>(h * w) << 2;
  const rowBytes = <usize>w << 2;
  const outRowBytes = <usize>outW << 2;
  let dst = col;
  for (let ci = 0; ci < c; ci++) {
    const plane = x + <usize>ci * planeBytes;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const lo = insideFrom(kx, stride, pad, outW);
        const hi = max(lo, insideTo(kx, stride, pad, w, outW));
        for (let oy = 0; oy < outH; oy++) {
          const iy = oy * stride - pad + ky;
          if (<u32>iy >= <u32>h) {
            zero_f32(dst, outW);
          } else {
            zero_f32(dst, lo);
            // ix of column lo is ≥ 0; the row's base may wrap below it, never read there.
            const src = plane + <usize>iy * rowBytes + (<usize>(lo * stride - pad + kx) << 2);
            const d = dst + (<usize>lo << 2);
            const count = hi - lo;
            let i = 0;
            if (stride == 1) {
              for (; i + 4 <= count; i += 4) v128.store(d + (<usize>i << 2), v128.load(src + (<usize>i << 2)));
              for (; i < count; i++) store<f32>(d + (<usize>i << 2), load<f32>(src + (<usize>i << 2)));
            } else {
              for (; i < count; i++) store<f32>(d + (<usize>i << 2), load<f32>(src + (<usize>(i * stride) << 2)));
            }
            zero_f32(dst + (<usize>hi << 2), outW - hi);
          }
          dst += outRowBytes;
        }
      }
    }
  }
}

/**
 * The adjoint: dx (c × h × w) = 0, then every entry of col added back onto the input pixel it was
 * copied from (padding taps dropped), taps in row order, so the sums round the same on every call.
 */
// @ts-ignore: decorator
@inline export function col2im_f32_chw(
  col: usize, c: i32, h: i32, w: i32,
  kh: i32, kw: i32, stride: i32, pad: i32, outH: i32, outW: i32,
  dx: usize,
): void {
  const planeBytes = <usize>(h * w) << 2;
  const rowBytes = <usize>w << 2;
  const outRowBytes = <usize>outW << 2;
  memory.fill(dx, 0, <usize>c * planeBytes);
  let src = col;
  for (let ci = 0; ci < c; ci++) {
    const plane = dx + <usize>ci * planeBytes;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const lo = insideFrom(kx, stride, pad, outW);
        const hi = max(lo, insideTo(kx, stride, pad, w, outW));
        for (let oy = 0; oy < outH; oy++) {
          const iy = oy * stride - pad + ky;
          if (<u32>iy < <u32>h) {
            const d = plane + <usize>iy * rowBytes + (<usize>(lo * stride - pad + kx) << 2);
            const s = src + (<usize>lo << 2);
            const count = hi - lo;
            let i = 0;
            if (stride == 1) {
              for (; i + 4 <= count; i += 4) {
                const at = <usize>i << 2;
                v128.store(d + at, f32x4.add(v128.load(d + at), v128.load(s + at)));
              }
              for (; i < count; i++) {
                const at = <usize>i << 2;
                store<f32>(d + at, load<f32>(d + at) + load<f32>(s + at));
              }
            } else {
              for (; i < count; i++) {
                const at = <usize>(i * stride) << 2;
                store<f32>(d + at, load<f32>(d + at) + load<f32>(s + (<usize>i << 2)));
              }
            }
          }
          src += outRowBytes;
        }
      }
    }
  }
}
