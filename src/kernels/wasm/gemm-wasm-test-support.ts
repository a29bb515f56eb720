import { expect } from "vitest";
import type { GemmShape } from "../gemm-shape.ts";
import { randomF32 } from "../random.ts";
import { createSharedMemory, instantiateKernels, type WasmKernels } from "./kernels-wasm.ts";
import { WasmArena } from "./wasm-arena.ts";

// Harnesses shared by the tests of the WebAssembly GEMM drivers (gemm_f32_6x8_wasmrelaxedsimd, gemm_f32_6x8_packed_wasmrelaxedsimd): lay
// the operands out in a fresh shared memory in ways that expose stray reads and writes, run one
// driver, hand back C dense for comparison with the reference.

/** Where a GEMM's operands are: byte offsets, leading dimensions in elements. */
export interface GemmOperands {
  a: number;
  lda: number;
  b: number;
  ldb: number;
  c: number;
  ldc: number;
}

/** Runs one driver on operands already in memory; `arena` serves any scratch it needs. */
export type WasmGemm = (kernels: WasmKernels, arena: WasmArena, s: GemmShape, at: GemmOperands) => void;

const GUARD = 8;
const SENTINEL = 1234.5;

/**
 * One GEMM with leading dimensions wider than the rows by `pads` (lda, ldb, ldc): NaN fills the
 * padding of A and B (read, it would poison C) and SENTINEL the padding of C and a guard after it
 * (written, it would change). Returns the inputs, C dense, and whether all of those are untouched.
 */
export function runPaddedGemm(
  module: WebAssembly.Module,
  gemm: WasmGemm,
  s: GemmShape,
  pads: readonly [number, number, number],
  seed: number,
) {
  const { m, n, k } = s;
  const kernels = instantiateKernels(module, createSharedMemory(1));
  const arena = new WasmArena(kernels.memory, kernels);
  const [lda, ldb, ldc] = [k + pads[0], n + pads[1], n + pads[2]];
  const a = randomF32(m * k, seed);
  const b = randomF32(k * n, seed + 1);
  const A = arena.allocF32(m * lda);
  const B = arena.allocF32(k * ldb);
  const C = arena.allocF32(m * ldc + GUARD);
  A.view().fill(NaN);
  B.view().fill(NaN);
  C.view().fill(SENTINEL);
  for (let i = 0; i < m; i++) A.view().set(a.subarray(i * k, (i + 1) * k), i * lda);
  for (let p = 0; p < k; p++) B.view().set(b.subarray(p * n, (p + 1) * n), p * ldb);
  gemm(kernels, arena, s, { a: A.ptr, lda, b: B.ptr, ldb, c: C.ptr, ldc });
  const cv = C.view();
  const c = new Float32Array(m * n);
  const untouched: number[] = [];
  for (let i = 0; i < m; i++) {
    c.set(cv.subarray(i * ldc, i * ldc + n), i * n);
    for (let j = n; j < ldc; j++) untouched.push(cv[i * ldc + j]!);
  }
  for (let g = 0; g < GUARD; g++) untouched.push(cv[m * ldc + g]!);
  return { a, b, c, allUntouched: untouched.every((v) => v === SENTINEL) };
}

/**
 * One dense GEMM with operand `last` flush against the end of the memory, so a load or store past
 * its last byte traps. The driver's scratch comes from the arena, below the operands' end.
 */
export function runFlushGemm(module: WebAssembly.Module, gemm: WasmGemm, s: GemmShape, last: "a" | "b" | "c") {
  const { m, n, k } = s;
  const kernels = instantiateKernels(module, createSharedMemory(1));
  const memory = kernels.memory;
  const arena = new WasmArena(memory, kernels);
  const end = memory.buffer.byteLength;
  const size = { a: m * k, b: k * n, c: m * n };
  const ptr = { a: 0, b: 0, c: 0 };
  for (const name of ["a", "b", "c"] as const) {
    ptr[name] = name === last ? end - size[name] * 4 : arena.allocF32(size[name]).ptr;
  }
  const f32 = new Float32Array(memory.buffer);
  const a = randomF32(size.a, 7);
  const b = randomF32(size.b, 8);
  f32.set(a, ptr.a / 4);
  f32.set(b, ptr.b / 4);
  gemm(kernels, arena, s, { a: ptr.a, lda: k, b: ptr.b, ldb: n, c: ptr.c, ldc: n });
  expect(memory.buffer.byteLength, "the memory grew, so the operand was no longer flush").toBe(end);
  return { a, b, c: new Float32Array(memory.buffer).slice(ptr.c / 4, ptr.c / 4 + m * n) };
}

/** Dense operands in a fresh memory: A and B random from `seed`, C zero. */
function placeDenseGemm(module: WebAssembly.Module, s: GemmShape, seed: number) {
  const { m, n, k } = s;
  const kernels = instantiateKernels(module, createSharedMemory(1));
  const arena = new WasmArena(kernels.memory, kernels);
  const A = arena.allocF32(m * k);
  const B = arena.allocF32(k * n);
  const C = arena.allocF32(m * n);
  A.view().set(randomF32(m * k, seed));
  B.view().set(randomF32(k * n, seed + 1));
  return { kernels, arena, at: { a: A.ptr, lda: k, b: B.ptr, ldb: n, c: C.ptr, ldc: n }, C };
}

/** C after one call, and after a second call on a C first filled with garbage (must be equal). */
export function runGemmTwice(module: WebAssembly.Module, gemm: WasmGemm, s: GemmShape) {
  const { kernels, arena, at, C } = placeDenseGemm(module, s, 1);
  gemm(kernels, arena, s, at);
  const first = C.view().slice();
  C.view().fill(99);
  gemm(kernels, arena, s, at);
  return { first, second: C.view().slice() };
}

/**
 * C's bits computed in one call, and computed in bands of rows [cuts[i], cuts[i+1]) — one call per
 * band, as threads split the work (must be bit-identical).
 */
export function runGemmInBands(module: WebAssembly.Module, gemm: WasmGemm, s: GemmShape, cuts: readonly number[]) {
  const { kernels, arena, at, C } = placeDenseGemm(module, s, 5);
  gemm(kernels, arena, s, at);
  const whole = new Uint32Array(C.view().buffer.slice(C.ptr, C.ptr + s.m * s.n * 4));
  C.view().fill(0);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [r0, r1] = [cuts[i]!, cuts[i + 1]!];
    gemm(kernels, arena, { ...s, m: r1 - r0 }, { ...at, a: at.a + r0 * at.lda * 4, c: at.c + r0 * at.ldc * 4 });
  }
  return { whole, banded: new Uint32Array(C.view().buffer.slice(C.ptr, C.ptr + s.m * s.n * 4)) };
}
