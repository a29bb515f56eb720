import { checkBlurShape, type BlurShape } from "./blur-shape.ts";
import { checkLength } from "./conv-shape.ts";

/**
 * k×k box blur by summing every window directly (k² reads per pixel), the obviously correct
 * reference of blur-f32-box-integral-ts. Sums in float64, so 8-bit pixel values sum exactly.
 */
export function boxBlurF32Ref(s: BlurShape, x: Float32Array, out: Float32Array): void {
  checkBlurShape(s);
  const { height: H, width: W, k } = s;
  checkLength("x", x, H * W);
  checkLength("out", out, H * W);
  const r = (k - 1) / 2;
  for (let y = 0; y < H; y++) {
    for (let xx = 0; xx < W; xx++) {
      let sum = 0;
      for (let yy = Math.max(0, y - r); yy <= Math.min(H - 1, y + r); yy++) {
        for (let xi = Math.max(0, xx - r); xi <= Math.min(W - 1, xx + r); xi++) sum += x[yy * W + xi]!;
      }
      out[y * W + xx] = sum / (k * k);
    }
  }
}
