// conv2d_f32_chw_gemm_wasmrelaxedsimd: a 2D convolution (NCHW, cross-correlation) one image at a
// time as im2col in the tap-major layout (im2col-f32-chw.ts) + one GEMM + bias:
//   out_n (F × H'·W') = w (F × C·kH·kW) · col_n (C·kH·kW × H'·W') + b
// The product's rows are the filters, so its result is the image's NCHW output as it stands: no
// transposed weights and no scatter, which the pixel-major im2col + GEMM
// (conv2d-f32-im2col-gemm-wasmrelaxedsimd.ts) needs. It suits layers with few filters and many
// pixels (a network's first layers), where the pixel-major product's 8–16 columns leave the
// im2col copy and the scatter as large as the product. Exactly 8 filters take the 8×4 tile
// (gemm-f32-8x4-bias.ts, on wT, the weights transposed), any other count the 6×8 one and a bias
// pass. col holds every image's matrix afterwards (image n's at col + n·C·kH·kW·H'·W' floats), for
// the weight gradient. Pointers in bytes.

import { gemm_f32_6x8_wasmrelaxedsimd } from "./gemm-f32-6x8-wasmrelaxedsimd";
import { GEMM_8X4_MR, gemm_f32_8x4_bias } from "./gemm-f32-8x4-bias";
import { im2col_f32_chw } from "./im2col-f32-chw";

/**
 * out (n, f, outH, outW) = conv(x (n, c, h, w), weights (f, c, kh, kw)) + bias (f); wT is weights
 * transposed (c·kh·kw × f); col: n · c·kh·kw · outH·outW floats.
 */
export function conv2d_f32_chw_gemm_wasmrelaxedsimd(
  x: usize, weights: usize, wT: usize, bias: usize, out: usize, col: usize,
  n: i32, c: i32, h: i32, w: i32, f: i32,
  kh: i32, kw: i32, stride: i32, pad: i32,
): void {
  if (stride <= 0 || f <= 0 || n <= 0) return;
  const outH = (h + 2 * pad - kh) / stride + 1;
  const outW = (w + 2 * pad - kw) / stride + 1;
  if (outH <= 0 || outW <= 0) return;
  const pixels = outH * outW;
  const taps = c * kh * kw;
  const imageBytes = <usize>(c * h * w) << 2;
  const colBytes = <usize>taps * <usize>pixels << 2;
  const outBytes = <usize>(f * pixels) << 2;
  for (let img = 0; img < n; img++) {
    const colImg = col + <usize>img * colBytes;
    const outImg = out + <usize>img * outBytes;
    im2col_f32_chw(x + <usize>img * imageBytes, c, h, w, kh, kw, stride, pad, outH, outW, colImg);
    if (f == GEMM_8X4_MR) {
      gemm_f32_8x4_bias(pixels, taps, wT, colImg, <usize>pixels << 2, bias, outImg, <usize>pixels << 2);
      continue;
    }
    gemm_f32_6x8_wasmrelaxedsimd(f, pixels, taps, weights, taps, colImg, pixels, outImg, pixels);
    for (let fi = 0; fi < f; fi++) {
      const row = outImg + (<usize>(fi * pixels) << 2);
      const b = load<f32>(bias + (<usize>fi << 2));
      const bv = f32x4.splat(b);
      let i = 0;
      for (; i + 4 <= pixels; i += 4) {
        const at = row + (<usize>i << 2);
        v128.store(at, f32x4.add(v128.load(at), bv));
      }
      for (; i < pixels; i++) {
        const at = row + (<usize>i << 2);
        store<f32>(at, load<f32>(at) + b);
      }
    }
  }
}
