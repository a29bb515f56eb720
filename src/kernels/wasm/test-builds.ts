import { readFileSync } from "node:fs";
import type { WasmIsa } from "./kernels-wasm.ts";

/** The two kernel builds compiled in Node, by ISA, for unit tests (`npm run build:wasm` makes them). */
export function loadTestBuilds(): Record<WasmIsa, WebAssembly.Module> {
  const load = (file: string) => {
    try {
      return new WebAssembly.Module(readFileSync(new URL(`./build/${file}`, import.meta.url)));
    } catch (error) {
      throw new Error(`src/kernels/wasm/build/${file} is missing or invalid: run \`npm run build:wasm\` (${String(error)})`);
    }
  };
  return { "wasm-relaxed": load("kernels-relaxed.wasm"), wasmsimd: load("kernels-simd.wasm") };
}
