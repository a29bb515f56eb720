// The two gradients of conv2d_f32_chw_gemm_wasmrelaxedsimd, one image at a time, on the tap-major
// im2col matrices its forward pass left in col (image n's: C·kH·kW × H'·W' floats). With dY_n the
// image's output gradient (F × H'·W', NCHW as it stands):
//   dw (F × C·kH·kW) = Σ_n dY_n · col_nᵀ     (gemm-f32-4x2-nt.ts: both read along the pixels)
//   db (F)           = Σ_n rows of dY_n
//   dcol_n           = wT (C·kH·kW × F) · dY_n,  dx_n = col2im(dcol_n)
// Neither needs the output gradient moved to another layout. Pointers in bytes.

import { gemm_f32_4x2_nt } from "./gemm-f32-4x2-nt";
import { gemm_f32_6x8_wasmrelaxedsimd } from "./gemm-f32-6x8-wasmrelaxedsimd";
import { col2im_f32_chw } from "./im2col-f32-chw";

/**
 * dw (f × taps) and db (f), overwritten, from dout (n, f, pixels) and col (n blocks of taps ×
 * pixels). The images' sums are added image after image.
 */
export function conv2d_backward_weights_f32_chw_gemm_wasmrelaxedsimd(
  dout: usize, col: usize, dw: usize, db: usize,
  n: i32, f: i32, taps: i32, pixels: i32,
): void {
  if (n <= 0 || f <= 0 || taps <= 0 || pixels <= 0) return;
  memory.fill(dw, 0, <usize>(f * taps) << 2);
  memory.fill(db, 0, <usize>f << 2);
  const rowBytes = <usize>pixels << 2;
  const doutBytes = <usize>f * rowBytes;
  const colBytes = <usize>taps * rowBytes;
  for (let img = 0; img < n; img++) {
    const dY = dout + <usize>img * doutBytes;
    gemm_f32_4x2_nt(f, taps, pixels, dY, rowBytes, col + <usize>img * colBytes, rowBytes, dw, <usize>taps << 2);
    for (let fi = 0; fi < f; fi++) {
      const row = dY + <usize>fi * rowBytes;
      let acc = f32x4.splat(0);
      let i = 0;
      for (; i + 4 <= pixels; i += 4) acc = f32x4.add(acc, v128.load(row + (<usize>i << 2)));
      let sum = (f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1)) + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3));
      for (; i < pixels; i++) sum += load<f32>(row + (<usize>i << 2));
      const at = db + (<usize>fi << 2);
      store<f32>(at, load<f32>(at) + sum);
    }
  }
}

/**
 * dx (n, c, h, w), overwritten, from dout (n, f, outH, outW) and the transposed weights wT
 * (c·kh·kw × f); dcol is n blocks of c·kh·kw × outH·outW floats of scratch (the forward's col may
 * be passed once the weight gradient has read it).
 */
export function conv2d_backward_input_f32_chw_gemm_wasmrelaxedsimd(
  dout: usize, wT: usize, dcol: usize, dx: usize,
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
  const doutBytes = <usize>(f * pixels) << 2;
  for (let img = 0; img < n; img++) {
    const dcolImg = dcol + <usize>img * colBytes;
    gemm_f32_6x8_wasmrelaxedsimd(taps, pixels, f, wT, f, dout + <usize>img * doutBytes, pixels, dcolImg, pixels);
    col2im_f32_chw(dcolImg, c, h, w, kh, kw, stride, pad, outH, outW, dx + <usize>img * imageBytes);
  }
}
