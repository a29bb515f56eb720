// The element-wise chain of python/everycore/fusion.py, a linear float32 image to 8-bit pixels:
//   normalize y = (x − black)·scale, gamma 2 y = sqrt(max(y, 0)), clamp y = min(y, 1),
//   round out = trunc(y·255 + 0.5)
// Every step is rounded to float32, as numpy rounds each of its float32 passes. JavaScript
// computes in float64; rounding after each operation gives the float32 result exactly (a float64
// result of one +, −, ×, ÷ or sqrt on float32 values, rounded to float32, equals the float32
// operation). So numpy, this file and the WebAssembly kernel all give the very same bytes.

const round = Math.fround;

/** The chain's constants as float32, as numpy rounds a Python float that meets a float32 array. */
export interface ChainConstants {
  black: number;
  scale: number;
}

/** Checks black < white (both finite); returns black and 1/(white − black) rounded to float32. */
export function chainConstants(black: number, white: number): ChainConstants {
  if (!Number.isFinite(black)) throw new RangeError(`invalid black: ${black} (expected a finite number)`);
  if (!Number.isFinite(white) || !(white > black))
    throw new RangeError(`invalid white: ${white} (expected a finite number greater than black = ${black})`);
  return { black: round(black), scale: round(1 / (white - black)) };
}

/** The chain for one pixel; NaN becomes 0 (as the WebAssembly kernel's saturating conversion does). */
export function normalizeGammaU8(x: number, { black, scale }: ChainConstants): number {
  let y = round(round(x - black) * scale);
  y = y > 0 ? round(Math.sqrt(y)) : 0;
  y = y < 1 ? y : 1;
  return round(round(y * 255) + 0.5) | 0;
}

/** Checks that `dst` (bytes) matches `src` (floats) pixel for pixel. */
export function checkChainArrays(src: Float32Array, dst: Uint8Array): void {
  if (dst.length !== src.length) throw new RangeError(`invalid dst: ${dst.length} bytes (expected one per pixel of src, ${src.length})`);
}

/**
 * normalize → gamma → clamp → uint8 fused in one loop (fused-normalize-gamma-u8-ts): each pixel is
 * read once, goes through the whole chain in registers and is written once, as a byte. Also the
 * reference: it is the chain's definition applied pixel by pixel.
 */
export function fusedNormalizeGammaU8Ts(src: Float32Array, dst: Uint8Array, constants: ChainConstants): void {
  checkChainArrays(src, dst);
  for (let i = 0; i < src.length; i++) dst[i] = normalizeGammaU8(src[i]!, constants);
}
