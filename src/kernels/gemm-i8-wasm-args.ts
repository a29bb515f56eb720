import { checkBRangeI8, checkDepthI8 } from "./gemm-i8-shape.ts";

/**
 * Argument checks of the int8 GEMM kernels' wrappers (kernels-wasm.ts): sizes, strides, and that
 * every operand lies inside the memory (`limit` bytes) where the kernel will read or write it.
 * Each throws `invalid ${name}: ${value} (…)`. Pointers are byte offsets; strides in elements.
 */

function size(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 0x7fffffff)
    throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ 1)`);
}

function stride(name: string, value: number, width: number): void {
  if (!Number.isInteger(value) || value < width || value > 0x7fffffff) {
    throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ the row width ${width})`);
  }
}

/** Where a rows × cols matrix of `bytes`-byte elements with row stride ld ends; its ptr must be aligned to `bytes`. */
function region(
  name: string,
  ptr: number,
  rows: number,
  cols: number,
  ld: number,
  bytes: number,
  limit: number,
): { start: number; end: number } {
  if (!Number.isInteger(ptr) || ptr < 0 || ptr % bytes !== 0) {
    throw new RangeError(`invalid ${name}: ${ptr} (expected a byte offset that is a multiple of ${bytes})`);
  }
  const end = ptr + ((rows - 1) * ld + cols) * bytes;
  if (end > limit)
    throw new RangeError(`invalid ${name}: ${ptr} (its ${rows}×${cols} elements end at byte ${end}, past the memory's ${limit})`);
  return { start: ptr, end };
}

function apart(name: string, block: { start: number; end: number }, others: Record<string, { start: number; end: number }>): void {
  for (const [other, o] of Object.entries(others)) {
    if (block.start < o.end && o.start < block.end) {
      throw new RangeError(
        `invalid ${name}: ${block.start} (its bytes ${block.start}..${block.end} overlap ${other} at ${o.start}..${o.end})`,
      );
    }
  }
}

export function checkPackedBBytesArgs(k: number, n: number): void {
  size("k", k);
  size("n", n);
  checkDepthI8(k);
}

/** gemm_i8_4x8_wasmrelaxedsimd_pack_b: also reads B to check its values are 7-bit (once per weight matrix, so affordable). */
export function checkPackBArgs(
  k: number,
  n: number,
  b: number,
  ldb: number,
  packed: number,
  packedBytes: number,
  memory: ArrayBufferLike,
): void {
  checkPackedBBytesArgs(k, n);
  stride("ldb", ldb, n);
  const limit = memory.byteLength;
  const bBlock = region("b", b, k, n, ldb, 1, limit);
  apart("packed", region("packed", packed, 1, packedBytes, 0, 1, limit), { b: bBlock });
  for (let p = 0; p < k; p++) checkBRangeI8(new Int8Array(memory, b + p * ldb, n), n, p);
}

export function checkGemmI8Args(
  m: number,
  n: number,
  k: number,
  a: number,
  lda: number,
  packed: number,
  packedBytes: number,
  c: number,
  ldc: number,
  limit: number,
): void {
  size("m", m);
  checkPackedBBytesArgs(k, n);
  stride("lda", lda, k);
  stride("ldc", ldc, n);
  const aBlock = region("a", a, m, k, lda, 1, limit);
  const packedBlock = region("packed", packed, 1, packedBytes, 0, 1, limit);
  apart("c", region("c", c, m, n, ldc, 4, limit), { a: aBlock, packed: packedBlock });
}

export function checkQuantizeArgs(
  m: number,
  k: number,
  x: number,
  ldx: number,
  q: number,
  ldq: number,
  scales: number,
  qmax: number,
  limit: number,
): void {
  size("m", m);
  size("k", k);
  stride("ldx", ldx, k);
  stride("ldq", ldq, k);
  if (!Number.isInteger(qmax) || qmax < 1 || qmax > 127) throw new RangeError(`invalid qmax: ${qmax} (expected an integer in 1..127)`);
  const xBlock = region("x", x, m, k, ldx, 4, limit);
  const qBlock = region("q", q, m, k, ldq, 1, limit);
  apart("q", qBlock, { x: xBlock });
  apart("scales", region("scales", scales, 1, m, 0, 4, limit), { x: xBlock, q: qBlock });
}

export function checkDequantizeArgs(
  m: number,
  n: number,
  cq: number,
  ldcq: number,
  rowScales: number,
  colScales: number,
  c: number,
  ldc: number,
  limit: number,
): void {
  size("m", m);
  size("n", n);
  stride("ldcq", ldcq, n);
  stride("ldc", ldc, n);
  region("cq", cq, m, n, ldcq, 4, limit);
  region("rowScales", rowScales, 1, m, 0, 4, limit);
  region("colScales", colScales, 1, n, 0, 4, limit);
  region("c", c, m, n, ldc, 4, limit);
}
