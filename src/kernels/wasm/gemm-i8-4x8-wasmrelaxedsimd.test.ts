import { describe, expect, it } from "vitest";
import { gemmF32ViaI8Ref, gemmI8Ref } from "../gemm-i8-ref.ts";
import { placeGemmI8Pipeline } from "../gemm-i8-pipeline.ts";
import { GEMM_I8_K_MAX } from "../gemm-i8-shape.ts";
import { kernelPoolJobs } from "../pool/kernel-jobs.ts";
import { SerialPool } from "../pool/serial-pool.ts";
import { dequantizeI32, QMAX_A, quantizeRowsI8 } from "../quantize-i8.ts";
import { mulberry32, randomF32 } from "../random.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa, type WasmKernels } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// gemm-i8-4x8-wasmrelaxedsimd (both builds: relaxed 8-bit dot with 4-deep groups, plain i16 dot with depth pairs)
// against gemmI8Ref, exactly, on shapes that are not multiples of the 4×8 tile or of either depth
// group, with extreme values (A = -128, B = -64 and 63) and padded strides whose padding holds
// values that would change C if read. The quantize and dequantize kernels against their
// TypeScript reference bit for bit, and the pool job split into bands against the whole pipeline.

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];

function setup(isa: WasmIsa): { kernels: WasmKernels; arena: WasmArena } {
  const kernels = instantiateKernels(BUILDS[isa], createSharedMemory(1));
  return { kernels, arena: new WasmArena(kernels.memory, kernels) };
}

/** `length` bytes from the arena, as an Int8Array view and a pointer. */
function bytes(arena: WasmArena, length: number) {
  const block = arena.allocF32(Math.ceil(length / 4));
  return { ptr: block.ptr, view: () => new Int8Array(arena.memory.buffer, block.ptr, length) };
}

function randomI8(length: number, seed: number, min: number, max: number): Int8Array {
  const next = mulberry32(seed);
  return Int8Array.from({ length }, () => min + Math.floor(next() * (max - min + 1)));
}

/** C from gemm_i8_4x8_wasmrelaxedsimd with lda = k + padA, ldc = n + padC; padding of A holds 127, of C a sentinel. */
function runGemmI8(isa: WasmIsa, m: number, n: number, k: number, a: Int8Array, b: Int8Array, padA = 0, padC = 0) {
  const { kernels, arena } = setup(isa);
  const lda = k + padA;
  const ldc = n + padC;
  const A = bytes(arena, m * lda);
  A.view().fill(127);
  for (let i = 0; i < m; i++) A.view().set(a.subarray(i * k, (i + 1) * k), i * lda);
  const B = bytes(arena, k * n);
  B.view().set(b);
  const packed = bytes(arena, kernels.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(k, n));
  kernels.gemm_i8_4x8_wasmrelaxedsimd_pack_b(k, n, B.ptr, n, packed.ptr);
  const C = arena.allocF32(m * ldc + 4);
  const cv = new Int32Array(arena.memory.buffer, C.ptr, m * ldc + 4);
  cv.fill(-7);
  kernels.gemm_i8_4x8_wasmrelaxedsimd(m, n, k, A.ptr, lda, packed.ptr, C.ptr, ldc);
  const c = new Int32Array(m * n);
  const untouched: number[] = [];
  for (let i = 0; i < m; i++) {
    c.set(cv.subarray(i * ldc, i * ldc + n), i * n);
    for (let j = n; j < ldc; j++) untouched.push(cv[i * ldc + j]!);
  }
  for (let g = 0; g < 4; g++) untouched.push(cv[m * ldc + g]!);
  return { c, untouched: untouched.every((v) => v === -7) };
}

