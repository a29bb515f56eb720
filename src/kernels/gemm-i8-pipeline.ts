import { forEachClaimedChunk } from "./pool/claim-chunks.ts";
import { ClaimCounter, claimCounterAt } from "./pool/claim-counter.ts";
import type { WasmKernels } from "./wasm/kernels-wasm.ts";
import type { GemmShape } from "./gemm-shape.ts";
import { arenaBytes, type WasmArena } from "./wasm/wasm-arena.ts";
import { QMAX_A, QMAX_B, quantizeColumnsI8 } from "./quantize-i8.ts";
import type { ArgType } from "./pool/job-args.ts";

/** Rows of the int8 tile (GEMM_I8_MR in gemm-i8-4x8-wasmrelaxedsimd.ts): bands of rows split on multiples of it. */
export const GEMM_I8_MR = 4;

/** Rows a thread claims at once: 8 tiles, so 512 rows make 16 claims and a slower core simply claims fewer. */
const CLAIM_ROWS = 8 * GEMM_I8_MR;

/** Where the int8 pipeline's operands are in the shared memory (byte offsets; all dense). */
export interface GemmI8PipelineArgs {
  m: number;
  n: number;
  k: number;
  /** A, m × k float32. */
  x: number;
  /** A quantized, m × k int8 (scratch). */
  q: number;
  /** A's row scales, m float32 (scratch). */
  rowScales: number;
  /** B quantized per column (qmax 63) and packed by gemm_i8_4x8_wasmrelaxedsimd_pack_b. */
  packed: number;
  /** B's column scales, n float32. */
  colScales: number;
  /** The int32 products, m × n (scratch). */
  cq: number;
  /** C, m × n float32. */
  c: number;
  /** The counter the parts claim rows from (ClaimCounter.ptr), reset before each run. */
  counter: number;
}

/** The pool job's arguments (gemm_i8_f32). */
export const GEMM_I8_PIPELINE_ARGS = {
  m: "i32",
  n: "i32",
  k: "i32",
  x: "i32",
  q: "i32",
  rowScales: "i32",
  packed: "i32",
  colScales: "i32",
  cq: "i32",
  c: "i32",
  counter: "i32",
} as const satisfies Record<keyof GemmI8PipelineArgs, ArgType>;

/**
 * A part of C ≈ A·B the int8 way, for float32 A arriving at run time and B quantized and packed
 * beforehand (weights): for each block of CLAIM_ROWS rows it claims, quantize them, multiply them
 * in int8 with int32 sums, dequantize them. Per-row scales make every step row-local, so the parts
 * never wait for each other, and any split gives the same bits.
 */
export function gemmI8PipelinePart(
  kernels: WasmKernels,
  { m, n, k, x, q, rowScales, packed, colScales, cq, c, counter }: GemmI8PipelineArgs,
): void {
  forEachClaimedChunk(claimCounterAt(kernels.memory.buffer, counter), m, CLAIM_ROWS, (start, end) => {
    const rows = end - start;
    const band = { q: q + start * k, scales: rowScales + start * 4, cq: cq + start * n * 4 };
    kernels.quantize_f32_i8_rows_wasmsimd(rows, k, x + start * k * 4, k, band.q, k, band.scales, QMAX_A);
    kernels.gemm_i8_4x8_wasmrelaxedsimd(rows, n, k, band.q, k, packed, band.cq, n);
    kernels.dequantize_i32_f32_wasmsimd(rows, n, band.cq, n, band.scales, colScales, c + start * n * 4, n);
  });
}

/** Arena bytes placeGemmI8Pipeline takes for shape s (`kernels` knows the packed B's size). */
export function gemmI8PipelineArenaBytes(kernels: WasmKernels, { m, n, k }: GemmShape): number {
  const bytes = (length: number) => Math.ceil(length / 4);
  return (
    arenaBytes(m * k, bytes(k * n), bytes(kernels.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(k, n)), n, m * n, bytes(m * k), m, m * n) +
    ClaimCounter.arenaBytes
  );
}

/**
 * Lays out the pipeline for C ≈ A·B in the shared memory from the arena's current top: A as float32,
 * B quantized per column (qmax 63) and packed once — the weights' one-time preparation, outside any
 * timed region — and the scratch the job needs. Returns the job's operands and a reader for C.
 */
export function placeGemmI8Pipeline(
  kernels: WasmKernels,
  arena: WasmArena,
  s: GemmShape,
  a: Float32Array,
  b: Float32Array,
): { at: GemmI8PipelineArgs; counter: ClaimCounter; output(): Float32Array } {
  const { m, n, k } = s;
  const bytes = (length: number) => arena.allocF32(Math.ceil(length / 4)).ptr;
  const x = arena.allocF32(m * k);
  x.view().set(a);
  const qb = quantizeColumnsI8(k, n, b, QMAX_B);
  const bq = bytes(k * n);
  new Int8Array(kernels.memory.buffer, bq, k * n).set(qb.q);
  const packed = bytes(kernels.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(k, n));
  kernels.gemm_i8_4x8_wasmrelaxedsimd_pack_b(k, n, bq, n, packed);
  const colScales = arena.allocF32(n);
  colScales.view().set(qb.scales);
  const c = arena.allocF32(m * n);
  const q = bytes(m * k);
  const rowScales = arena.allocF32(m).ptr;
  const cq = arena.allocF32(m * n).ptr;
  const counter = new ClaimCounter(arena);
  const at = {
    m,
    n,
    k,
    x: x.ptr,
    q,
    rowScales,
    packed,
    colScales: colScales.ptr,
    cq,
    c: c.ptr,
    counter: counter.ptr,
  };
  return { at, counter, output: () => c.view().slice() };
}
