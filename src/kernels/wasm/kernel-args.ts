import { convShape, type ConvShape } from "../conv-shape.ts";

/**
 * The argument checks the WebAssembly kernels' wrappers are built from (kernel-table.ts). Each
 * throws a RangeError `invalid ${name}: ${value} (…)` naming the bad argument; `limit` is the
 * memory's current size in bytes. Pointers are byte offsets.
 */

/** A count ≥ 1 that fits an i32. */
export function size(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 0x7fffffff) {
    throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ 1)`);
  }
}

/** A row stride in elements, ≥ the row width. */
export function leading(name: string, value: number, width: number): void {
  if (!Number.isInteger(value) || value < width || value > 0x7fffffff) {
    throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ the row width ${width})`);
  }
}

/** A rows × cols f32 matrix with row stride ld at byte offset ptr must lie inside the memory. */
export function matrix(name: string, ptr: number, rowCount: number, cols: number, ld: number, limit: number): void {
  if (!Number.isInteger(ptr) || ptr < 0 || ptr % 4 !== 0) {
    throw new RangeError(`invalid ${name}: ${ptr} (expected a byte offset that is a multiple of 4; 16 is fastest)`);
  }
  const end = ptr + ((rowCount - 1) * ld + cols) * 4;
  if (end > limit) {
    throw new RangeError(`invalid ${name}: ${ptr} (its ${rowCount}×${cols} floats end at byte ${end}, past the memory's ${limit})`);
  }
}

/** The sizes, leading dimensions and extents of C (m×n) = A (m×k) · B (k×n), as gemm_f32_6x8_wasmrelaxedsimd takes them. */
export function gemmOperands(
  m: number,
  n: number,
  k: number,
  a: number,
  lda: number,
  b: number,
  ldb: number,
  c: number,
  ldc: number,
  limit: number,
): void {
  size("m", m);
  size("n", n);
  size("k", k);
  leading("lda", lda, k);
  leading("ldb", ldb, n);
  leading("ldc", ldc, n);
  matrix("a", a, m, k, lda, limit);
  matrix("b", b, k, n, ldb, limit);
  matrix("c", c, m, n, ldc, limit);
}

/** A scratch block of `length` bytes at `ptr` must not overlap any operand (ptr, rows, cols, ld). */
export function apart(
  name: string,
  ptr: number,
  length: number,
  operands: Record<string, readonly [number, number, number, number]>,
): void {
  for (const [operand, [start, rowCount, cols, ld]] of Object.entries(operands)) {
    const end = start + ((rowCount - 1) * ld + cols) * 4;
    if (ptr < end && start < ptr + length) {
      throw new RangeError(`invalid ${name}: ${ptr} (its ${length} bytes overlap ${operand} at ${start}..${end})`);
    }
  }
}

/** n float64 at byte offset ptr (a multiple of 8, as a Float64Array view needs) must lie inside the memory. */
export function f64Vector(name: string, ptr: number, n: number, limit: number): void {
  if (!Number.isInteger(ptr) || ptr < 0 || ptr % 8 !== 0) {
    throw new RangeError(`invalid ${name}: ${ptr} (expected a byte offset that is a multiple of 8)`);
  }
  if (ptr + n * 8 > limit) {
    throw new RangeError(`invalid ${name}: ${ptr} (its ${n} doubles end at byte ${ptr + n * 8}, past the memory's ${limit})`);
  }
}

/** `length` bytes at byte offset ptr (any alignment) must lie inside the memory. */
export function byteBlock(name: string, ptr: number, length: number, limit: number): void {
  if (!Number.isInteger(ptr) || ptr < 0 || ptr + length > limit) {
    throw new RangeError(`invalid ${name}: ${ptr} (expected a byte offset whose ${length} bytes end inside the memory's ${limit})`);
  }
}

/** Byte ranges [ptr, ptr + length) that must not overlap; names the later of the first pair that does. */
export function disjoint(blocks: Record<string, readonly [number, number]>): void {
  const entries = Object.entries(blocks);
  for (const [i, [name, [ptr, length]]] of entries.entries()) {
    for (const [other, [start, otherLength]] of entries.slice(0, i)) {
      if (ptr < start + otherLength && start < ptr + length) {
        throw new RangeError(`invalid ${name}: ${ptr} (its ${length} bytes overlap ${other} at ${start}..${start + otherLength})`);
      }
    }
  }
}

/** Two height × width u8 planes at src and dst, inside the memory and apart, and a range of rows. */
export function median3x3Operands(
  src: number,
  dst: number,
  height: number,
  width: number,
  rowStart: number,
  rowEnd: number,
  limit: number,
): void {
  size("height", height);
  size("width", width);
  rows(rowStart, rowEnd, height);
  const pixels = height * width;
  byteBlock("src", src, pixels, limit);
  byteBlock("dst", dst, pixels, limit);
  disjoint({ src: [src, pixels], dst: [dst, pixels] });
}

/** Rows [rowStart, rowEnd) of `count`. */
export function rows(rowStart: number, rowEnd: number, count: number): void {
  if (!Number.isInteger(rowStart) || rowStart < 0 || rowStart > count) {
    throw new RangeError(`invalid rowStart: ${rowStart} (expected an integer in 0..${count})`);
  }
  if (!Number.isInteger(rowEnd) || rowEnd < rowStart || rowEnd > count) {
    throw new RangeError(`invalid rowEnd: ${rowEnd} (expected an integer in ${rowStart}..${count})`);
  }
}

/** Elements [start, end) of a vector: 0 ≤ start ≤ end, both 32-bit. */
export function elementRange(start: number, end: number): void {
  if (!Number.isInteger(start) || start < 0 || start > 0x7fffffff) {
    throw new RangeError(`invalid start: ${start} (expected an integer ≥ 0)`);
  }
  if (!Number.isInteger(end) || end < start || end > 0x7fffffff) {
    throw new RangeError(`invalid end: ${end} (expected an integer ≥ start = ${start})`);
  }
}

/** The output size a caller restates (outH, outW) must be the geometry's. */
export function convOutput(outH: number, outW: number, s: ConvShape): void {
  if (outH !== s.outH) throw new RangeError(`invalid outH: ${outH}, expected ${s.outH}`);
  if (outW !== s.outW) throw new RangeError(`invalid outW: ${outW}, expected ${s.outW}`);
}

/** The convolution geometry (convShape), with an im2col matrix that fits the 32-bit memory. */
export function conv(
  n: number,
  c: number,
  h: number,
  w: number,
  f: number,
  kh: number,
  kw: number,
  stride: number,
  pad: number,
): ConvShape {
  const s = convShape({
    batch: n,
    channels: c,
    height: h,
    width: w,
    filters: f,
    kernelH: kh,
    kernelW: kw,
    stride,
    padding: pad,
  });
  if (s.cols * Math.max(s.patch, f) > 0x1fffffff) {
    throw new RangeError(`invalid batch: ${n} (the im2col matrix of ${s.cols}×${s.patch} floats exceeds the 32-bit memory)`);
  }
  return s;
}
