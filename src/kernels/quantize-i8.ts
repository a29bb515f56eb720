/**
 * Symmetric int8 quantization, the reference for src/kernels/wasm/assembly/gemm-i8-quantize.ts bit
 * for bit: every step is the float32 operation the WebAssembly does (Math.fround after each), and
 * rounding is half to even, as f32x4.nearest rounds.
 *
 * A value x of a row (or column) with scale s is stored as q = round(x / s), |q| ≤ qmax, and read
 * back as s·q: s = max|x| / qmax, so the largest value maps to ±qmax and the rounding error is at
 * most s/2. Per-row scales for the activations A (each row its own range), per-column for the
 * weights B (each output channel its own), as int8 inference libraries do.
 */

/** A's range: all of int8 but -128, so ±x quantize to ±q. */
export const QMAX_A = 127;
/** B's range: 7 bits, for the relaxed dot instruction (see gemm-i8-shape.ts). */
export const QMAX_B = 63;

export interface QuantizedI8 {
  q: Int8Array;
  /** One float32 scale per row (quantizeRowsI8) or per column (quantizeColumnsI8). */
  scales: Float32Array;
}

/** Rounds to the nearest integer, ties to even (f32x4.nearest). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function checkQmax(qmax: number): void {
  if (!Number.isInteger(qmax) || qmax < 1 || qmax > 127) throw new RangeError(`invalid qmax: ${qmax} (expected an integer in 1..127)`);
}

function checkMatrix(rows: number, cols: number, x: ArrayLike<number>): void {
  for (const [name, v] of [
    ["rows", rows],
    ["cols", cols],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`invalid ${name}: ${v} (expected an integer ≥ 1)`);
  }
  if (x.length !== rows * cols) throw new RangeError(`invalid x: length ${x.length}, expected ${rows}·${cols} = ${rows * cols}`);
}

/**
 * Quantizes `count` groups of `length` values each, value v of group g at x[g·groupStride +
 * v·valueStride]: a row is (stride cols, 1), a column (1, stride cols).
 */
function quantizeGroups(
  x: Float32Array,
  count: number,
  length: number,
  groupStride: number,
  valueStride: number,
  qmax: number,
): QuantizedI8 {
  const q = new Int8Array(x.length);
  const scales = new Float32Array(count);
  for (let g = 0; g < count; g++) {
    let peak = 0;
    for (let v = 0; v < length; v++) peak = Math.max(peak, Math.abs(x[g * groupStride + v * valueStride]!));
    scales[g] = peak > 0 ? Math.fround(peak / qmax) : 1;
    const inverse = peak > 0 ? Math.fround(qmax / peak) : 1;
    for (let v = 0; v < length; v++) {
      const at = g * groupStride + v * valueStride;
      q[at] = roundHalfEven(Math.fround(x[at]! * inverse));
    }
  }
  return { q, scales };
}

/** Each row of the rows × cols matrix x (row-major) quantized with its own scale. */
export function quantizeRowsI8(rows: number, cols: number, x: Float32Array, qmax: number): QuantizedI8 {
  checkMatrix(rows, cols, x);
  checkQmax(qmax);
  return quantizeGroups(x, rows, cols, cols, 1, qmax);
}

/** Each column of the rows × cols matrix x (row-major) quantized with its own scale. */
export function quantizeColumnsI8(rows: number, cols: number, x: Float32Array, qmax: number): QuantizedI8 {
  checkMatrix(rows, cols, x);
  checkQmax(qmax);
  return quantizeGroups(x, cols, rows, 1, cols, qmax);
}

/** c[i][j] = cq[i][j] · (rowScales[i] · colScales[j]) in float32, as dequantize_i32_f32_wasmsimd computes it. */
export function dequantizeI32(rows: number, cols: number, cq: Int32Array, rowScales: Float32Array, colScales: Float32Array): Float32Array {
  checkMatrix(rows, cols, cq);
  if (rowScales.length !== rows) throw new RangeError(`invalid rowScales: length ${rowScales.length}, expected ${rows}`);
  if (colScales.length !== cols) throw new RangeError(`invalid colScales: length ${colScales.length}, expected ${cols}`);
  const c = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) c[i * cols + j] = Math.fround(cq[i * cols + j]!) * Math.fround(rowScales[i]! * colScales[j]!);
  }
  return c;
}

/**
 * The most a dequantized product can differ from the exact product of the unquantized A and B, for
 * depth k and the largest row scale of A and column scale of B. Each term a·b becomes (a+εa)(b+εb)
 * with |εa| ≤ sa/2, |εb| ≤ sb/2, |a| ≤ qmaxA·sa and |b + εb| ≤ qmaxB·sb, so it errs by at most
 * (qmaxA + qmaxB)·sa·sb/2; k of them add up. A little slack covers the float32 rounding of x/s
 * (relative 2⁻²⁰) and of the dequantization (three roundings of a value ≤ k·qmaxA·qmaxB·sa·sb).
 */
export function quantizedGemmErrorBound(k: number, maxRowScaleA: number, maxColScaleB: number, qmaxA = QMAX_A, qmaxB = QMAX_B): number {
  const unit = k * maxRowScaleA * maxColScaleB;
  return unit * (((qmaxA + qmaxB) / 2) * (1 + 2 ** -20) + 4 * 2 ** -24 * qmaxA * qmaxB);
}

export interface QuantizationError {
  /** Largest |approx − exact|. */
  maxAbs: number;
  /** maxAbs relative to the largest |exact|. */
  maxRelative: number;
  /** Mean |approx − exact| relative to the mean |exact|. */
  meanRelative: number;
}

/** How far `approx` is from `exact`, element by element, summarized. */
export function quantizationError(exact: Float32Array, approx: Float32Array): QuantizationError {
  if (exact.length !== approx.length || exact.length === 0) {
    throw new RangeError(`invalid approx: length ${approx.length}, expected ${exact.length} (≥ 1)`);
  }
  let maxAbs = 0;
  let sumAbs = 0;
  let maxExact = 0;
  let sumExact = 0;
  for (let i = 0; i < exact.length; i++) {
    const e = Math.abs(approx[i]! - exact[i]!);
    maxAbs = Math.max(maxAbs, e);
    sumAbs += e;
    maxExact = Math.max(maxExact, Math.abs(exact[i]!));
    sumExact += Math.abs(exact[i]!);
  }
  return { maxAbs, maxRelative: maxAbs / maxExact, meanRelative: sumAbs / sumExact };
}
