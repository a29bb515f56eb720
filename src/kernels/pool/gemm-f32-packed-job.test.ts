import { describe, expect, it } from "vitest";
import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { gemmColumnBands, gemmF32PackedJob, gemmPackedWorkspaceBytes } from "./gemm-f32-packed-job.ts";

/**
 * Runs the threaded GEMM's parts on fake kernels that record what each part packs and multiplies,
 * and which elements of C each step multiplies how often. `concurrent`: a part's first multiply
 * call runs the next part's step inside it, as if that thread claimed while this one computed, so
 * the claims interleave as on real threads; otherwise the parts take their steps one after another.
 */
function countWork(size: number, parts: number, concurrent: boolean) {
  const packedB = new Array<number>(parts).fill(0);
  const tiles = new Array<number>(parts).fill(0);
  const args = { m: size, n: size, k: size, a: 0, lda: size, b: 0, ldb: size, c: 0, ldc: size, workspace: 0 };
  const steps = gemmF32PackedJob.steps!(args, parts);
  const covered = Array.from({ length: steps }, () => new Uint8Array(size * size));
  const stack: number[] = [];
  let step = 0;
  let started = new Set<number>();
  const runPart = (part: number) => {
    stack.push(part);
    gemmF32PackedJob.part(kernels, args, part, parts, step);
    stack.pop();
  };
  const kernels = {
    memory: { buffer: new ArrayBuffer(gemmPackedWorkspaceBytes(size, size, size, parts)) },
    gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b: (k: number, n: number) => void (packedB[stack.at(-1)!]! += k * n),
    gemm_f32_6x8_packed_wasmrelaxedsimd_block: (m: number, n: number, _k: number, _a: number, _lda: number, _b: number, c: number) => {
      const part = stack.at(-1)!;
      tiles[part]! += m * n;
      const [row, col] = [Math.floor(c / 4 / size), (c / 4) % size];
      for (let r = row; r < row + m; r++) for (let j = col; j < col + n; j++) covered[step]![r * size + j]!++;
      if (concurrent && !started.has(part + 1) && part + 1 < parts) {
        started.add(part + 1);
        runPart(part + 1);
      }
    },
  } as unknown as WasmKernels;
  for (step = 0; step < steps; step++) {
    started = new Set([0]);
    runPart(0);
    for (let part = 1; part < parts; part++) if (!started.has(part)) runPart(part);
  }
  return { packedB, tiles, covered };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("gemmColumnBands", () => {
  it.each([
    [1024, 2, 1],
    [1024, 32, 1],
    [1024, 64, 1],
    [128, 32, 3],
    [128, 64, 6],
    [7, 4, 4],
  ])("M = %i on %i threads: %i column band(s)", (m, parts, bands) => {
    expect(gemmColumnBands(m, parts)).toBe(bands);
  });
});

describe("the threaded packed GEMM's partition", () => {
  it.each([
    [1024, 2, false],
    [1024, 2, true],
    [1024, 32, true],
    [128, 32, true],
    [512, 64, true],
    [100, 3, false],
  ])(
    "%i³ on %i threads (claims interleaved: %s) packs B once, an even share each, and multiplies every element of C once per depth block",
    (size, parts, concurrent) => {
      const { packedB, covered } = countWork(size, parts, concurrent);
      expect(sum(packedB)).toBe(size * size);
      expect(Math.max(...packedB)).toBeLessThanOrEqual(Math.ceil(size / 8 / parts) * 8 * size);
      // Step 0 only packs; every later step multiplies one block of B, KC deep and NC wide, once.
      const depthBlocks = Math.ceil(size / 256);
      const columnBlocks = Math.ceil(size / 512);
      expect(covered[0]!.every((x) => x === 0)).toBe(true);
      for (let block = 0; block < depthBlocks * columnBlocks; block++) {
        const jc = Math.floor(block / depthBlocks) * 512;
        const inBlock = (i: number) => i % size >= jc && i % size < jc + 512;
        expect(covered[block + 1]!.every((x, i) => x === (inBlock(i) ? 1 : 0))).toBe(true);
      }
    },
  );

  it("spreads the tiles over every one of 32 threads claiming together on a 128³ product (22 row tiles: columns split too)", () => {
    const { tiles } = countWork(128, 32, true);
    expect(tiles.every((t) => t > 0)).toBe(true);
  });

  it("lets a thread that claims first take all the tiles when the others are late", () => {
    const { tiles } = countWork(256, 4, false);
    expect(tiles.slice(1)).toEqual([0, 0, 0]);
    expect(tiles[0]).toBe(256 * 256);
  });
});
