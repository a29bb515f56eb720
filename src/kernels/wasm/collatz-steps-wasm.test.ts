import { describe, expect, it } from "vitest";
import { collatzSteps } from "../collatz-steps.ts";
import { COLLATZ_MAX_STOP, createSharedMemory, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";

// collatz_steps_wasm (both builds) against the JavaScript loop the Pyodide race checks Python with:
// integer counts, so exactly equal, on ranges that start and end anywhere, including the one
// whose trajectory climbs past 2³² (n = 159 487 peaks near 1.7·10¹⁰: a u32 kernel would wrap).

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];

describe.each(ISAS)("collatz-steps-wasm (%s)", (isa) => {
  const k = instantiateKernels(BUILDS[isa], createSharedMemory(1));

  it.each([
    [1, 2],
    [1, 10],
    [27, 28],
    [159_487, 159_488],
    [7, 7],
    [1, 20_001],
    [99_991, 100_117],
  ])("counts the steps of [%i, %i) exactly as JavaScript does", (start, stop) => {
    expect(k.collatz_steps_wasm(start, stop)).toBe(collatzSteps({ start, stop, step: 1 }));
  });

  it("names a bad start or stop", () => {
    expect(() => k.collatz_steps_wasm(0, 5)).toThrow("invalid start: 0");
    expect(() => k.collatz_steps_wasm(5, 4)).toThrow("invalid stop: 4 (expected an integer in 5..10000000)");
    expect(() => k.collatz_steps_wasm(1, COLLATZ_MAX_STOP + 1)).toThrow(`invalid stop: ${COLLATZ_MAX_STOP + 1}`);
  });
});
