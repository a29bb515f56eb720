import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gemmF32Ref } from "../gemm-f32-ref.ts";
import { randomF32 } from "../random.ts";
import { createSharedMemory, gemmF32KernelName, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { WasmArena } from "./wasm-arena.ts";

// gemm-f32-6x8-wasm-relaxed and gemm-f32-6x8-wasmsimd against gemmF32Ref on edge shapes: sizes not
// multiples of the 6×8 tile, 1×1×1, K = 1, N = 1, depths across the KC = 192 and NC = 512 blocks,
// and leading dimensions wider than the rows, with NaN in the padding (read, it would poison C)
// and a guard after C (written, it would change).

function loadBuild(file: string): Uint8Array<ArrayBuffer> {
  try {
    return readFileSync(new URL(`./build/${file}`, import.meta.url));
  } catch {
    throw new Error(`src/kernels/wasm/build/${file} is missing: run \`npm run build:wasm\``);
  }
}

const BUILDS: Record<WasmIsa, WebAssembly.Module> = {
  "wasm-relaxed": new WebAssembly.Module(loadBuild("kernels-relaxed.wasm")),
  wasmsimd: new WebAssembly.Module(loadBuild("kernels-simd.wasm")),
};

const U = 2 ** -24; // unit roundoff of f32

/**
 * Tolerance that grows with K: any order of summing K products, fused or not, is within
 * γ_K · Σ|a_ip·b_pj| of the exact dot product, γ_K = K·u / (1 − K·u) (Higham, Accuracy and
 * Stability of Numerical Algorithms, §3.1); the reference, exact to f64 then rounded to f32, adds
 * u·|c|. A missing or misplaced term is orders of magnitude above this.
 */
function gemmTolerance(m: number, n: number, k: number, a: Float32Array, b: Float32Array, ref: Float32Array): Float64Array {
  const gamma = (k * U) / (1 - k * U);
  const tol = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += Math.abs(a[i * k + p]! * b[p * n + j]!);
      tol[i * n + j] = gamma * s + U * Math.abs(ref[i * n + j]!) + 1e-30;
    }
  }
  return tol;
}

const GUARD = 8;
const SENTINEL = 1234.5;

/** Runs one GEMM through the wasm kernel with padded leading dimensions; returns C, dense. */
function runGemm(isa: WasmIsa, m: number, n: number, k: number, pads: readonly [number, number, number], seed: number) {
  const memory = createSharedMemory(1);
  const kernels = instantiateKernels(BUILDS[isa], memory);
  const arena = new WasmArena(memory, kernels.heapBase);
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
  kernels.gemm_f32(m, n, k, A.ptr, lda, B.ptr, ldb, C.ptr, ldc);
  const cv = C.view();
  const c = new Float32Array(m * n);
  const untouched: number[] = [];
  for (let i = 0; i < m; i++) {
    c.set(cv.subarray(i * ldc, i * ldc + n), i * n);
    for (let j = n; j < ldc; j++) untouched.push(cv[i * ldc + j]!);
  }
  for (let g = 0; g < GUARD; g++) untouched.push(cv[m * ldc + g]!);
  return { a, b, c, untouched };
}

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
  [23, 13, 192], // K = KC exactly
  [25, 31, 200], // K just past one depth block
  [31, 12, 385], // three depth blocks
  [50, 530, 40], // N past the NC = 512 column block, with a 2-column edge
  [37, 45, 450],
];

const PADS: ReadonlyArray<readonly [number, number, number]> = [
  [0, 0, 0],
  [3, 5, 7],
  [1, 8, 2],
];

