import { checkLength, convShape, convSizes, type ConvParams } from "./conv-shape.ts";

/**
 * Direct 2D convolution (cross-correlation, as in every deep-learning framework), NCHW, by seven
 * plain nested loops: the obviously correct reference every faster kernel is tested against, and
 * the "naive for-loop" baseline of the benchmarks.
 * x: (N, C, H, W), w: (F, C, kH, kW), b: (F) → out: (N, F, H', W'). Each output is summed in
 * float64, so a Float64Array `out` holds the float64 direct convolution that error bounds measure from.
 */
export function conv2dF32DirectRef(
  p: ConvParams,
  x: Float32Array,
  w: Float32Array,
  b: Float32Array,
  out: Float32Array | Float64Array,
): void {
  const s = convShape(p);
  const n = convSizes(s);
  checkLength("x", x, n.input);
  checkLength("w", w, n.weights);
  checkLength("b", b, n.bias);
  checkLength("out", out, n.output);
  const { batch, channels: C, height: H, width: W, filters: F, kernelH: kH, kernelW: kW } = s;
  for (let i = 0; i < batch; i++) {
    for (let f = 0; f < F; f++) {
      for (let oy = 0; oy < s.outH; oy++) {
        for (let ox = 0; ox < s.outW; ox++) {
          let acc = b[f]!;
          for (let c = 0; c < C; c++) {
            for (let ky = 0; ky < kH; ky++) {
              const y = oy * s.stride - s.padding + ky;
              if (y < 0 || y >= H) continue;
              for (let kx = 0; kx < kW; kx++) {
                const xx = ox * s.stride - s.padding + kx;
                if (xx < 0 || xx >= W) continue;
                acc += x[((i * C + c) * H + y) * W + xx]! * w[((f * C + c) * kH + ky) * kW + kx]!;
              }
            }
          }
          out[((i * F + f) * s.outH + oy) * s.outW + ox] = acc;
        }
      }
    }
  }
}
