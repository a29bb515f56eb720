/// <reference lib="webworker" />
import * as tf from "@tensorflow/tfjs-core";
import { getThreadsCount, setThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import plainUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import simdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import threadedSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";
import threadedSimdFactory from "@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js";
import threadedSimdSource from "@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?raw";
import { onEndPeerThreads } from "./peer-threads.ts";
import { tfjsMaxThreads, type TfjsWasmIsa } from "./tfjs-wasm-builds.ts";

/**
 * TensorFlow.js's WebAssembly backend (XNNPACK inside), the peer our kernels race. This module is
 * imported dynamically by the variants that use it, so only benchmarks that compare load it, and
 * only inside the runner worker.
 *
 * Every .wasm file comes from this site (Vite copies them from node_modules). The threaded build's
 * pthread workers are not separate files: tfjs starts them from blob: URLs it makes from scripts
 * bundled with it (see the factory text below). A blob URL is same-origin, and a worker started
 * from one inherits this worker's cross-origin isolation, so COEP is satisfied.
 */
// tfjs insists on a path for all three builds; the plain (no SIMD) one is never fetched here.
setWasmPaths({
  "tfjs-backend-wasm.wasm": plainUrl,
  "tfjs-backend-wasm-simd.wasm": simdUrl,
  "tfjs-backend-wasm-threaded-simd.wasm": threadedSimdUrl,
});

/**
 * tfjs starts each pthread worker from the text of the threaded build's Emscripten factory:
 * "var WasmBackendModuleThreadedSimd = " + factory.toString(). Once our bundle is minified, that
 * function shares renamed names with its enclosing scope and its text no longer runs on its own
 * (ReferenceError in every pthread). So its text becomes the published, unminified file, which
 * declares the same global and runs standalone in a worker.
 */
const FACTORY_HEAD = "var WasmBackendModuleThreadedSimd = ";
const factoryText = threadedSimdSource.trimStart();
if (!factoryText.startsWith(FACTORY_HEAD)) throw new Error("tfjs-backend-wasm changed how its threaded build starts: update tfjs-wasm.ts");
Object.defineProperty(threadedSimdFactory, "toString", { value: () => factoryText.slice(FACTORY_HEAD.length) });

type Tf = typeof tf;

// Both flags are read once, before we ever override them to pick a build.
const support = Promise.all([tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"), tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT")]);

/**
 * tfjs sizes its pool as min(requested, 8, navigator.hardwareConcurrency / 2) (it assumes two
 * hardware threads per core), and fixes it when the module starts. To race it at exactly the
 * thread count of our own variant, even where that exceeds half the logical CPUs, it sees a
 * hardwareConcurrency of 2·threads while its module starts; we restore the real value after.
 */
async function withHardwareConcurrency<T>(value: number, start: () => Promise<T>): Promise<T> {
  Object.defineProperty(navigator, "hardwareConcurrency", { value, configurable: true });
  try {
    return await start();
  } finally {
    Reflect.deleteProperty(navigator, "hardwareConcurrency");
  }
}

/**
 * One backend per (build, thread count): a thread pool cannot be resized once the module runs,
 * so each count gets its own module instance, registered under its own name with a copy of the
 * "wasm" backend's kernels. Switching backends re-binds those kernels to the active instance.
 */
async function startBackend(name: string, isa: TfjsWasmIsa, threads: number): Promise<void> {
  const [simd, multithread] = await support;
  if (!simd) throw new Error("tfjs-wasm needs WebAssembly SIMD, which this browser lacks");
  const threaded = isa === "wasm-threaded-simd";
  if (threaded && !multithread) throw new Error("tfjs-wasm threaded-simd needs shared memory (a cross-origin isolated page)");
  for (const kernel of tf.getKernelsForBackend("wasm")) tf.registerKernel({ ...kernel, backendName: name });
  tf.registerBackend(name, tf.findBackendFactory("wasm"));
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", threaded);
  setThreadsCount(threads);
  const started = await withHardwareConcurrency(2 * threads, () => tf.setBackend(name));
  if (!started) throw new Error(`tfjs-wasm ${isa} could not start (see the warning above)`);
  if (getThreadsCount() !== threads) {
    throw new Error(`tfjs-wasm ${isa} started ${getThreadsCount()} threads, not the ${threads} asked for`);
  }
}

/** Backends of this worker, by name, as the promise of their start. */
const backends = new Map<string, Promise<void>>();

/** The part of a tfjs-wasm backend that ends its threads: its Emscripten module's pthread pool. */
type WithPThreads = { wasm?: { PThread?: { terminateAllThreads(): void } } };

// Ends the pthread workers of every backend this worker started (the backends cannot run after).
onEndPeerThreads(() => {
  for (const name of backends.keys()) (tf.findBackend(name) as WithPThreads | undefined)?.wasm?.PThread?.terminateAllThreads();
});

/**
 * Makes tfjs-wasm with `isa` and exactly `threads` threads the active backend, starting it the
 * first time, and returns tfjs. Call it in prepare(): the timed run must use the backend it set.
 */
export async function useTfjsWasm(isa: TfjsWasmIsa, threads: number): Promise<Tf> {
  const most = tfjsMaxThreads(isa);
  if (!Number.isInteger(threads) || threads < 1 || threads > most) {
    throw new RangeError(`invalid threads: ${threads} (tfjs-wasm ${isa} runs 1 to ${most})`);
  }
  const name = `every-core-${isa}-${threads}`;
  const start = backends.get(name);
  if (start) {
    await start; // a failed start fails again, with its own message
    if (!(await tf.setBackend(name))) throw new Error(`tfjs-wasm backend ${name} could not be selected`);
  } else {
    const starting = startBackend(name, isa, threads);
    backends.set(name, starting);
    await starting;
  }
  return tf;
}
