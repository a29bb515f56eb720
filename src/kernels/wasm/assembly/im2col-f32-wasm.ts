// im2col_f32_wasm: unrolls the receptive fields of an NCHW convolution into the rows of a matrix, so the
// convolution becomes one GEMM (Chellapilla et al. 2006; Caffe's im2col, here one row per pixel).
//
// The full matrix has N·H'·W' rows (order n, oy, ox) and C·kH·kW columns (order c, ky, kx);
// padding reads as zero. A call fills rows [rowStart, rowEnd) only, each at its own offset, so
// threads given disjoint row ranges write disjoint bytes. Pointers in bytes.

// Copies count floats. The 3-wide row of a 3×3 kernel, by far the most common, takes one 8-byte and
// one 4-byte move instead of three (im2col of the 56×56×64 layer: 1.15 → 0.7 ms in Node 24; a
// general 16/8/4-byte loop measured 1.04); the 5-wide row of the site's digit CNN one 16-byte and
// one 4-byte move instead of five.
// @ts-ignore: decorator
@inline function copy_f32(dst: usize, src: usize, count: i32): void {
  if (count == 3) {
    store<u64>(dst, load<u64>(src));
    store<f32>(dst, load<f32>(src, 8), 8);
  } else if (count == 5) {
    v128.store(dst, v128.load(src));
    store<f32>(dst, load<f32>(src, 16), 16);
  } else {
    for (let i = 0; i < count; i++) store<f32>(dst + (<usize>i << 2), load<f32>(src + (<usize>i << 2)));
  }
}

/**
 * Fills rows [rowStart, rowEnd) of the (n·outH·outW) × (c·kh·kw) im2col matrix at col from the NCHW
 * tensor x. outH and outW must be the convolution's output size (the JS wrapper checks them).
 */
export function im2col_f32_wasm(
  x: usize,
  n: i32, c: i32, h: i32, w: i32,
  kh: i32, kw: i32, stride: i32, pad: i32,
  outH: i32, outW: i32,
  col: usize, rowStart: i32, rowEnd: i32,
): void {
  const outHW = outH * outW;
  if (rowStart < 0 || rowEnd > n * outHW || outW <= 0) return;
  const patchBytes = <usize>(c * kh * kw) << 2;
  const planeBytes = <usize>(h * w) << 2;
  const rowBytes = <usize>w << 2;
  const kwBytes = <usize>kw << 2;
  // Decompose rowStart once, then step (img, oy, ox) without divisions.
  let img = rowStart / outHW;
  let oy = (rowStart % outHW) / outW;
  let ox = rowStart % outW;
  let dst = col + <usize>rowStart * patchBytes;
  for (let r = rowStart; r < rowEnd; r++) {
    const iy0 = oy * stride - pad;
    const ix0 = ox * stride - pad;
    const xInside = ix0 >= 0 && ix0 + kw <= w;
    let plane = x + <usize>(img * c) * planeBytes;
    for (let ci = 0; ci < c; ci++) {
      for (let ky = 0; ky < kh; ky++) {
        const iy = iy0 + ky;
        if (<u32>iy >= <u32>h) {
          // A padding row: kw zeros.
          for (let kx = 0; kx < kw; kx++) store<f32>(dst + (<usize>kx << 2), 0);
        } else {
          // ix0 may be negative: the wrapping u32 sum is only dereferenced at valid columns.
          const src = plane + <usize>iy * rowBytes + (<usize>ix0 << 2);
          if (xInside) {
            copy_f32(dst, src, kw);
          } else {
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx;
              store<f32>(dst + (<usize>kx << 2), <u32>ix < <u32>w ? load<f32>(src + (<usize>kx << 2)) : 0);
            }
          }
        }
        dst += kwBytes;
      }
      plane += planeBytes;
    }
    if (++ox == outW) {
      ox = 0;
      if (++oy == outH) {
        oy = 0;
        img++;
      }
    }
  }
}
