// im2col_i8: im2col_f32_wasm's row order and column order (im2col-f32-wasm.ts) on an int8 tensor,
// one byte per tap, for the int8 convolution. Padding taps are 0, which a symmetric quantization
// maps exactly to 0. Not exported: conv2d_i8_im2col_gemm_wasmrelaxedsimd calls it block by block.

/**
 * Fills rows [rowStart, rowEnd) of the (n·outH·outW) × (c·kh·kw) int8 im2col matrix at col from the
 * int8 NCHW tensor x. outH and outW are the convolution's output size. Pointers in bytes.
 */
export function im2col_i8(
  x: usize,
  n: i32, c: i32, h: i32, w: i32,
  kh: i32, kw: i32, stride: i32, pad: i32,
  outH: i32, outW: i32,
  col: usize, rowStart: i32, rowEnd: i32,
): void {
  const outHW = outH * outW;
  const patch = <usize>(c * kh * kw);
  const plane = <usize>(h * w);
  let img = rowStart / outHW;
  let oy = (rowStart % outHW) / outW;
  let ox = rowStart % outW;
  let dst = col + <usize>rowStart * patch;
  for (let r = rowStart; r < rowEnd; r++) {
    const iy0 = oy * stride - pad;
    const ix0 = ox * stride - pad;
    // The taps [kxLo, kxHi) of a row fall inside the image; the rest are padding.
    const kxLo = min(kw, max(0, -ix0));
    const kxHi = max(kxLo, min(kw, w - ix0));
    let src = x + <usize>(img * c) * plane;
    for (let ci = 0; ci < c; ci++) {
      for (let ky = 0; ky < kh; ky++) {
        const iy = iy0 + ky;
        if (<u32>iy >= <u32>h) {
          for (let kx = 0; kx < kw; kx++) store<i8>(dst + kx, 0);
        } else {
          // ix0 may be negative: the wrapping sum is only dereferenced at kx in [kxLo, kxHi).
          const row = src + <usize>iy * <usize>w + <usize>ix0;
          let kx = 0;
          for (; kx < kxLo; kx++) store<i8>(dst + kx, 0);
          for (; kx < kxHi; kx++) store<i8>(dst + kx, load<i8>(row + kx));
          for (; kx < kw; kx++) store<i8>(dst + kx, 0);
        }
        dst += <usize>kw;
      }
      src += plane;
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