// [m, n, k]
const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1],
  [1, 1, 2],
  [1, 1, 3],
  [4, 8, 4], // exactly one tile, one relaxed depth group
  [3, 7, 5], // smaller than a tile both ways, a depth tail of 1 (relaxed) and 1 (plain)
  [5, 9, 6], // a bottom edge of 1 row, a right edge of 1 column, relaxed tail of 2
  [7, 12, 7], // a 4-column right edge, relaxed tail of 3
  [13, 21, 33], // edges both ways, odd depth
  [9, 1, 130], // a single column
  [1, 17, 515], // a single row, long odd depth
  [33, 40, 64],
];

describe.each(ISAS)("gemm_i8_4x8_wasmrelaxedsimd (%s)", (isa) => {
  it.each(SHAPES)("m=%i n=%i k=%i equals the int32 reference exactly", (m, n, k) => {
    const a = randomI8(m * k, m * 7919 + k, -128, 127);
    const b = randomI8(k * n, n * 104729 + k, -64, 63);
    const expected = new Int32Array(m * n);
    gemmI8Ref({ m, n, k }, a, b, expected);
    expect(runGemmI8(isa, m, n, k, a, b).c).toEqual(expected);
  });

  it("is exact at the extremes of both ranges (A = -128, B = -64 and 63), where an i16 step would saturate", () => {
    const [m, n, k] = [6, 10, 37];
    const a = new Int8Array(m * k).fill(-128);
    const b = Int8Array.from({ length: k * n }, (_, i) => (i % 3 === 0 ? 63 : -64));
    const expected = new Int32Array(m * n);
    gemmI8Ref({ m, n, k }, a, b, expected);
    expect(runGemmI8(isa, m, n, k, a, b).c).toEqual(expected);
  });

  it("reads no padding of A and writes no padding of C (lda > k, ldc > n)", () => {
    const [m, n, k] = [7, 11, 9];
    const a = randomI8(m * k, 1, -128, 127);
    const b = randomI8(k * n, 2, -64, 63);
    const expected = new Int32Array(m * n);
    gemmI8Ref({ m, n, k }, a, b, expected);
    const { c, untouched } = runGemmI8(isa, m, n, k, a, b, 5, 3);
    expect(c).toEqual(expected);
    expect(untouched).toBe(true);
  });

  it("quantizes rows exactly as quantizeRowsI8 (scales, ties to even, zero rows, tails past 16)", () => {
    const { kernels, arena } = setup(isa);
    const [m, k] = [5, 37];
    const x = randomF32(m * k, 3);
    x.fill(0, k, 2 * k); // an all-zero row: scale 1, all q 0
    // Row 2: max |x| = 127 · 0.5, so x / scale is exact and the halves are ties.
    for (let p = 0; p < k; p++) x[2 * k + p] = ((p % 9) - 4 + 0.5) * 0.5;
    x[2 * k] = 63.5;
    const X = arena.allocF32(m * k);
    X.view().set(x);
    const Q = bytes(arena, m * k);
    const S = arena.allocF32(m);
    kernels.quantize_f32_i8_rows_wasmsimd(m, k, X.ptr, k, Q.ptr, k, S.ptr, QMAX_A);
    const expected = quantizeRowsI8(m, k, x, QMAX_A);
    expect(Q.view()).toEqual(expected.q);
    expect(S.view()).toEqual(expected.scales);
  });

  it("dequantizes exactly as dequantizeI32", () => {
    const { kernels, arena } = setup(isa);
    const [m, n] = [3, 11];
    const cq = Int32Array.from({ length: m * n }, (_, i) => (i * 2654435761) | 0);
    const rows = randomF32(m, 4).map(Math.abs);
    const cols = randomF32(n, 5).map(Math.abs);
    const CQ = arena.allocF32(m * n);
    new Int32Array(arena.memory.buffer, CQ.ptr, m * n).set(cq);
    const R = arena.allocF32(m);
    const K = arena.allocF32(n);
    const C = arena.allocF32(m * n);
    R.view().set(rows);
    K.view().set(cols);
    kernels.dequantize_i32_f32_wasmsimd(m, n, CQ.ptr, n, R.ptr, K.ptr, C.ptr, n);
    expect(C.view()).toEqual(dequantizeI32(m, n, cq, rows, cols));
  });
});

