/**
 * [planes, h, w] for the 2×2 max-pool kernels' tests (forward and backward): output widths 1–9
 * around the 4-wide SIMD step, odd heights and widths whose last row or column the pool drops,
 * and the digit CNN's own layer shapes.
 */
export const MAXPOOL_SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 2, 2],
  [3, 2, 3],
  [2, 5, 7],
  [1, 4, 8],
  [2, 6, 10],
  [1, 3, 17],
  [3, 9, 19],
  [8, 28, 28],
  [16, 14, 14],
  [5, 7, 7],
];
