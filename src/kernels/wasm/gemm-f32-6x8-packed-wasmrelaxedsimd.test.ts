import { describe, expect, it } from "vitest";
import { expectGemmWithinTolerance } from "../gemm-test-support.ts";
import { gemmPackedWorkspaceBytes } from "../pool/gemm-f32-packed-job.ts";
import { kernelPoolJobs } from "../pool/kernel-jobs.ts";
import { SerialPool } from "../pool/serial-pool.ts";
import { randomF32 } from "../random.ts";
import { createSharedMemory, instantiateKernels, KERNELS_HEAP_BASE, WASM_PAGE_BYTES, type WasmIsa } from "./kernels-wasm.ts";
import { WASM_KERNELS } from "./kernel-table.ts";
import { runFlushGemm, runGemmInBands, runGemmTwice, runPaddedGemm, type WasmGemm } from "./gemm-wasm-test-support.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// gemm-f32-6x8-packed-wasmrelaxedsimd (both builds) against gemmF32IjkRef on edge shapes: sizes that are not
// multiples of the 6×8 tile, 1×1×1, K = 1, M = 1, N = 1, and every dimension at and just past its
// block (KC = 256 steps, MC = 72 rows, NC = 512 columns), alone and together; padded leading
// dimensions with NaN in the padding; a workspace full of NaN (a stale lane read would poison C);
// operands and the workspace flush against the end of memory (a read past them traps).

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];

/** The block sizes of gemm-f32-6x8-packed-wasmrelaxedsimd.ts (the build checks the table against it). */
const { KC, MC, NC } = WASM_KERNELS.gemm_f32_6x8_packed_wasmrelaxedsimd.constants;

/** gemm_f32_6x8_packed_wasmrelaxedsimd with a workspace of exactly the size it asks for, filled with NaN. */
const gemmPacked: WasmGemm = (k, arena, { m, n, k: depth }, at) => {
  const workspace = arena.allocF32(k.gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes(m, n, depth) / 4);
  workspace.view().fill(NaN);
  k.gemm_f32_6x8_packed_wasmrelaxedsimd(m, n, depth, at.a, at.lda, at.b, at.ldb, at.c, at.ldc, workspace.ptr);
};

// [m, n, k]
const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1],
  [7, 9, 1], // K = 1
  [13, 1, 17], // N = 1
  [1, 19, 5], // M = 1
  [6, 8, 4], // exactly one tile
  [5, 7, 3], // smaller than a tile both ways
  [3, 4, 5], // a 4-column edge
  [12, 13, 33], // a 5-column edge: two edge kernels
  [23, 13, KC], // K = KC exactly
  [25, 31, KC + 1], // one step past a depth block
  [31, 12, 2 * KC + 1], // three depth blocks
  [MC, 16, 20], // M = MC exactly
  [MC + 1, 20, 30], // one row past a row block
  [2 * MC + 7, 37, 40], // three row blocks, the last 6 + 1 rows
  [50, NC, 20], // N = NC exactly
  [9, NC + 5, 40], // past a column block, with a 5-column edge
  [10, 2 * NC + 6, 30], // three column blocks, with a 6-column edge
  [MC + 5, NC + 13, KC + 4], // past one block in every dimension at once
];

const PADS: ReadonlyArray<readonly [number, number, number]> = [
  [0, 0, 0],
  [3, 5, 7],
];

describe("gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes", () => {
  const k = instantiateKernels(BUILDS["wasmrelaxedsimd"], createSharedMemory(1));

  it("is (packed B block + packed A block) · 4 bytes, bounded by the block sizes however large the matrices", () => {
    expect(k.gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes(5, 7, 3)).toBe((3 * 8 + 5 * 3) * 4); // 7 columns → one 8-wide panel
    expect(k.gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes(100, 20, 300)).toBe((KC * 24 + MC * KC) * 4);
    const most = (KC * NC + MC * KC) * 4;
    expect(k.gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes(4096, 4096, 4096)).toBe(most);
    expect(most).toBe(584 * 1024);
  });

  it("names a bad size", () => {
    expect(() => k.gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes(0, 1, 1)).toThrow(/invalid m: 0/);
    expect(() => k.gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes(1, 1.5, 1)).toThrow(/invalid n: 1.5/);
  });
});