describe.each(ISAS)("gemm_i8_f32 pool job: quantize → int8 GEMM → dequantize (%s)", (isa) => {
  it.each([1, 2, 3])("over %i parts gives gemmF32ViaI8Ref's bits", (parts) => {
    const { kernels, arena } = setup(isa);
    // Three 32-row claims, the last a partial tile (71 = 17 tiles of 4 and 3 rows).
    const [m, n, k] = [4 * 17 + 3, 19, 45];
    const a = randomF32(m * k, 6);
    const b = randomF32(k * n, 7);
    const { at, counter, output } = placeGemmI8Pipeline(kernels, arena, { m, n, k }, a, b);
    const pool = new SerialPool(kernelPoolJobs, kernels, parts, "last-to-first");
    pool.run("gemm_i8_f32", at, parts);
    expect(output()).toEqual(gemmF32ViaI8Ref({ m, n, k }, a, b));
    // A second run over a cleared C: every row is claimed again once the counter is reset.
    new Float32Array(kernels.memory.buffer, at.c, m * n).fill(0);
    counter.reset();
    pool.run("gemm_i8_f32", at, parts);
    expect(output()).toEqual(gemmF32ViaI8Ref({ m, n, k }, a, b));
  });
});

describe("int8 kernel argument checks", () => {
  const { kernels, arena } = setup("wasmrelaxedsimd");
  const B = bytes(arena, 4 * 8);
  const packed = bytes(arena, kernels.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(4, 8));

  it("rejects a B value outside -64..63, naming its row and column", () => {
    B.view().fill(0);
    B.view()[8 + 3] = 64;
    expect(() => kernels.gemm_i8_4x8_wasmrelaxedsimd_pack_b(4, 8, B.ptr, 8, packed.ptr)).toThrow(/invalid b: 64 at row 1, column 3/);
    B.view()[8 + 3] = -65;
    expect(() => kernels.gemm_i8_4x8_wasmrelaxedsimd_pack_b(4, 8, B.ptr, 8, packed.ptr)).toThrow(/invalid b: -65/);
  });

  it("names the bad size, stride or operand", () => {
    B.view().fill(1);
    expect(() => kernels.gemm_i8_4x8_wasmrelaxedsimd_pack_b(4, 8, B.ptr, 8, B.ptr + 8)).toThrow(/invalid packed: .*overlap b/);
    expect(() => kernels.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(GEMM_I8_K_MAX + 1, 8)).toThrow(/invalid k: .*overflow/);
    expect(() => kernels.gemm_i8_4x8_wasmrelaxedsimd(0, 8, 4, B.ptr, 4, packed.ptr, 4096, 8)).toThrow(/invalid m: 0/);
    expect(() => kernels.gemm_i8_4x8_wasmrelaxedsimd(2, 8, 4, B.ptr, 3, packed.ptr, 4096, 8)).toThrow(/invalid lda: 3/);
    expect(() => kernels.gemm_i8_4x8_wasmrelaxedsimd(2, 8, 4, B.ptr, 4, packed.ptr, 4098, 8)).toThrow(/invalid c: 4098 .*multiple of 4/);
    expect(() => kernels.gemm_i8_4x8_wasmrelaxedsimd(2, 8, 4, B.ptr, 4, packed.ptr, 70000, 8)).toThrow(/invalid c: .*past the memory/);
    expect(() => kernels.quantize_f32_i8_rows_wasmsimd(2, 4, 4096, 4, 8192, 4, 8192, 127)).toThrow(/invalid scales: .*overlap q/);
    expect(() => kernels.quantize_f32_i8_rows_wasmsimd(2, 4, 4096, 4, 8192, 4, 9000, 128)).toThrow(/invalid qmax: 128/);
    expect(() => kernels.dequantize_i32_f32_wasmsimd(2, 4, 4096, 3, 8192, 8200, 9000, 4)).toThrow(/invalid ldcq: 3/);
  });
});
