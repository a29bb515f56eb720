// conv2d_f32_im2col_gemm_wasmrelaxedsimd: a 2D convolution (NCHW, cross-correlation) as im2col + GEMM + bias, for a
// range of output rows (pixels n, oy, ox), so threads split the output with no synchronisation.
//
// The rows are processed in blocks of CONV_ROWS: im2col the block, multiply it by wT, add the bias
// and scatter to NCHW. The block's slice of col (CONV_ROWS × C·kH·kW floats, 216 KiB for 3×3×64) is
// still in L2 when the GEMM reads it, instead of the whole col matrix making a round trip to memory.
// col and gemmOut are full-size scratch matrices; a call touches only its own rows of them and of
// out, and every row's arithmetic is independent of the blocking, so any split of the rows gives
// bit-identical results.

import { gemm_f32_6x8_wasmrelaxedsimd } from "./gemm-f32-6x8-wasmrelaxedsimd";
import { im2col_f32_wasm } from "./im2col-f32-wasm";

/** Rows (output pixels) per im2col → GEMM → scatter step; a multiple of the GEMM tile's 6 rows. */
const CONV_ROWS: i32 = 96;

/**
 * out (N, F, H', W') = conv(x (N, C, H, W), weights) + bias, for output rows [rowStart, rowEnd) of
 * the N·H'·W' pixels. wT is the weights transposed to (C·kH·kW) × F, bias is F floats; col is the
 * (N·H'·W') × (C·kH·kW) im2col scratch and gemmOut the (N·H'·W') × F GEMM scratch. Pointers in bytes.
 */
export function conv2d_f32_im2col_gemm_wasmrelaxedsimd(
  x: usize, wT: usize, bias: usize, out: usize, col: usize, gemmOut: usize,
  n: i32, c: i32, h: i32, w: i32, f: i32,
  kh: i32, kw: i32, stride: i32, pad: i32,
  rowStart: i32, rowEnd: i32,
): void {
  if (stride <= 0 || f <= 0) return;
  const outH = (h + 2 * pad - kh) / stride + 1;
  const outW = (w + 2 * pad - kw) / stride + 1;
  if (outH <= 0 || outW <= 0) return;
  const outHW = outH * outW;
  const patch = c * kh * kw;
  const fBytes = <usize>f << 2;
  const planeBytes = <usize>outHW << 2;
  for (let r0 = rowStart; r0 < rowEnd; r0 += CONV_ROWS) {
    const r1 = min(rowEnd, r0 + CONV_ROWS);
    im2col_f32_wasm(x, n, c, h, w, kh, kw, stride, pad, outH, outW, col, r0, r1);
    const g = gemmOut + <usize>r0 * fBytes;
    gemm_f32_6x8_wasmrelaxedsimd(r1 - r0, f, patch, col + (<usize>r0 * <usize>patch << 2), patch, wT, f, g, f);
    // Bias and scatter: row r of gemmOut holds the F channels of pixel r; in NCHW they are a plane
    // apart.
    let img = r0 / outHW;
    let pix = r0 % outHW;
    let src = g;
    for (let r = r0; r < r1; r++) {
      let dst = out + (<usize>(img * f) * planeBytes) + (<usize>pix << 2);
      for (let fi = 0; fi < f; fi++) {
        const o = <usize>fi << 2;
        store<f32>(dst, load<f32>(src + o) + load<f32>(bias + o));
        dst += planeBytes;
      }
      src += fBytes;
      if (++pix == outHW) {
        pix = 0;
        img++;
      }
    }
  }
}
