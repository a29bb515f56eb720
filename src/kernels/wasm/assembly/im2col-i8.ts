// im2col_i8: im2col_f32_wasm's row order and column order (im2col-f32-wasm.ts) on an int8 tensor,
// one byte per tap, for the int8 convolution. Padding taps are 0, which a symmetric quantization
// maps exactly to 0. Rows are ldcol bytes apart, the bytes past the taps written 0, so the GEMM can
// run on whole groups of 4 depths. Not exported: conv2d_i8_im2col_gemm_wasmrelaxedsimd calls it
// block by block.

// Copies count taps. The 5-wide row of the digit CNN's filters and the common 3-wide one take two
// moves instead of five or three (in Node 24 the byte loop made im2col of the int8 image slower than
// the float one, which moves four times the bytes).
// @ts-ignore: decorator
@inline function copy_i8(dst: usize, src: usize, count: i32): void {
  if (count == 5) {
    store<u32>(dst, load<u32>(src));
    store<u8>(dst, load<u8>(src, 4), 4);
  } else if (count == 3) {
    store<u16>(dst, load<u16>(src));
    store<u8>(dst, load<u8>(src, 2), 2);
  } else {
    for (let i = 0; i < count; i++) store<u8>(dst + i, load<u8>(src + i));
  }
}

/**
 * Fills rows [rowStart, rowEnd) of the (n·outH·outW) × ldcol int8 im2col matrix at col from the int8
 * NCHW tensor x: c·kh·kw taps, then zeros up to ldcol (≥ the taps, a multiple of 4). outH and outW
 * are the convolution's output size. Pointers in bytes.
 */
export function im2col_i8(
  x: usize,
  n: i32, c: i32, h: i32, w: i32,
  kh: i32, kw: i32, stride: i32, pad: i32,
  outH: i32, outW: i32,
  col: usize, ldcol: i32, rowStart: i32, rowEnd: i32,
): void {
  const outHW = outH * outW;
  const plane = <usize>(h * w);
  let img = rowStart / outHW;
  let oy = (rowStart % outHW) / outW;
  let ox = rowStart % outW;
  for (let r = rowStart; r < rowEnd; r++) {
    let dst = col + <usize>r * <usize>ldcol;
    // The row's last 4 bytes zeroed first: they hold the padding past the taps, which the taps
    // written next overwrite where they reach.
    store<u32>(dst + <usize>ldcol - 4, 0);
    const iy0 = oy * stride - pad;
    const ix0 = ox * stride - pad;
    const xInside = ix0 >= 0 && ix0 + kw <= w;
    let src = x + <usize>(img * c) * plane;
    for (let ci = 0; ci < c; ci++) {
      for (let ky = 0; ky < kh; ky++) {
        const iy = iy0 + ky;
        if (<u32>iy >= <u32>h) {
          for (let kx = 0; kx < kw; kx++) store<u8>(dst + kx, 0);
        } else {
          // ix0 may be negative: the wrapping sum is only dereferenced at columns inside the image.
          const row = src + <usize>iy * <usize>w + <usize>ix0;
          if (xInside) {
            copy_i8(dst, row, kw);
          } else {
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx;
              store<u8>(dst + kx, <u32>ix < <u32>w ? load<u8>(row + kx) : 0);
            }
          }
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
