import { mulberry32 } from "./random.ts";

/** A seeded linear image spanning below black to above white, so every branch is taken. */
export function linearImageF32(pixels: number, black: number, white: number, seed: number): Float32Array {
  const next = mulberry32(seed);
  const span = white - black;
  return Float32Array.from({ length: pixels }, () => black - 0.25 * span + next() * 1.5 * span);
}

/** Test cases (pixels, black, white): lengths around the SIMD kernel's 16-pixel step. */
export const CHAIN_TEST_CASES: readonly (readonly [number, number, number])[] = [
  [1, 0, 1],
  [15, 0.05, 0.9],
  [16, -0.25, 2],
  [17, 0, 1],
  [33, 0.1, 0.5],
  [1000, 0.05, 0.9],
  [4099, -3, 1e3],
];
