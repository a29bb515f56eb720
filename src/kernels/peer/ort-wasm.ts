/// <reference lib="webworker" />
import type * as OrtTypes from "onnxruntime-web/wasm";
import ortModuleUrl from "onnxruntime-web/wasm?url";
import ortWasmUrl from "onnxruntime-web/ort-wasm-simd-threaded.wasm?url";

/**
 * onnxruntime-web's WebAssembly execution provider (MLAS inside, SIMD, threads), the second peer
 * our kernels race. Imported dynamically by the variants that use it, so only benchmarks that
 * compare load it, and only inside the runner worker.
 *
 * Both files come from this site: Vite copies ORT's wasm-only ES module (the Emscripten glue is
 * inside it) and its one build, ort-wasm-simd-threaded.wasm, from node_modules. Its pthread
 * workers start from the same module URL, so they are same-origin and cross-origin isolated too.
 */
export type Ort = typeof OrtTypes;

/**
 * ORT reads env.wasm.numThreads once, when its first session starts its WebAssembly instance,
 * and sizes one thread pool for every later session; setting it again changes nothing. So each
 * thread count gets its own copy of the library: the module imported from its URL plus a query
 * naming the count is a separate module instance, with its own env, instance and pool.
 */
async function startOrt(threads: number): Promise<Ort> {
  const url = new URL(ortModuleUrl, self.location.href);
  url.searchParams.set("threads", String(threads));
  const ort: Ort = await import(/* @vite-ignore */ url.href);
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.proxy = false; // we are already in a worker: run on this thread, as tfjs does
  ort.env.wasm.wasmPaths = { wasm: new URL(ortWasmUrl, self.location.href).href };
  return ort;
}

/** Copies of the library in this worker, by thread count, as the promise of their import. */
const copies = new Map<number, Promise<Ort>>();

/** onnxruntime-web set to run on exactly `threads` threads (its wasm starts with the first session). */
export function useOrtWasm(threads: number): Promise<Ort> {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`invalid threads: ${threads} (expected an integer ≥ 1)`);
  if (threads > 1 && !self.crossOriginIsolated) {
    throw new Error("onnxruntime-web on more than 1 thread needs shared memory (a cross-origin isolated page)");
  }
  let copy = copies.get(threads);
  if (!copy) {
    copy = startOrt(threads);
    copies.set(threads, copy);
  }
  return copy;
}
