import { describe, expect, it } from "vitest";
import {
  KERNELS_HEAP_BASE,
  MEMORY_INITIAL_PAGES,
  MEMORY_MAXIMUM_PAGES,
  WASM_PAGE_BYTES,
  compileKernels,
  createSharedMemory,
  instantiateKernels,
} from "./kernels-wasm.ts";
import { loadTestBuildBinaries } from "./test-builds.ts";

// The exports, their signatures and constants against the table: kernel-module-check.test.ts.
const { wasmrelaxedsimd: relaxed, wasmsimd: simd } = loadTestBuildBinaries();
/** The 8-byte header of an empty module followed by a section id no engine knows: never valid. */
const invalid = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x7f, 0x00]);

describe("compileKernels", () => {
  it("picks the relaxed-SIMD build when the engine validates it (Node 24 does)", () => {
    expect(WebAssembly.validate(relaxed)).toBe(true);
    const { module, isa } = compileKernels({ relaxed, simd });
    expect(isa).toBe("wasmrelaxedsimd");
    expect(WebAssembly.Module.exports(module)).toEqual(WebAssembly.Module.exports(new WebAssembly.Module(relaxed)));
  });

  it("falls back to the plain-SIMD build when the relaxed one does not validate", () => {
    expect(compileKernels({ relaxed: invalid, simd }).isa).toBe("wasmsimd");
  });

  it("throws a clear Error when neither build validates", () => {
    expect(() => compileKernels({ relaxed: invalid, simd: invalid })).toThrow(/SIMD/);
  });

  it("the two builds differ (FMA vs mul+add) and both import one shared env.memory", () => {
    expect(relaxed).not.toEqual(simd);
    for (const bytes of [relaxed, simd]) {
      expect(WebAssembly.Module.imports(new WebAssembly.Module(bytes))).toEqual([{ module: "env", name: "memory", kind: "memory" }]);
    }
  });
});

describe("createSharedMemory and instantiateKernels", () => {
  it("creates a shared memory with the declared limits", () => {
    const memory = createSharedMemory();
    expect(memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(memory.buffer.byteLength).toBe(MEMORY_INITIAL_PAGES * WASM_PAGE_BYTES);
    expect(MEMORY_MAXIMUM_PAGES * WASM_PAGE_BYTES).toBe(2 ** 30);
    expect(() => createSharedMemory(0)).toThrow(RangeError);
  });

  it("instantiates both builds on one memory, each reporting heap_base = KERNELS_HEAP_BASE", () => {
    const memory = createSharedMemory(1);
    for (const bytes of [relaxed, simd]) {
      const k = instantiateKernels(new WebAssembly.Module(bytes), memory);
      expect(k.heapBase).toBe(KERNELS_HEAP_BASE);
      expect(k.raw.heap_base()).toBe(KERNELS_HEAP_BASE);
    }
  });

  it("rejects a memory that is not shared", () => {
    const { module } = compileKernels({ relaxed, simd });
    const unshared = new WebAssembly.Memory({ initial: 1, maximum: MEMORY_MAXIMUM_PAGES });
    expect(() => instantiateKernels(module, unshared)).toThrow(WebAssembly.LinkError);
  });
});

describe("argument checks", () => {
  const memory = createSharedMemory(1);
  const k = instantiateKernels(compileKernels({ relaxed, simd }).module, memory);
  const base = KERNELS_HEAP_BASE;

  it("gemm_f32_6x8_wasmrelaxedsimd names the bad argument", () => {
    const ok = [4, 5, 6, base, 6, base + 4096, 5, base + 8192, 5] as const;
    expect(() => k.gemm_f32_6x8_wasmrelaxedsimd(...ok)).not.toThrow();
    const bad = (i: number, value: number, name: RegExp) => {
      const args: number[] = [...ok];
      args[i] = value;
      expect(() => (k.gemm_f32_6x8_wasmrelaxedsimd as (...a: number[]) => void)(...args)).toThrow(name);
    };
    bad(0, 0, /invalid m: 0/);
    bad(1, 1.5, /invalid n: 1.5/);
    bad(2, -1, /invalid k: -1/);
    bad(4, 5, /invalid lda: 5/);
    bad(6, 4, /invalid ldb: 4/);
    bad(3, base + 2, /invalid a: /);
    bad(7, WASM_PAGE_BYTES - 16, /invalid c: .*past the memory/);
    for (const i of [0, 4]) bad(i, NaN, RangeError as never);
  });

  it("conv2d_f32_im2col_gemm_wasmrelaxedsimd and im2col_f32_wasm check the geometry and the row range", () => {
    const geometry = [1, 1, 4, 4, 1, 3, 3, 1, 1] as const; // n c h w f kh kw stride pad → 16 rows
    const ptrs = [base, base + 256, base + 512, base + 768, base + 1024, base + 2048] as const;
    expect(() => k.conv2d_f32_im2col_gemm_wasmrelaxedsimd(...ptrs, ...geometry, 0, 16)).not.toThrow();
    expect(() => k.conv2d_f32_im2col_gemm_wasmrelaxedsimd(...ptrs, ...geometry, 3, 17)).toThrow(/invalid rowEnd: 17/);
    expect(() => k.conv2d_f32_im2col_gemm_wasmrelaxedsimd(...ptrs, ...geometry, -1, 2)).toThrow(/invalid rowStart: -1/);
    expect(() => k.conv2d_f32_im2col_gemm_wasmrelaxedsimd(...ptrs, 1, 1, 4, 4, 1, 7, 3, 1, 1, 0, 1)).toThrow(/invalid kernelH/);
    expect(() => k.conv2d_f32_im2col_gemm_wasmrelaxedsimd(...ptrs, 1, 1, 4, 4, 1, 3, 3, 0, 1, 0, 1)).toThrow(/invalid stride/);
    expect(() => k.im2col_f32_wasm(base, 1, 1, 4, 4, 3, 3, 1, 1, 4, 4, base + 1024, 0, 16)).not.toThrow();
    expect(() => k.im2col_f32_wasm(base, 1, 1, 4, 4, 3, 3, 1, 1, 3, 4, base + 1024, 0, 16)).toThrow(/invalid outH: 3/);
    expect(() => k.im2col_f32_wasm(base, 1, 1, 4, 4, 3, 3, 1, 1, 4, 4, WASM_PAGE_BYTES - 64, 0, 16)).toThrow(/invalid col/);
  });
});
