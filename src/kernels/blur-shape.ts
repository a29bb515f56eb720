/**
 * The geometry of a k×k blur of one grayscale plane (H, W) → (H, W): k is odd, the window is
 * centred, and pixels outside the image count as zero (zero padding, as conv2dF32DirectRef pads), so
 * near the border a blur darkens. Every blur kernel validates its arguments here.
 */
export interface BlurShape {
  height: number;
  width: number;
  /** Window side k (odd); k may exceed the image, the window is then clipped to it. */
  k: number;
}

export function checkBlurShape({ height, width, k }: BlurShape): void {
  for (const [name, value] of [
    ["height", height],
    ["width", width],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ 1)`);
  }
  if (!Number.isInteger(k) || k < 1 || k % 2 === 0) throw new RangeError(`invalid k: ${k} (expected an odd integer ≥ 1)`);
}
