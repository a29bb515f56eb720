import { describe, expect, it } from "vitest";
import type { WasmIsa } from "./kernels-wasm.ts";
import { kernelModuleMismatches } from "./kernel-module-check.ts";
import { arg } from "./kernel-spec.ts";
import { MODULE_CONSTANTS, WASM_KERNELS } from "./kernel-table.ts";
import { loadTestBuildBinaries } from "./test-builds.ts";

const BINARIES = loadTestBuildBinaries();
const ISAS = Object.keys(BINARIES) as WasmIsa[];

describe.each(ISAS)("kernelModuleMismatches, %s build", (isa) => {
  const binary = BINARIES[isa];

  it("finds none between the build and the table", () => {
    expect(kernelModuleMismatches(binary)).toEqual([]);
  });

  it("detects a tile constant that differs between TypeScript and AssemblyScript", () => {
    const table = {
      ...WASM_KERNELS,
      gemm_f32_6x8_wasmrelaxedsimd: {
        ...WASM_KERNELS.gemm_f32_6x8_wasmrelaxedsimd,
        constants: { ...WASM_KERNELS.gemm_f32_6x8_wasmrelaxedsimd.constants, MR: 5 },
      },
    };
    expect(kernelModuleMismatches(binary, table)).toEqual(["gemm_f32_6x8_wasmrelaxedsimd_mr() is 6 in the module, 5 in kernel-table.ts"]);
  });

  it("detects a module constant that differs (heap_base)", () => {
    expect(kernelModuleMismatches(binary, WASM_KERNELS, { ...MODULE_CONSTANTS, heap_base: 2048 })).toEqual([
      "heap_base() is 1024 in the module, 2048 in kernel-table.ts",
    ]);
  });

  it("detects an export missing from the table and an entry missing from the module", () => {
    const { triad_f32_wasmrelaxedsimd, ...withoutTriad } = WASM_KERNELS;
    expect(kernelModuleMismatches(binary, withoutTriad)).toEqual(["triad_f32_wasmrelaxedsimd is exported but not in kernel-table.ts"]);
    expect(kernelModuleMismatches(binary, { ...WASM_KERNELS, triad_f64: triad_f32_wasmrelaxedsimd })).toEqual([
      "triad_f64 is in kernel-table.ts but not exported (src/kernels/wasm/assembly/index.ts)",
    ]);
  });

  it("detects a constant the module does not export", () => {
    const table = { ...WASM_KERNELS, triad_f32_wasmrelaxedsimd: { ...WASM_KERNELS.triad_f32_wasmrelaxedsimd, constants: { UNROLL: 4 } } };
    expect(kernelModuleMismatches(binary, table)).toEqual([
      "triad_f32_wasmrelaxedsimd_unroll is in kernel-table.ts but not exported (src/kernels/wasm/assembly/index.ts)",
    ]);
  });

  it("detects arguments or a result that do not match the export's signature", () => {
    const [a, b, c, , start, end] = WASM_KERNELS.triad_f32_wasmrelaxedsimd.args;
    const table = {
      ...WASM_KERNELS,
      triad_f32_wasmrelaxedsimd: { ...WASM_KERNELS.triad_f32_wasmrelaxedsimd, args: [a, b, c, arg.index("scalar"), start, end] },
      collatz_steps_wasm: { ...WASM_KERNELS.collatz_steps_wasm, result: "i32" as const },
    };
    expect(kernelModuleMismatches(binary, table)).toEqual([
      "triad_f32_wasmrelaxedsimd is (i32, i32, i32, f32, i32, i32) → void in the module, (i32, i32, i32, i32, i32, i32) → void in kernel-table.ts",
      "collatz_steps_wasm is (i32, i32) → f64 in the module, (i32, i32) → i32 in kernel-table.ts",
    ]);
  });
});
