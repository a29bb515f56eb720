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
  /** Which build was chosen by feature detection: "wasmrelaxedsimd" or "wasmsimd". */
  isa: string;
  /** SHA-256 (hex) of the bytes of that build, so a results file names exactly what ran. */
  sha256: string;
}

async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
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
  const sha256 = await sha256Hex(isa === "wasmrelaxedsimd" ? relaxed : simd);
  return { module, memory, kernels, isa, sha256, arena: new WasmArena(memory, kernels) };
}
