import { mulberry32 } from "./random.ts";

/**
 * A seeded 8-bit grayscale test image (row-major, height × width): smooth waves around mid-gray
 * plus a little noise. Like a photo, its values crowd into part of 0…255, so a histogram's busiest
 * bins are hit again and again — what makes threads that share bins collide.
 */
export function smoothImageU8(width: number, height: number, seed: number): Uint8Array {
  for (const [name, value] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ 1)`);
  }
  const next = mulberry32(seed);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const wave = 60 * Math.sin(x / 50) * Math.cos(y / 70);
      out[y * width + x] = Math.max(0, Math.min(255, Math.floor(128 + wave + 20 * next())));
    }
  }
  return out;
}
