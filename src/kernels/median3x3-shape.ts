/**
 * The geometry of a 3×3 median filter on one 8-bit plane (H, W) → (H, W), row-major with rows of
 * exactly W bytes. Border rule: replicate. A neighbour outside the image is the nearest pixel
 * inside it (row and column clamped to the edge), so the output has the input's size, a flat
 * image stays flat up to the edge, and a 1-pixel image is its own median.
 */
export type Median3x3Shape = {
  height: number;
  width: number;
};

/** Validates the sizes and both planes; throws a RangeError naming the bad one. */
export function checkMedian3x3({ height, width }: Median3x3Shape, src: Uint8Array, dst: Uint8Array): void {
  for (const [name, value] of [
    ["height", height],
    ["width", width],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ 1)`);
  }
  const pixels = height * width;
  if (src.length !== pixels) throw new RangeError(`invalid src: ${src.length} bytes (expected height × width = ${pixels})`);
  if (dst.length !== pixels) throw new RangeError(`invalid dst: ${dst.length} bytes (expected height × width = ${pixels})`);
  if (src.buffer === dst.buffer && src.byteOffset < dst.byteOffset + pixels && dst.byteOffset < src.byteOffset + pixels) {
    throw new RangeError("invalid dst: it overlaps src (a median filter cannot run in place)");
  }
}
