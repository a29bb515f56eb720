import { checkLength, convShape, convSizes, type ConvParams } from "./conv-shape.ts";
import {
  checkWinogradShape,
  congruence,
  winogradFilterFloats,
  winogradTransformFilters,
  WINOGRAD_F2X2_3X3,
  type WinogradTransforms,
} from "./winograd-f32-transforms.ts";

/**
 * A 3×3, stride-1 convolution (NCHW, any padding) by Winograd's F(m×m, 3×3), tile by tile with
 * plain loops: the reference the WebAssembly kernel (conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd) is tested against,
 * itself tested against the direct loops (conv2dF32DirectRef). Output tiles that overhang the image are
 * computed from zeros and cropped.
 *
 * Precision follows `out`: with a Float32Array every stored intermediate (U, V, the channel sums M)
 * is float32 as in the kernel, each channel's product added to M with one rounding; with a
 * Float64Array they are float64, which checks the algebra and, run with absoluteTransforms,
 * computes error-bound magnitudes.
 */
export function conv2dF32WinogradRef(
  p: ConvParams,
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  b: ArrayLike<number>,
  out: Float32Array | Float64Array,
  t: WinogradTransforms = WINOGRAD_F2X2_3X3,
): void {
  const s = convShape(p);
  checkWinogradShape(s);
  const n = convSizes(s);
  checkLength("x", x, n.input);
  checkLength("w", w, n.weights);
  checkLength("b", b, n.bias);
  checkLength("out", out, n.output);
  const Stored = out instanceof Float64Array ? Float64Array : Float32Array;
  const { m, alpha } = t;
  const a2 = alpha * alpha;
  const { channels: C, filters: F, height: H, width: W } = s;
  const u = new Stored(winogradFilterFloats(t, s));
  winogradTransformFilters(t, s, w, u);
  const d = new Float64Array(a2);
  const v = new Stored(a2 * C);
  const sums = new Stored(a2);
  const y = new Float64Array(m * m);
  for (let i = 0; i < s.batch; i++) {
    for (let ty = 0; ty * m < s.outH; ty++) {
      for (let tx = 0; tx * m < s.outW; tx++) {
        // V = Bᵀ d B of this tile's α×α input window in each channel, zero outside the image.
        for (let c = 0; c < C; c++) {
          for (let r = 0; r < alpha; r++) {
            for (let q = 0; q < alpha; q++) {
              const iy = ty * m - s.padding + r;
              const ix = tx * m - s.padding + q;
              d[r * alpha + q] = iy >= 0 && iy < H && ix >= 0 && ix < W ? x[((i * C + c) * H + iy) * W + ix]! : 0;
            }
          }
          congruence(t.BT, d, 0, v, c * a2);
        }
        for (let f = 0; f < F; f++) {
          sums.fill(0);
          for (let c = 0; c < C; c++) {
            for (let xi = 0; xi < a2; xi++) sums[xi] = sums[xi]! + u[(xi * F + f) * C + c]! * v[c * a2 + xi]!;
          }
          congruence(t.AT, sums, 0, y, 0);
          for (let r = 0; r < m && ty * m + r < s.outH; r++) {
            for (let q = 0; q < m && tx * m + q < s.outW; q++) {
              out[((i * F + f) * s.outH + ty * m + r) * s.outW + tx * m + q] = y[r * m + q]! + b[f]!;
            }
          }
        }
      }
    }
  }
}
