import { describe, expect, it } from "vitest";
import { expectGemmWithinTolerance } from "../gemm-test-support.ts";
import { WASM_KERNELS } from "./kernel-table.ts";
import { runFlushGemm, runGemmInBands, runGemmTwice, runPaddedGemm, type WasmGemm } from "./gemm-wasm-test-support.ts";
import { loadTestBuilds } from "./test-builds.ts";

// gemm-f32-6x8-wasmrelaxedsimd in both builds (one FMA per multiply-add in the relaxed one, a multiply
// and an add in the plain-SIMD one) against gemmF32IjkRef on edge shapes: sizes not multiples of the 6×8 tile, 1×1×1, K = 1, N = 1, depths across the KC = 192 and NC = 512 blocks,
// and leading dimensions wider than the rows, with NaN in the padding (read, it would poison C)
// and a guard after C (written, it would change).

const BUILDS = loadTestBuilds();
/** The block sizes of gemm-f32-6x8-wasmrelaxedsimd.ts (the build checks the table against it). */
const { KC, NC } = WASM_KERNELS.gemm_f32_6x8_wasmrelaxedsimd.constants;

/** gemm_f32_6x8_wasmrelaxedsimd as the shared harnesses run it. */
const gemmF32: WasmGemm = (k, _arena, { m, n, k: depth }, at) =>
  k.gemm_f32_6x8_wasmrelaxedsimd(m, n, depth, at.a, at.lda, at.b, at.ldb, at.c, at.ldc);

// [m, n, k]
const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1],
  [7, 9, 1], // K = 1
  [13, 1, 17], // N = 1
  [1, 19, 5], // M = 1
  [6, 8, 4], // exactly one tile
  [5, 7, 3], // smaller than a tile both ways
  [3, 4, 5], // a 4-column edge
  [12, 16, 33],
  [23, 13, KC], // K = KC exactly
  [25, 31, KC + 8], // K just past one depth block
  [31, 12, 2 * KC + 1], // three depth blocks
  [50, NC + 18, 40], // N past the NC column block, with a 2-column edge
  [37, 45, 450],
];

const PADS: ReadonlyArray<readonly [number, number, number]> = [
  [0, 0, 0],
  [3, 5, 7],
  [1, 8, 2],
];

describe.each(["wasmrelaxedsimd", "wasmsimd"] as const)("gemm_f32_6x8_wasmrelaxedsimd, %s build", (isa) => {
  for (const [m, n, k] of SHAPES) {
    for (const pads of PADS) {
      it(`matches gemmF32IjkRef for m=${m} n=${n} k=${k}, lda/ldb/ldc = width + ${pads.join("/")}`, () => {
        const s = { m, n, k };
        const { a, b, c, allUntouched } = runPaddedGemm(BUILDS[isa], gemmF32, s, pads, m * 1000 + n * 10 + k);
        expectGemmWithinTolerance(s, a, b, c);
        expect(allUntouched, "wrote outside C's rows").toBe(true);
      });
    }
  }

  // A partial edge must not load past its columns: with an operand flush against the end of the
  // memory, a 16-byte load of a 3-column remainder would trap. (K > KC makes C be re-read.)
  for (const last of ["a", "b", "c"] as const) {
    it(`reads and writes nothing past ${last.toUpperCase()} when it ends at the last byte of memory`, () => {
      const s = { m: 7, n: 7, k: 200 };
      const { a, b, c } = runFlushGemm(BUILDS[isa], gemmF32, s, last);
      expectGemmWithinTolerance(s, a, b, c);
    });
  }

  it("overwrites C rather than accumulating into it", () => {
    const { first, second } = runGemmTwice(BUILDS[isa], gemmF32, { m: 9, n: 11, k: 400 });
    expect(second).toEqual(first);
  });
});

describe("gemm_f32_6x8_wasmrelaxedsimd row splits", () => {
  it("gives bit-identical rows whether computed in one call or in bands at any row offset", () => {
    const { whole, banded } = runGemmInBands(BUILDS["wasmrelaxedsimd"], gemmF32, { m: 53, n: 37, k: 300 }, [0, 1, 8, 20, 33, 53]);
    expect(banded).toEqual(whole);
  });
});
