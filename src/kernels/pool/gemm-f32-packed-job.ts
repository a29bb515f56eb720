import { GEMM_F32_MR, GEMM_F32_NR, type WasmKernels } from "../wasm/kernels-wasm.ts";
import { WASM_KERNELS } from "../wasm/kernel-table.ts";
import { arenaBytes } from "../wasm/wasm-arena.ts";
import type { ArgValues } from "./job-args.ts";
import { forEachGuidedChunk } from "./claim-chunks.ts";
import { claimCounterAt } from "./claim-counter.ts";
import { splitRows } from "./pool-control.ts";
import { poolJob } from "./pool-job.ts";

/** The packed GEMM's block sizes (gemm-f32-6x8-packed-wasmrelaxedsimd.ts): depth KC, rows of A MC, columns of B NC. */
const { KC, MC, NC } = WASM_KERNELS.gemm_f32_6x8_packed_wasmrelaxedsimd.constants;

/** C (m × n) = A (m × k) · B (k × n): byte offsets, row strides in elements, and the workspace (gemmPackedWorkspaceBytes). */
export const GEMM_PACKED_ARGS = {
  m: "i32",
  n: "i32",
  k: "i32",
  a: "i32",
  lda: "i32",
  b: "i32",
  ldb: "i32",
  c: "i32",
  ldc: "i32",
  workspace: "i32",
} as const;
type GemmPackedArgs = ArgValues<typeof GEMM_PACKED_ARGS>;

const roundUp = (x: number, to: number) => Math.ceil(x / to) * to;
/** Floats of one packed block of B: KC steps × NC columns at most, in whole 8-wide panels. */
const packedBFloats = (n: number, k: number) => Math.min(KC, k) * roundUp(Math.min(NC, n), GEMM_F32_NR);
/** Floats of one thread's packed block of A, rounded to 16 bytes so the next one stays aligned. */
const packedAFloats = (m: number, k: number) => roundUp(Math.min(MC, m) * Math.min(KC, k), 4);

/** Bytes that hold the job's claim counter on a cache line of its own, wherever the workspace starts. */
const COUNTER_BYTES = 2 * 64;

/** Byte offsets of a workspace's parts on `parts` threads: two blocks of B, one block of A per thread, the counter. */
function workspaceLayout(m: number, n: number, k: number, parts: number, workspace: number) {
  const f32 = Float32Array.BYTES_PER_ELEMENT;
  const aBlocks = workspace + 2 * packedBFloats(n, k) * f32;
  const counterBlock = aBlocks + parts * packedAFloats(m, k) * f32;
  return {
    aBlock: (part: number) => aBlocks + part * packedAFloats(m, k) * f32,
    counter: roundUp(counterBlock, 64),
    end: counterBlock + COUNTER_BYTES,
  };
}

/**
 * Bytes of workspace the job needs on `parts` threads: two blocks of B (the threads multiply one
 * while they pack the next), one block of A per thread, and the counter the threads claim tiles
 * from. One thread uses the kernel's own layout (gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes),
 * which fits in the same bytes.
 */
export function gemmPackedWorkspaceBytes(m: number, n: number, k: number, parts: number): number {
  return workspaceLayout(m, n, k, parts, 0).end;
}

/** Arena bytes of A, B, C and the workspace for `parts` threads, in that order (as the GEMM benchmarks and planGemm lay them out). */
export function gemmPackedArenaBytes(m: number, n: number, k: number, parts: number): number {
  return arenaBytes(m * k, k * n, m * n, gemmPackedWorkspaceBytes(m, n, k, parts) / 4);
}

/**
 * How many bands C's columns are cut into, besides its row tiles: one while the row tiles give
 * every thread several claims, more when M is short, so every thread still has work (32 threads
 * on M = 128, 22 tiles: 3 bands, 66 tiles to claim).
 */
export function gemmColumnBands(m: number, parts: number): number {
  return Math.ceil((2 * parts) / Math.ceil(m / GEMM_F32_MR));
}

/** Depth blocks per column block, and blocks in all: blocks run column block by column block, depth inside (the single-thread order). */
function blockCounts(n: number, k: number): { depth: number; total: number } {
  const depth = Math.ceil(k / KC);
  return { depth, total: Math.ceil(n / NC) * depth };
}

/** Where block `index` lies in B and C, and which of the two packed-B buffers holds it. */
function blockAt(a: GemmPackedArgs, index: number): { jc: number; nc: number; pc: number; kc: number; packed: number } {
  const { depth } = blockCounts(a.n, a.k);
  const jc = Math.floor(index / depth) * NC;
  const pc = (index % depth) * KC;
  const packed = a.workspace + (index & 1) * packedBFloats(a.n, a.k) * Float32Array.BYTES_PER_ELEMENT;
  return { jc, nc: Math.min(NC, a.n - jc), pc, kc: Math.min(KC, a.k - pc), packed };
}

