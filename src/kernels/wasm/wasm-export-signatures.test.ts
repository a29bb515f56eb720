import { describe, expect, it } from "vitest";
import { loadTestBuildBinaries } from "./test-builds.ts";
import { wasmExportSignatures } from "./wasm-export-signatures.ts";

describe("wasmExportSignatures", () => {
  const signatures = wasmExportSignatures(loadTestBuildBinaries().wasmsimd);

  it("reads every exported function, as the JS API lists them", () => {
    const { wasmsimd } = loadTestBuildBinaries();
    const functions = WebAssembly.Module.exports(new WebAssembly.Module(wasmsimd)).filter((e) => e.kind === "function");
    expect([...signatures.keys()].sort()).toEqual(functions.map((e) => e.name).sort());
  });

  it("reads parameter and result types", () => {
    expect(signatures.get("triad_f32_wasmrelaxedsimd")).toEqual({ params: ["i32", "i32", "i32", "f32", "i32", "i32"], results: [] });
    expect(signatures.get("collatz_steps_wasm")).toEqual({ params: ["i32", "i32"], results: ["f64"] });
    expect(signatures.get("heap_base")).toEqual({ params: [], results: ["i32"] });
  });

  it("counts an imported function before the module's own", () => {
    // (module (import "m" "f" (func (param f32))) (func (result i64) i64.const 0) (export "g" (func 1)))
    const binary = new Uint8Array([
      0x00,
      0x61,
      0x73,
      0x6d,
      0x01,
      0x00,
      0x00,
      0x00,
      0x01,
      0x09,
      0x02,
      0x60,
      0x01,
      0x7d,
      0x00,
      0x60,
      0x00,
      0x01,
      0x7e, // types: (f32) → (), () → i64
      0x02,
      0x07,
      0x01,
      0x01,
      0x6d,
      0x01,
      0x66,
      0x00,
      0x00, // import m.f: func type 0
      0x03,
      0x02,
      0x01,
      0x01, // function 1: type 1
      0x07,
      0x05,
      0x01,
      0x01,
      0x67,
      0x00,
      0x01, // export g: func 1
      0x0a,
      0x06,
      0x01,
      0x04,
      0x00,
      0x42,
      0x00,
      0x0b, // code: i64.const 0
    ]);
    expect(WebAssembly.validate(binary)).toBe(true);
    expect(wasmExportSignatures(binary)).toEqual(new Map([["g", { params: [], results: ["i64"] }]]));
  });
});
