import { describe, expect, it } from "vitest";
import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { gemmF32PackedJob, gemmThreadGrid } from "./gemm-f32-packed-job.ts";

/** What each part of the threaded GEMM packs and multiplies, counted through fake kernels. */
function countWork(size: number, parts: number) {
  const packedB = new Array<number>(parts).fill(0);
  const packedA = new Array<number>(parts).fill(0);
  const tiles = new Array<number>(parts).fill(0);
  let part = 0;
  const kernels = {
    gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b: (k: number, n: number) => void (packedB[part]! += k * n),
    gemm_f32_6x8_packed_wasmrelaxedsimd_block: (m: number, n: number, k: number) => {
      packedA[part]! += m * k;
      tiles[part]! += m * n;
    },
  } as unknown as WasmKernels;
  const args = { m: size, n: size, k: size, a: 0, lda: size, b: 0, ldb: size, c: 0, ldc: size, workspace: 0 };
  const steps = gemmF32PackedJob.steps!(args, parts);
  for (let step = 0; step < steps; step++) for (part = 0; part < parts; part++) gemmF32PackedJob.part(kernels, args, part, parts, step);
  return { packedB, packedA, tiles };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("gemmThreadGrid", () => {
  it.each([
    [1024, 2, 2, 1],
    [1024, 32, 32, 1],
    [128, 32, 16, 2],
    [128, 64, 16, 4],
    [7, 4, 2, 2],
    [5, 3, 1, 3],
  ])("M = %i on %i threads: %i row bands × %i column bands", (m, parts, rows, cols) => {
    expect(gemmThreadGrid(m, parts)).toEqual({ rows, cols });
  });
});

describe("the threaded packed GEMM's partition", () => {
  it.each([
    [1024, 2],
    [1024, 32],
    [128, 32],
    [512, 64],
  ])("%i³ on %i threads packs B once in all, an even share each, and gives every element of C to one thread", (size, parts) => {
    const { packedB, tiles } = countWork(size, parts);
    expect(sum(packedB)).toBe(size * size);
    expect(Math.max(...packedB)).toBeLessThanOrEqual(Math.ceil(size / 8 / parts) * 8 * size);
    // Each depth block adds once to every element of C: K/KC blocks of M·N.
    expect(sum(tiles)).toBe(size * size * Math.ceil(size / 256));
  });

  it("keeps every one of 32 threads busy on a 128³ product (22 row tiles: columns split too)", () => {
    const { tiles } = countWork(128, 32);
    expect(tiles.every((t) => t > 0)).toBe(true);
  });
});
