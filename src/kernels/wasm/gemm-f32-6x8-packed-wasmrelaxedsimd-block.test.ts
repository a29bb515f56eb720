import { describe, expect, it } from "vitest";
import { expectGemmWithinTolerance } from "../gemm-test-support.ts";
import { gemmF32IjkRef } from "../gemm-f32-ijk-ref.ts";
import { randomF32 } from "../random.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { WASM_KERNELS } from "./kernel-table.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// The two pieces the threaded GEMM builds on, in both builds: gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b against a plain
// reference of the panel layout (odd widths, a last panel narrower than 8, padded ldb), and
// gemm_f32_6x8_packed_wasmrelaxedsimd_block against gemmF32IjkRef on edge shapes (1×1×1, sizes off the 6×8 tile, m past
// MC, k = KC), overwriting and accumulating, with NaN in every byte it must not read.

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];
const { KC, MC } = WASM_KERNELS.gemm_f32_6x8_packed_wasmrelaxedsimd.constants;
const NR = 8;

/** The panel layout by definition: panel j/8 holds columns j … j+7 of every row, row after row; lanes past n stay as they were. */
function packBRef(k: number, n: number, b: Float32Array, ldb: number, packed: Float32Array): void {
  for (let p = 0; p < k; p++) {
    for (let j = 0; j < n; j++) packed[Math.floor(j / NR) * k * NR + p * NR + (j % NR)] = b[p * ldb + j]!;
  }
}

describe.each(ISAS)("gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b (%s)", (isa) => {
  it.each([
    [1, 1, 1],
    [3, 8, 8],
    [5, 13, 17],
    [KC, 37, 40],
  ])("packs k = %i, n = %i (ldb %i) as the reference lays it out", (k, n, ldb) => {
    const kernels = instantiateKernels(BUILDS[isa], createSharedMemory(8));
    const arena = new WasmArena(kernels.memory, kernels);
    const floats = k * Math.ceil(n / NR) * NR;
    const B = arena.allocF32(k * ldb);
    const packed = arena.allocF32(floats);
    B.view().set(randomF32(k * ldb, 3));
    packed.view().fill(NaN);
    kernels.gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b(k, n, B.ptr, ldb, packed.ptr);
    const expected = new Float32Array(floats).fill(NaN);
    packBRef(k, n, B.view(), ldb, expected);
    expect(packed.view()).toEqual(expected);
  });
});

describe.each(ISAS)("gemm_f32_6x8_packed_wasmrelaxedsimd_block (%s)", (isa) => {
  it.each([
    { m: 1, n: 1, k: 1 },
    { m: 7, n: 13, k: 5 },
    { m: MC + 5, n: 21, k: KC },
    { m: 12, n: 16, k: 33 },
  ])("gives C = A·B and C += A·B within tolerance at $m×$n×$k", ({ m, n, k }) => {
    const kernels = instantiateKernels(BUILDS[isa], createSharedMemory(16));
    const arena = new WasmArena(kernels.memory, kernels);
    const a = randomF32(m * k, 5);
    const b = randomF32(k * n, 6);
    const A = arena.allocF32(m * k);
    const B = arena.allocF32(k * n);
    const packed = arena.allocF32(k * Math.ceil(n / NR) * NR);
    const C = arena.allocF32(m * n);
    const workspace = arena.allocF32(Math.min(MC, m) * k);
    A.view().set(a);
    B.view().set(b);
    packed.view().fill(NaN);
    workspace.view().fill(NaN);
    kernels.gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b(k, n, B.ptr, n, packed.ptr);
    C.view().fill(NaN); // overwritten, never read
    kernels.gemm_f32_6x8_packed_wasmrelaxedsimd_block(m, n, k, A.ptr, k, packed.ptr, C.ptr, n, workspace.ptr, 0);
    expectGemmWithinTolerance({ m, n, k }, a, b, C.view().slice());

    // Accumulating onto a known C: C0 + A·B, checked as the product of [A | 1]·[B ; C0] would be.
    const c0 = randomF32(m * n, 7);
    C.view().set(c0);
    kernels.gemm_f32_6x8_packed_wasmrelaxedsimd_block(m, n, k, A.ptr, k, packed.ptr, C.ptr, n, workspace.ptr, 1);
    const product = new Float32Array(m * n);
    gemmF32IjkRef({ m, n, k }, a, b, product);
    const got = C.view();
    for (let i = 0; i < m * n; i++) expect(Math.abs(got[i]! - (c0[i]! + product[i]!))).toBeLessThan(4 * k * 2 ** -24 * (k + 1) + 1e-6);
  });

  it("refuses a depth past one block, naming k", () => {
    const kernels = instantiateKernels(BUILDS[isa], createSharedMemory(16));
    expect(() => kernels.gemm_f32_6x8_packed_wasmrelaxedsimd_block(1, 1, KC + 1, 1024, KC + 1, 8192, 16384, 1, 20480, 0)).toThrow(
      /invalid k: 257/,
    );
  });
});
