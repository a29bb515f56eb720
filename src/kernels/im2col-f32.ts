import { checkLength, convSizes, type ConvShape } from "./conv-shape.ts";

/**
 * im2col: unfolds every receptive field of an NCHW input into one row of a matrix, so that a
 * convolution becomes a single GEMM. The matrix is (N·H'·W') × (C·kH·kW), row-major:
 * row = (n, oy, ox), column = (c, ky, kx), and taps that fall in the zero padding are written as 0.
 *
 * Only rows in [rowStart, rowEnd) are written, so the threads of the pool can each fill their own
 * band of one shared matrix; `col` is always the whole matrix.
 */
export function im2colF32(s: ConvShape, x: Float32Array, col: Float32Array, rowStart = 0, rowEnd: number = s.cols): void {
  const sizes = convSizes(s);
  checkLength("x", x, sizes.input);
  checkLength("col", col, sizes.im2col);
  checkRowRange(s, rowStart, rowEnd);
  const { channels: C, height: H, width: W, kernelH: kH, kernelW: kW, stride, padding, outH, outW } = s;
  const plane = outH * outW;
  // Decode the first row once, then step (n, oy, ox) like an odometer: no division per row.
  let n = Math.floor(rowStart / plane);
  let oy = Math.floor((rowStart - n * plane) / outW);
  let ox = rowStart - n * plane - oy * outW;
  let o = rowStart * s.patch;
  for (let r = rowStart; r < rowEnd; r++) {
    const y0 = oy * stride - padding;
    const x0 = ox * stride - padding;
    // The taps kx in [kxLo, kxHi) land inside the image; the rest are padding. Hoisting this out of
    // the channel loop leaves the inner loops branch-free.
    const kxLo = Math.min(kW, Math.max(0, -x0));
    const kxHi = Math.max(kxLo, Math.min(kW, W - x0));
    for (let c = 0; c < C; c++) {
      const xPlane = (n * C + c) * H * W;
      for (let ky = 0; ky < kH; ky++) {
        const y = y0 + ky;
        if (y < 0 || y >= H) {
          col.fill(0, o, o + kW);
          o += kW;
          continue;
        }
        const xRow = xPlane + y * W + x0;
        let kx = 0;
        for (; kx < kxLo; kx++) col[o++] = 0;
        for (; kx < kxHi; kx++) col[o++] = x[xRow + kx]!;
        for (; kx < kW; kx++) col[o++] = 0;
      }
    }
    if (++ox === outW) {
      ox = 0;
      if (++oy === outH) {
        oy = 0;
        n++;
      }
    }
  }
}

/**
 * col2im, the adjoint of im2col: zeroes `dx`, then adds every entry of `col` back onto the input
 * pixel it was copied from (padding taps are dropped). Overlapping receptive fields accumulate,
 * which is exactly the gradient of a convolution with respect to its input once `col` holds the
 * gradient of the im2col matrix. Not split by rows: bands of rows overlap in `dx`.
 */
export function col2imF32(s: ConvShape, col: Float32Array, dx: Float32Array): void {
  const sizes = convSizes(s);
  checkLength("col", col, sizes.im2col);
  checkLength("dx", dx, sizes.input);
  const { batch, channels: C, height: H, width: W, kernelH: kH, kernelW: kW, stride, padding, outH, outW } = s;
  dx.fill(0);
  let o = 0;
  for (let n = 0; n < batch; n++) {
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * stride - padding;
      for (let ox = 0; ox < outW; ox++) {
        const x0 = ox * stride - padding;
        const kxLo = Math.min(kW, Math.max(0, -x0));
        const kxHi = Math.max(kxLo, Math.min(kW, W - x0));
        for (let c = 0; c < C; c++) {
          const xPlane = (n * C + c) * H * W;
          for (let ky = 0; ky < kH; ky++, o += kW) {
            const y = y0 + ky;
            if (y < 0 || y >= H) continue;
            const xRow = xPlane + y * W + x0;
            for (let kx = kxLo; kx < kxHi; kx++) dx[xRow + kx]! += col[o + kx]!;
          }
        }
      }
    }
  }
}

/** Throws unless 0 ≤ rowStart ≤ rowEnd ≤ cols, all integers. */
export function checkRowRange(s: ConvShape, rowStart: number, rowEnd: number): void {
  if (!Number.isInteger(rowStart) || rowStart < 0 || rowStart > s.cols) {
    throw new RangeError(`invalid rowStart: ${rowStart} (expected an integer in [0, ${s.cols}])`);
  }
  if (!Number.isInteger(rowEnd) || rowEnd < rowStart || rowEnd > s.cols) {
    throw new RangeError(`invalid rowEnd: ${rowEnd} (expected an integer in [${rowStart}, ${s.cols}])`);
  }
}

/** col2imF32's contract, for the WebAssembly col2im_f32_wasm behind it (src/model/cnn-kernels.ts). */
export type Col2imF32 = typeof col2imF32;
