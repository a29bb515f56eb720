import { createSharedMemory, instantiateKernels } from "../kernels/wasm/kernels-wasm.ts";
import { loadTestBuilds } from "../kernels/wasm/test-builds.ts";
import { WasmArena } from "../kernels/wasm/wasm-arena.ts";
import type { WasmContext } from "./wasm-context.ts";

/** For tests in Node: what the runner worker gives a variant, on the plain-SIMD build. */
export function testWasmContext(pages: number): WasmContext {
  const module = loadTestBuilds().wasmsimd;
  const memory = createSharedMemory(pages);
  const kernels = instantiateKernels(module, memory);
  return { module, memory, kernels, arena: new WasmArena(memory, kernels), isa: "wasmsimd", sha256: "not hashed in tests" };
}