describe.each(ISAS)("gemm_f32_6x8_packed_wasmrelaxedsimd (%s)", (isa) => {
  for (const [m, n, k] of SHAPES) {
    for (const pads of PADS) {
      it(`matches gemmF32IjkRef for m=${m} n=${n} k=${k}, lda/ldb/ldc = width + ${pads.join("/")}`, () => {
        const s = { m, n, k };
        const { a, b, c, allUntouched } = runPaddedGemm(BUILDS[isa], gemmPacked, s, pads, m * 1000 + n * 10 + k);
        expectGemmWithinTolerance(s, a, b, c);
        expect(allUntouched, "wrote outside C's rows").toBe(true);
      });
    }
  }

  for (const last of ["a", "b", "c"] as const) {
    it(`reads and writes nothing past ${last.toUpperCase()} when it ends at the last byte of memory`, () => {
      const s = { m: 7, n: 7, k: KC + 10 };
      const { a, b, c } = runFlushGemm(BUILDS[isa], gemmPacked, s, last);
      expectGemmWithinTolerance(s, a, b, c);
    });
  }

  it("uses no byte past the workspace size it reports (workspace flush against the end of memory)", () => {
    const kernels = instantiateKernels(BUILDS[isa], createSharedMemory(2));
    const arena = new WasmArena(kernels.memory, kernels);
    const s = { m: 13, n: 21, k: KC + 3 }; // a 5-column edge panel, two depth blocks
    const a = randomF32(s.m * s.k, 3);
    const b = randomF32(s.k * s.n, 4);
    const A = arena.allocF32(a.length);
    const B = arena.allocF32(b.length);
    const C = arena.allocF32(s.m * s.n);
    A.view().set(a);
    B.view().set(b);
    const bytes = kernels.gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes(s.m, s.n, s.k);
    const workspace = kernels.memory.buffer.byteLength - bytes;
    expect(workspace % 16).toBe(0);
    kernels.gemm_f32_6x8_packed_wasmrelaxedsimd(s.m, s.n, s.k, A.ptr, s.k, B.ptr, s.n, C.ptr, s.n, workspace);
    expectGemmWithinTolerance(s, a, b, C.view().slice());
  });

  it("overwrites C rather than accumulating into it", () => {
    const { first, second } = runGemmTwice(BUILDS[isa], gemmPacked, { m: 9, n: 11, k: 2 * KC + 5 });
    expect(second).toEqual(first);
  });

  it("gives bit-identical rows whether computed in one call or in bands at any row offset", () => {
    const cuts = [0, 1, 8, 20, MC + 3, 2 * MC + 1, 2 * MC + 9];
    const { whole, banded } = runGemmInBands(BUILDS[isa], gemmPacked, { m: 2 * MC + 9, n: 37, k: KC + 44 }, cuts);
    expect(banded).toEqual(whole);
  });
});

describe("gemm_f32_6x8_packed_wasmrelaxedsimd pool job", () => {
  // Shapes with several column and depth blocks (the two packed-B buffers alternate), and a short
  // M that makes the threads split the columns too.
  it.each([
    [1, 2 * MC + 11, 45, KC + 20],
    [2, 2 * MC + 11, 45, KC + 20],
    [3, 2 * MC + 11, 45, KC + 20],
    [3, 40, NC + 13, 2 * KC + 7],
    [4, 7, 37, 9],
    [32, 128, 64, 40],
    [64, 13, 150, KC + 1],
  ])("over %i parts at %i×%i×%i, B packed once per block and shared, gives the single call's bits", (parts, m, n, k) => {
    const kernels = instantiateKernels(BUILDS["wasmrelaxedsimd"], createSharedMemory(64));
    const arena = new WasmArena(kernels.memory, kernels);
    const A = arena.allocF32(m * k);
    const B = arena.allocF32(k * n);
    const whole = arena.allocF32(m * n);
    const split = arena.allocF32(m * n);
    A.view().set(randomF32(m * k, 11));
    B.view().set(randomF32(k * n, 12));
    const workspace = arena.allocF32(gemmPackedWorkspaceBytes(m, n, k, parts) / 4);
    workspace.view().fill(NaN);
    kernels.gemm_f32_6x8_packed_wasmrelaxedsimd(m, n, k, A.ptr, k, B.ptr, n, whole.ptr, n, workspace.ptr);
    workspace.view().fill(NaN);
    const args = { m, n, k, a: A.ptr, lda: k, b: B.ptr, ldb: n, c: split.ptr, ldc: n, workspace: workspace.ptr };
    // Backwards, so a part that wrote into another's workspace or tile would be caught.
    new SerialPool(kernelPoolJobs, kernels, parts, "last-to-first").run("gemm_f32_6x8_packed_wasmrelaxedsimd", args, parts);
    expect(new Uint32Array(split.view().buffer, split.ptr, m * n)).toEqual(new Uint32Array(whole.view().buffer, whole.ptr, m * n));
  });
});

describe("gemm_f32_6x8_packed_wasmrelaxedsimd argument checks", () => {
  const k = instantiateKernels(BUILDS["wasmrelaxedsimd"], createSharedMemory(1));
  const base = KERNELS_HEAP_BASE;
  const [m, n, depth] = [4, 5, 6];
  const ws = base + 16384; // (6·8 + 4·6)·4 = 288 bytes
  const ok = [m, n, depth, base, depth, base + 4096, n, base + 8192, n, ws] as const;

  it("accepts a well-formed call", () => {
    expect(() => k.gemm_f32_6x8_packed_wasmrelaxedsimd(...ok)).not.toThrow();
  });

  it("names the bad argument", () => {
    const bad = (i: number, value: number, name: RegExp) => {
      const args: number[] = [...ok];
      args[i] = value;
      expect(() => (k.gemm_f32_6x8_packed_wasmrelaxedsimd as (...a: number[]) => void)(...args)).toThrow(name);
    };
    bad(0, 0, /invalid m: 0/);
    bad(4, 5, /invalid lda: 5/);
    bad(9, ws + 2, /invalid workspace: .*multiple of 4/);
    bad(9, WASM_PAGE_BYTES - 64, /invalid workspace: .*past the memory/);
    bad(9, base + 8192 + 16, /invalid workspace: .*overlap c/);
    bad(9, base + 4096 - 100, /invalid workspace: .*overlap b/);
  });
});
