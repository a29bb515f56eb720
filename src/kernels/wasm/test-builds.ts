import { readFileSync } from "node:fs";
import type { WasmIsa } from "./kernels-wasm.ts";

const FILES: Record<WasmIsa, string> = { wasmrelaxedsimd: "kernels-relaxed.wasm", wasmsimd: "kernels-simd.wasm" };

/** The bytes of the two kernel builds, by ISA, for unit tests (`npm run build:wasm` makes them). */
export function loadTestBuildBinaries(): Record<WasmIsa, Uint8Array<ArrayBuffer>> {
  const load = (isa: WasmIsa) => {
    try {
      return readFileSync(new URL(`./build/${FILES[isa]}`, import.meta.url));
    } catch (error) {
      throw new Error(`src/kernels/wasm/build/${FILES[isa]} is missing: run \`npm run build:wasm\` (${String(error)})`);
    }
  };
  return { wasmrelaxedsimd: load("wasmrelaxedsimd"), wasmsimd: load("wasmsimd") };
}

/** The two kernel builds compiled in Node, by ISA, for unit tests. */
export function loadTestBuilds(): Record<WasmIsa, WebAssembly.Module> {
  const binaries = loadTestBuildBinaries();
  const compile = (isa: WasmIsa) => {
    try {
      return new WebAssembly.Module(binaries[isa]);
    } catch (error) {
      throw new Error(`src/kernels/wasm/build/${FILES[isa]} is invalid: run \`npm run build:wasm\` (${String(error)})`);
    }
  };
  return { wasmrelaxedsimd: compile("wasmrelaxedsimd"), wasmsimd: compile("wasmsimd") };
}
