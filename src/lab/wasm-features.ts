/**
 * WebAssembly feature detection by validating tiny modules, each using one instruction of the
 * feature (the same approach as the wasm-feature-detect library).
 */
const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** (func (result v128) (i8x16.popcnt (i8x16.splat (i32.const 0)))) */
const simd = [...header, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];
/** (memory 1 1 shared) (func (drop (i32.atomic.load (i32.const 0)))) */
const threads = [...header, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 4, 1, 3, 1, 1, 10, 11, 1, 9, 0, 65, 0, 254, 16, 2, 0, 26, 11];
/** (func (result v128) (i8x16.relaxed_swizzle (i8x16.splat (i32.const 1)) (i8x16.splat (i32.const 2)))) */
const relaxedSimd = [...header, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 1, 253, 15, 65, 2, 253, 15, 253, 128, 2, 11];

export interface WasmFeatures {
  simd: boolean;
  threads: boolean;
  relaxedSimd: boolean;
}

export function detectWasmFeatures(): WasmFeatures {
  const ok = (bytes: number[]) => typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array(bytes));
  return {
    simd: ok(simd),
    threads: typeof SharedArrayBuffer === "function" && ok(threads),
    relaxedSimd: ok(relaxedSimd),
  };
}
