import { expect, it } from "vitest";
import { detectWasmFeatures } from "./wasm-features.ts";

it("detects the WebAssembly features of Node's V8 (simd, threads and relaxed SIMD are all on)", () => {
  expect(detectWasmFeatures()).toEqual({ simd: true, threads: true, relaxedSimd: true });
});
