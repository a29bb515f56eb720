import { checkBlurShape, type BlurShape } from "./blur-shape.ts";
import { checkLength } from "./conv-shape.ts";

/** The (H + 1) × (W + 1) integral image of blurF32BoxIntegralTs. Allocate once, outside the timed region. */
export function boxBlurIntegralScratch({ height, width }: BlurShape): Float64Array {
  return new Float64Array((height + 1) * (width + 1));
}

/**
 * k×k box blur by an integral image (summed-area table): one pass builds
 * I[y][x] = Σ x[0..y-1][0..x-1], then every window sum is four lookups,
 * I[y1][x1] − I[y0][x1] − I[y1][x0] + I[y0][x0], whatever k is: O(1) per pixel instead of k².
 * Same result as boxBlurF32Ref (zero padding). The table is float64 because it subtracts large
 * sums to get a small one: with float32 the cancellation would lose the low bits, and with 8-bit
 * pixel values float64 keeps every sum exact.
 */
export function blurF32BoxIntegralTs(s: BlurShape, x: Float32Array, out: Float32Array, integral: Float64Array): void {
  checkBlurShape(s);
  const { height: H, width: W, k } = s;
  checkLength("x", x, H * W);
  checkLength("out", out, H * W);
  checkLength("integral", integral, (H + 1) * (W + 1));
  const stride = W + 1;
  integral.fill(0, 0, stride);
  for (let y = 0; y < H; y++) {
    let rowSum = 0;
    const row = (y + 1) * stride;
    integral[row] = 0;
    for (let xx = 0; xx < W; xx++) {
      rowSum += x[y * W + xx]!;
      integral[row + xx + 1] = integral[row - stride + xx + 1]! + rowSum;
    }
  }
  const r = (k - 1) / 2;
  const area = k * k;
  for (let y = 0; y < H; y++) {
    const top = Math.max(0, y - r) * stride;
    const bottom = Math.min(H, y + r + 1) * stride;
    for (let xx = 0; xx < W; xx++) {
      const left = Math.max(0, xx - r);
      const right = Math.min(W, xx + r + 1);
      out[y * W + xx] = (integral[bottom + right]! - integral[top + right]! - integral[bottom + left]! + integral[top + left]!) / area;
    }
  }
}
