/** Luma (ITU-R BT.601) of RGBA pixels as 8-bit values 0…255 in a float plane: what the blurs take. */
export function toGray(rgba: Uint8ClampedArray, width: number, height: number): Float32Array {
  if (rgba.length !== width * height * 4) throw new RangeError(`invalid rgba: length ${rgba.length}, expected ${width}×${height}×4`);
  const gray = new Float32Array(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = Math.round(0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!);
  return gray;
}

/** A gray plane back to opaque RGBA, for display. */
export function toRgba(gray: Float32Array): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(gray.length * 4);
  for (let i = 0; i < gray.length; i++) {
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = gray[i]!;
    rgba[4 * i + 3] = 255;
  }
  return rgba;
}
