/**
 * The two tfjs-wasm builds we race, and what they can do, in a module free of tfjs itself so that
 * declaring a variant does not load the library.
 */
export type TfjsWasmIsa = "wasm-simd" | "wasm-threaded-simd";

/** The threaded build starts 8 pthread workers and caps its XNNPACK pool there. */
export const TFJS_WASM_MAX_THREADS = 8;

/** Most threads a build can use: the SIMD build runs on the calling thread only. */
export function tfjsMaxThreads(isa: TfjsWasmIsa): number {
  return isa === "wasm-simd" ? 1 : TFJS_WASM_MAX_THREADS;
}
