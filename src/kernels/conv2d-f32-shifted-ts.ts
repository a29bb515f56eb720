import { checkLength, convShape, convSizes, type ConvParams } from "./conv-shape.ts";

/**
 * The outputs o in [start, end) whose input index o·stride − padding + tap lies inside [0, size):
 * the one place where padding is handled, once per tap instead of once per pixel.
 */
export function validOutputRange(tap: number, size: number, outSize: number, stride: number, padding: number): [number, number] {
  const start = Math.max(0, Math.ceil((padding - tap) / stride));
  const end = Math.min(outSize, Math.floor((size - 1 + padding - tap) / stride) + 1);
  return [start, Math.max(start, end)];
}

/**
 * 2D convolution by shifted whole-plane updates, NCHW, same contract as conv2dF32DirectRef:
 * x (N, C, H, W), w (F, C, kH, kW), b (F) → out (N, F, H', W').
 * It is the typed-array form of numpy's vectorized convolution: for every filter tap (c, ky, kx)
 * it adds w[f, c, ky, kx] times the input plane shifted by (ky, kx) to the output plane,
 *   out[n, f] += w[f, c, ky, kx] · x[n, c, ky : ky + H'·stride : stride, kx : …]
 * The padding only trims the rectangle each tap covers, so the inner loop is a plain
 * multiply-add over one output row with no bounds test.
 */
export function conv2dF32ShiftedTs(p: ConvParams, x: Float32Array, w: Float32Array, b: Float32Array, out: Float32Array): void {
  const s = convShape(p);
  const n = convSizes(s);
  checkLength("x", x, n.input);
  checkLength("w", w, n.weights);
  checkLength("b", b, n.bias);
  checkLength("out", out, n.output);
  const { channels: C, height: H, width: W, filters: F, kernelH: kH, kernelW: kW, stride, padding, outH, outW } = s;
  const plane = outH * outW;
  for (let i = 0; i < s.batch; i++) {
    for (let f = 0; f < F; f++) {
      const o = (i * F + f) * plane;
      out.fill(b[f]!, o, o + plane);
      for (let c = 0; c < C; c++) {
        const xPlane = (i * C + c) * H * W;
        for (let ky = 0; ky < kH; ky++) {
          const [oy0, oy1] = validOutputRange(ky, H, outH, stride, padding);
          for (let kx = 0; kx < kW; kx++) {
            const [ox0, ox1] = validOutputRange(kx, W, outW, stride, padding);
            const wv = w[((f * C + c) * kH + ky) * kW + kx]!;
            for (let oy = oy0; oy < oy1; oy++) {
              const xRow = xPlane + (oy * stride - padding + ky) * W - padding + kx;
              const oRow = o + oy * outW;
              for (let ox = ox0; ox < ox1; ox++) out[oRow + ox] = out[oRow + ox]! + wv * x[xRow + ox * stride]!;
            }
          }
        }
      }
    }
  }
}
