// col2im_f32_wasm: the adjoint of im2col_f32_wasm (im2col-f32.ts). Adds every entry of the
// (n·outH·outW) × (c·kh·kw) matrix col back onto the input pixel it was copied from, after zeroing
// dx (NCHW); overlapping receptive fields accumulate and padding taps are dropped. Once col holds
// the gradient of the im2col matrix, dx is the gradient of the convolution's input.
//
// The same loop order as the TypeScript col2imF32 (rows n, oy, ox; then c, ky, kx), so both round
// the same sums in the same order and agree bit for bit. One call does every row: bands of rows
// overlap in dx, so it is not split across threads. Pointers in bytes.

/** Writes dx (n·c·h·w floats) from col; outH and outW must be the convolution's output size. */
export function col2im_f32_wasm(
  col: usize,
  n: i32, c: i32, h: i32, w: i32,
  kh: i32, kw: i32, stride: i32, pad: i32,
  outH: i32, outW: i32,
  dx: usize,
): void {
  if (outH <= 0 || outW <= 0) return;
  const planeBytes = <usize>(h * w) << 2;
  memory.fill(dx, 0, <usize>(n * c) * planeBytes);
  const rowBytes = <usize>w << 2;
  const kwBytes = <usize>kw << 2;
  let src = col;
  for (let img = 0; img < n; img++) {
    const image = dx + <usize>(img * c) * planeBytes;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * stride - pad;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * stride - pad;
        // The taps that land inside the row; none when the window is all padding.
        const kxLo = max(0, -ix0);
        const kxHi = min(kw, w - ix0);
        let plane = image;
        for (let ci = 0; ci < c; ci++) {
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky;
            if (<u32>iy < <u32>h) {
              // ix0 may be negative: the wrapping u32 sum is only dereferenced at taps inside.
              const dst = plane + <usize>iy * rowBytes + (<usize>ix0 << 2);
              for (let kx = kxLo; kx < kxHi; kx++) {
                const o = <usize>kx << 2;
                store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
              }
            }
            src += kwBytes;
          }
          plane += planeBytes;
        }
      }
    }
  }
}
