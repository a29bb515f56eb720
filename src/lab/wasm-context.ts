import relaxedUrl from "../kernels/wasm/build/kernels-relaxed.wasm?url";
import simdUrl from "../kernels/wasm/build/kernels-simd.wasm?url";
import { compileKernels, createSharedMemory, instantiateKernels, type WasmKernels } from "../kernels/wasm/kernels-wasm.ts";
import { WasmArena } from "../kernels/wasm/wasm-arena.ts";

/** The WebAssembly side of a run: one compiled module, one shared memory, this thread's instance. */
export interface WasmContext {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  kernels: WasmKernels;
  arena: WasmArena;
  /** Which build was chosen by feature detection: "wasm-relaxed" or "wasmsimd". */
  isa: string;
}

async function bytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Loads both kernel builds (same origin), keeps the best this browser validates. */
export async function loadWasmContext(): Promise<WasmContext> {
  const [relaxed, simd] = await Promise.all([bytes(relaxedUrl), bytes(simdUrl)]);
  const { module, isa } = compileKernels({ relaxed, simd });
  const memory = createSharedMemory();
  const kernels = instantiateKernels(module, memory);
  return { module, memory, kernels, isa, arena: new WasmArena(memory, kernels) };
}
