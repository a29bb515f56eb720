/**
 * One-channel 2D convolution (cross-correlation) over nested JavaScript arrays, image[y][x] and
 * kernel[ky][kx], with zero padding `padding` and stride 1: the browser's closest analogue of the
 * pure-Python loops over lists of lists. Every access goes through a row array and a bounds-checked
 * element load, and the output is allocated row by row, as Python code would build it. JavaScript
 * numbers are float64, hence "f64". It is still JIT-compiled, which is why it is not 100× slower.
 */
export function conv2dF64NestedArraysTs(image: number[][], kernel: number[][], padding: number): number[][] {
  const H = image.length;
  const W = image[0]?.length ?? 0;
  const kH = kernel.length;
  const kW = kernel[0]?.length ?? 0;
  if (H < 1 || W < 1 || image.some((row) => row.length !== W))
    throw new RangeError(`invalid image: expected a non-empty H×W array of rows of equal length`);
  if (kH < 1 || kW < 1 || kernel.some((row) => row.length !== kW))
    throw new RangeError(`invalid kernel: expected a non-empty kH×kW array of rows of equal length`);
  if (!Number.isInteger(padding) || padding < 0 || kH > H + 2 * padding || kW > W + 2 * padding) {
    throw new RangeError(`invalid padding: ${padding} (expected an integer ≥ 0 that lets the ${kH}×${kW} kernel fit)`);
  }
  const out: number[][] = [];
  for (let oy = 0; oy + kH <= H + 2 * padding; oy++) {
    const row: number[] = [];
    for (let ox = 0; ox + kW <= W + 2 * padding; ox++) {
      let acc = 0;
      for (let ky = 0; ky < kH; ky++) {
        const y = oy - padding + ky;
        if (y < 0 || y >= H) continue;
        const imageRow = image[y]!;
        const kernelRow = kernel[ky]!;
        for (let kx = 0; kx < kW; kx++) {
          const x = ox - padding + kx;
          if (x >= 0 && x < W) acc += imageRow[x]! * kernelRow[kx]!;
        }
      }
      row.push(acc);
    }
    out.push(row);
  }
  return out;
}

/** Rows of a flat row-major plane as nested arrays (and back), to feed and check the kernel above. */
export function toNestedRows(plane: ArrayLike<number>, height: number, width: number): number[][] {
  if (plane.length !== height * width) throw new RangeError(`invalid plane: length ${plane.length}, expected ${height}×${width}`);
  return Array.from({ length: height }, (_, y) => Array.from({ length: width }, (_, x) => plane[y * width + x]!));
}