describe.each(["wasm-relaxed", "wasmsimd"] as const)("%s gemm_f32", (isa) => {
  it(`is the ${gemmF32KernelName(isa)} micro-kernel`, () => {
    expect(gemmF32KernelName(isa)).toBe(isa === "wasm-relaxed" ? "gemm-f32-6x8-wasm-relaxed" : "gemm-f32-6x8-wasmsimd");
  });

  for (const [m, n, k] of SHAPES) {
    for (const pads of PADS) {
      it(`matches gemmF32Ref for m=${m} n=${n} k=${k}, lda/ldb/ldc = width + ${pads.join("/")}`, () => {
        const { a, b, c, untouched } = runGemm(isa, m, n, k, pads, m * 1000 + n * 10 + k);
        const ref = new Float32Array(m * n);
        gemmF32Ref({ m, n, k }, a, b, ref);
        const tol = gemmTolerance(m, n, k, a, b, ref);
        let worst = -Infinity;
        let where = -1;
        for (let i = 0; i < m * n; i++) {
          const excess = Math.abs(c[i]! - ref[i]!) - tol[i]!;
          if (!(excess <= worst)) {
            worst = Number.isNaN(excess) ? Infinity : excess;
            where = i;
          }
        }
        expect(worst, `C[${Math.floor(where / n)}][${where % n}] = ${c[where]}, expected ${ref[where]} ± ${tol[where]}`).toBeLessThanOrEqual(0);
        expect(untouched.every((v) => v === SENTINEL), "wrote outside C's rows").toBe(true);
      });
    }
  }

  // A partial edge must not load past its columns: with an operand flush against the end of the
  // memory, a 16-byte load of a 3-column remainder would trap. (K > KC makes C be re-read.)
  for (const last of ["a", "b", "c"] as const) {
    it(`reads and writes nothing past ${last.toUpperCase()} when it ends at the last byte of memory`, () => {
      const [m, n, k] = [7, 7, 200];
      const memory = createSharedMemory(1);
      const kernels = instantiateKernels(BUILDS[isa], memory);
      const arena = new WasmArena(memory);
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
      kernels.gemm_f32(m, n, k, ptr.a, k, ptr.b, n, ptr.c, n);
      const ref = new Float32Array(m * n);
      gemmF32Ref({ m, n, k }, a, b, ref);
      const c = f32.slice(ptr.c / 4, ptr.c / 4 + m * n);
      const tol = gemmTolerance(m, n, k, a, b, ref);
      expect(c.every((v, i) => Math.abs(v - ref[i]!) <= tol[i]!)).toBe(true);
    });
  }

  it("overwrites C rather than accumulating into it", () => {
    const memory = createSharedMemory(1);
    const kernels = instantiateKernels(BUILDS[isa], memory);
    const arena = new WasmArena(memory);
    const [m, n, k] = [9, 11, 400];
    const A = arena.allocF32(m * k);
    const B = arena.allocF32(k * n);
    const C = arena.allocF32(m * n);
    A.view().set(randomF32(m * k, 1));
    B.view().set(randomF32(k * n, 2));
    kernels.gemm_f32(m, n, k, A.ptr, k, B.ptr, n, C.ptr, n);
    const first = C.view().slice();
    C.view().fill(99);
    kernels.gemm_f32(m, n, k, A.ptr, k, B.ptr, n, C.ptr, n);
    expect(C.view()).toEqual(first);
  });
});

describe("gemm_f32 row splits", () => {
  it("gives bit-identical rows whether computed in one call or in bands at any row offset", () => {
    const memory = createSharedMemory(1);
    const kernels = instantiateKernels(BUILDS["wasm-relaxed"], memory);
    const arena = new WasmArena(memory);
    const [m, n, k] = [53, 37, 300];
    const A = arena.allocF32(m * k);
    const B = arena.allocF32(k * n);
    const whole = arena.allocF32(m * n);
    const split = arena.allocF32(m * n);
    A.view().set(randomF32(m * k, 5));
    B.view().set(randomF32(k * n, 6));
    kernels.gemm_f32(m, n, k, A.ptr, k, B.ptr, n, whole.ptr, n);
    const cuts = [0, 1, 8, 20, 33, 53];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [r0, r1] = [cuts[i]!, cuts[i + 1]!];
      kernels.gemm_f32(r1 - r0, n, k, A.ptr + r0 * k * 4, k, B.ptr, n, split.ptr + r0 * n * 4, n);
    }
    expect(new Uint32Array(split.view().buffer, split.ptr, m * n)).toEqual(new Uint32Array(whole.view().buffer, whole.ptr, m * n));
  });
});
