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

// "Same" geometry: stride 1, output as large as the input, and padding under half the width.
// Then tap (dy, dx) = (ky − pad, kx − pad) maps pixel f = oy·w + ox of the output to f + dy·w + dx
// of the input plane, one constant offset, so the rows strictly between a tap row's first and last
// valid row are ONE contiguous run, copied as a block, whose only wrong entries are the |dx|
// columns per row that wrapped around from the neighbouring row: set to 0 afterwards. The first
// and last valid rows go one at a time, so the block reads nothing outside the plane. (col2im
// measured no faster with the same block, nor with a kernel row's taps summed in registers before
// one add to dx: its time is not the row overhead or the read-add-writes of dx.)
// @ts-ignore: decorator
@inline function same_geometry(h: i32, w: i32, stride: i32, pad: i32, outH: i32, outW: i32): bool {
  return stride == 1 && outH == h && outW == w && 2 * pad < w;
}

// Zeroes the columns a block of rows [oyFrom, oyTo) wrapped around for a tap shifted by dx.
// @ts-ignore: decorator
@inline function zero_wrapped(col: usize, w: i32, oyFrom: i32, oyTo: i32, dx: i32): void {
  const first = dx < 0 ? 0 : w - dx;
  const count = dx < 0 ? -dx : dx;
  for (let oy = oyFrom; oy < oyTo; oy++) zero_f32(col + (<usize>(oy * w + first) << 2), count);
}

// One output row of a tap row of col: zeros, the inside columns [lo, hi) from the input row iy
// (inside the image), zeros.
// @ts-ignore: decorator
@inline function im2col_segment(
  dst: usize, plane: usize, iy: i32, w: i32, kx: i32, stride: i32, pad: i32, outW: i32, lo: i32, hi: i32,
): void {
  zero_f32(dst, lo);
  // ix of column lo is ≥ 0; the row's base may wrap below it, never read there.
  const src = plane + <usize>iy * (<usize>w << 2) + (<usize>(lo * stride - pad + kx) << 2);
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

/** col (c·kh·kw × outH·outW) of the image x (c × h × w); outH, outW are the convolution's. */
// @ts-ignore: decorator
@inline export function im2col_f32_chw(
  x: usize, c: i32, h: i32, w: i32,
  kh: i32, kw: i32, stride: i32, pad: i32, outH: i32, outW: i32,
  col: usize,
): void {
  const planeBytes = <usize>(h * w) << 2;
  const outRowBytes = <usize>outW << 2;
  const tapBytes = <usize>outH * outRowBytes;
  const same = same_geometry(h, w, stride, pad, outH, outW);
  let dst = col;
  for (let ci = 0; ci < c; ci++) {
    const plane = x + <usize>ci * planeBytes;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const lo = insideFrom(kx, stride, pad, outW);
        const hi = max(lo, insideTo(kx, stride, pad, w, outW));
        // The output rows whose input row iy = oy·stride − pad + ky is inside: [oyLo, oyHi).
        let oyLo = 0;
        while (oyLo < outH && oyLo * stride - pad + ky < 0) oyLo++;
        let oyHi = oyLo;
        while (oyHi < outH && oyHi * stride - pad + ky < h) oyHi++;
        zero_f32(dst, oyLo * outW);
        zero_f32(dst + <usize>oyHi * outRowBytes, (outH - oyHi) * outW);
        if (same && oyHi - oyLo > 2) {
          const dy = ky - pad;
          const dx = kx - pad;
          im2col_segment(dst + <usize>oyLo * outRowBytes, plane, oyLo + dy, w, kx, 1, pad, outW, lo, hi);
          im2col_segment(dst + <usize>(oyHi - 1) * outRowBytes, plane, oyHi - 1 + dy, w, kx, 1, pad, outW, lo, hi);
          const from = (oyLo + 1) * w;
          const count = (oyHi - oyLo - 2) * w;
          const d = dst + (<usize>from << 2);
          const src = plane + (<usize>(from + dy * w + dx) << 2);
          let i = 0;
          for (; i + 4 <= count; i += 4) v128.store(d + (<usize>i << 2), v128.load(src + (<usize>i << 2)));
          for (; i < count; i++) store<f32>(d + (<usize>i << 2), load<f32>(src + (<usize>i << 2)));
          zero_wrapped(dst, w, oyLo + 1, oyHi - 1, dx);
        } else {
          for (let oy = oyLo; oy < oyHi; oy++) {
            im2col_segment(dst + <usize>oy * outRowBytes, plane, oy * stride - pad + ky, w, kx, stride, pad, outW, lo, hi);
          }
        }
        dst += tapBytes;
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