/** Part `part`'s share of packing block `index` of B: a contiguous run of its 8-wide panels. */
function packBlock(kernels: WasmKernels, a: GemmPackedArgs, index: number, part: number, parts: number): void {
  const { jc, nc, pc, kc, packed } = blockAt(a, index);
  const [start, end] = splitRows(nc, part, parts, GEMM_F32_NR);
  if (start === end) return;
  const f32 = Float32Array.BYTES_PER_ELEMENT;
  kernels.gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b(
    kc,
    end - start,
    a.b + (pc * a.ldb + jc + start) * f32,
    a.ldb,
    packed + start * kc * f32,
  );
}

/**
 * Part `part`'s share of C times block `index` of B (packed by all parts): row tiles of one column
 * band at a time, claimed from the job's counter (forEachGuidedChunk), their rows of A packed into
 * the part's own A block. Claimed, not fixed: a thread on a core the system lends elsewhere for a
 * moment, or on a slower core, multiplies fewer tiles instead of making the others wait for it.
 */
function multiplyBlock(kernels: WasmKernels, a: GemmPackedArgs, index: number, part: number, parts: number): void {
  const { jc, nc, pc, kc, packed } = blockAt(a, index);
  const layout = workspaceLayout(a.m, a.n, a.k, parts, a.workspace);
  const tiles = Math.ceil(a.m / GEMM_F32_MR);
  const bands = gemmColumnBands(a.m, parts);
  const items = tiles * bands; // tile t of band b is item b · tiles + t
  const f32 = Float32Array.BYTES_PER_ELEMENT;
  const counter = claimCounterAt(kernels.memory.buffer, layout.counter);
  forEachGuidedChunk(counter, index * items, (index + 1) * items, parts, (first, end) => {
    for (let item = first; item < end; ) {
      const band = Math.floor(item / tiles);
      const t0 = item % tiles;
      const t1 = Math.min(tiles, t0 + end - item);
      item += t1 - t0;
      const [c0, c1] = splitRows(nc, band, bands, GEMM_F32_NR);
      if (c0 === c1) continue;
      const r0 = t0 * GEMM_F32_MR;
      kernels.gemm_f32_6x8_packed_wasmrelaxedsimd_block(
        Math.min(a.m, t1 * GEMM_F32_MR) - r0,
        c1 - c0,
        kc,
        a.a + (r0 * a.lda + pc) * f32,
        a.lda,
        packed + c0 * kc * f32,
        a.c + (r0 * a.ldc + jc + c0) * f32,
        a.ldc,
        layout.aBlock(part),
        pc > 0 ? 1 : 0,
      );
    }
  });
}

/**
 * The packed GEMM split over threads, BLIS style: every block of B (KC × NC) is packed once, by
 * all the threads together (each a run of panels), and shared; after a barrier the threads claim
 * C's row tiles and multiply them by it, each packing the rows of A it claimed into its own
 * buffer. Step s multiplies block s − 1 and packs block s into the other buffer, so one barrier per
 * block suffices: nobody repacks a buffer before every thread has passed the barrier after the
 * block it held. Step 0 also resets the counter (only part 0, before the barrier any claim waits
 * behind). One thread runs gemm_f32_6x8_packed_wasmrelaxedsimd itself, in one step. Every element
 * of C sums its depth blocks in the same order as the single call, whoever multiplies its tile, so
 * any split gives the same bits.
 */
export const gemmF32PackedJob = poolJob(
  GEMM_PACKED_ARGS,
  (kernels, a, part, parts, step = 0) => {
    if (parts === 1) {
      kernels.gemm_f32_6x8_packed_wasmrelaxedsimd(a.m, a.n, a.k, a.a, a.lda, a.b, a.ldb, a.c, a.ldc, a.workspace);
      return;
    }
    if (step === 0 && part === 0) {
      Atomics.store(claimCounterAt(kernels.memory.buffer, workspaceLayout(a.m, a.n, a.k, parts, a.workspace).counter), 0, 0);
    }
    if (step > 0) multiplyBlock(kernels, a, step - 1, part, parts);
    if (step < blockCounts(a.n, a.k).total) packBlock(kernels, a, step, part, parts);
  },
  (a, parts) => (parts === 1 ? 1 : blockCounts(a.n, a.k).total + 1),
);
