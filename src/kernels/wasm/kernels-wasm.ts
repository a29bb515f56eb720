import { type KernelCheckContext, type KernelFunctions, type WasmKernelSpec } from "./kernel-spec.ts";
import { WASM_KERNELS, type WasmKernelExports } from "./kernel-table.ts";

export { COLLATZ_MAX_STOP, KERNELS_HEAP_BASE } from "./kernel-table.ts";
export type { WasmKernelExports } from "./kernel-table.ts";

/**
 * The JS side of the AssemblyScript kernels (src/kernels/wasm/assembly, built by
 * scripts/build-wasm.ts): memory limits, choosing a build by feature detection, instantiation on a
 * shared memory, and the typed, argument-checked kernel functions, made from the table of kernels
 * (kernel-table.ts).
 *
 * Use from a pool: the coordinator calls `compileKernels` once and posts the `WebAssembly.Module`
 * and the shared `WebAssembly.Memory` to every worker (both are structured-cloneable); each worker
 * calls `instantiateKernels(module, memory)` once. Instances keep no state in memory, so all of
 * them may run at the same time on disjoint output rows.
 */

/** Pages (64 KiB) a new shared memory starts with: 16 MiB. */
export const MEMORY_INITIAL_PAGES = 256;
/** The most pages a memory may grow to, and what both builds declare for env.memory: 1 GiB. */
export const MEMORY_MAXIMUM_PAGES = 16384;
export const WASM_PAGE_BYTES = 65536;
/**
 * The instruction set of a build, as kernel names spell it: the relaxed build runs the
 * `…-wasmrelaxedsimd` kernels as written; the plain-SIMD build runs the same source with SIMD128 in
 * place of the relaxed instructions (a multiply and an add for each fused multiply-add).
 */
export type WasmIsa = "wasmrelaxedsimd" | "wasmsimd";

/** Rows × columns of the GEMM register tile: split rows across threads in multiples of GEMM_MR. */
export const GEMM_F32_MR = WASM_KERNELS.gemm_f32_6x8_wasmrelaxedsimd.constants.MR;
export const GEMM_F32_NR = WASM_KERNELS.gemm_f32_6x8_wasmrelaxedsimd.constants.NR;

/**
 * The kernels of one instance. Each function checks its arguments against the contract and the
 * memory's current size and throws a RangeError naming the bad one, then calls the export; `raw`
 * holds the unchecked exports for callers that validated once up front.
 */
export interface WasmKernels extends KernelFunctions<typeof WASM_KERNELS> {
  readonly memory: WebAssembly.Memory;
  /** First free byte after the module's own memory (= KERNELS_HEAP_BASE). */
  readonly heapBase: number;
  readonly raw: WasmKernelExports;
}

/** Creates the shared memory every instance imports as env.memory. */
export function createSharedMemory(initialPages: number = MEMORY_INITIAL_PAGES): WebAssembly.Memory {
  if (!Number.isInteger(initialPages) || initialPages < 1 || initialPages > MEMORY_MAXIMUM_PAGES) {
    throw new RangeError(`invalid initialPages: ${initialPages} (expected an integer in 1..${MEMORY_MAXIMUM_PAGES})`);
  }
  return new WebAssembly.Memory({ initial: initialPages, maximum: MEMORY_MAXIMUM_PAGES, shared: true });
}

export interface CompiledKernels {
  module: WebAssembly.Module;
  isa: WasmIsa;
}

/**
 * Picks the relaxed-SIMD build when this engine validates it (Chromium ≥ 114, Node ≥ 22), else the
 * plain-SIMD build (Firefox, Safari), and compiles it synchronously (the modules are a few KiB,
 * far below any main-thread limit). Throws if neither validates: no WebAssembly SIMD or threads.
 */
export function compileKernels(builds: { relaxed: BufferSource; simd: BufferSource }): CompiledKernels {
  if (WebAssembly.validate(builds.relaxed)) {
    return { module: new WebAssembly.Module(builds.relaxed), isa: "wasmrelaxedsimd" };
  }
  if (WebAssembly.validate(builds.simd)) {
    return { module: new WebAssembly.Module(builds.simd), isa: "wasmsimd" };
  }
  throw new Error(
    "This engine cannot run the WebAssembly kernels: neither the relaxed-SIMD nor the plain-SIMD build " +
      "validates (WebAssembly SIMD and threads are required).",
  );
}

/** Instantiates a kernels module on a shared memory (synchronously: fine in workers). */
export function instantiateKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): WasmKernels {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const raw = instance.exports as unknown as WasmKernelExports;
  const heapBase = raw.heap_base();
  const context: KernelCheckContext = { memory, raw };
  const checked = Object.fromEntries(
    Object.entries(WASM_KERNELS).map(([name, spec]) => [name, checkedKernel(spec, context, raw[name as keyof WasmKernelExports])]),
  ) as KernelFunctions<typeof WASM_KERNELS>;
  return { ...checked, memory, heapBase, raw };
}

type WideCall = (...args: number[]) => number | void;

/**
 * The kernel's check, then the kernel. The wrapper takes MAX_KERNEL_ARGS named parameters rather
 * than a rest array so that no call allocates (an export or a check ignores the extra undefined
 * ones), and it is a closure rather than generated source because the site's CSP forbids eval.
 */
function checkedKernel(spec: WasmKernelSpec, context: KernelCheckContext, kernel: WideCall): WideCall {
  const check = spec.check(context) as WideCall;
  return (
    a0: number,
    a1: number,
    a2: number,
    a3: number,
    a4: number,
    a5: number,
    a6: number,
    a7: number,
    a8: number,
    a9: number,
    a10: number,
    a11: number,
    a12: number,
    a13: number,
    a14: number,
    a15: number,
    a16: number,
  ) => {
    check(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16);
    return kernel(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16);
  };
}
