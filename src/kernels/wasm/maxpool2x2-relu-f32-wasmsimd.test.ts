import { describe, expect, it } from "vitest";
import { maxpool2x2ReluF32 } from "../maxpool2x2-f32.ts";
import { randomF32 } from "../random.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { MAXPOOL_SHAPES } from "./maxpool2x2-test-shapes.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// maxpool2x2-relu-f32-wasmsimd (both builds) against maxpool2x2ReluF32 on shapes around the 4-output SIMD
// step (output widths 1–9, odd heights and widths whose last row/column is dropped, 2×2 planes),
// with NaN-free random inputs of both signs: bit-identical (max is exact), and nothing written
// past the output.

const BUILDS = loadTestBuilds();
const SENTINEL = 1234.5;
const SHAPES = MAXPOOL_SHAPES;

describe.each(Object.keys(BUILDS) as WasmIsa[])("maxpool2x2-relu-f32-wasmsimd (%s)", (isa) => {
  it.each(SHAPES)("equals the TypeScript pool + ReLU on %i planes of %i×%i", (planes, h, w) => {
    const k = instantiateKernels(BUILDS[isa], createSharedMemory(2));
    const arena = new WasmArena(k.memory, k);
    const x = randomF32(planes * h * w, planes * 100 + h * 10 + w);
    const outLength = planes * (h >> 1) * (w >> 1);
    const X = arena.allocF32(x.length);
    const OUT = arena.allocF32(outLength + 4);
    X.view().set(x);
    OUT.view().fill(SENTINEL);
    k.maxpool2x2_relu_f32_wasmsimd(X.ptr, OUT.ptr, planes, h, w);
    const ref = new Float32Array(outLength);
    maxpool2x2ReluF32(planes, h, w, x, ref);
    expect(Array.from(OUT.view().subarray(0, outLength))).toEqual(Array.from(ref));
    expect(Array.from(OUT.view().subarray(outLength))).toEqual([SENTINEL, SENTINEL, SENTINEL, SENTINEL]);
  });

  it("rejects bad arguments with a RangeError naming them", () => {
    const k = instantiateKernels(BUILDS[isa], createSharedMemory(1));
    expect(() => k.maxpool2x2_relu_f32_wasmsimd(1024, 2048, 0, 4, 4)).toThrow(/invalid planes: 0/);
    expect(() => k.maxpool2x2_relu_f32_wasmsimd(1024, 2048, 1, 1, 4)).toThrow(/invalid h: 1/);
    expect(() => k.maxpool2x2_relu_f32_wasmsimd(1024, 2048, 1, 4, 3.5)).toThrow(/invalid w: 3.5/);
    expect(() => k.maxpool2x2_relu_f32_wasmsimd(1024, 65536 - 8, 1, 8, 8)).toThrow(/invalid out/);
  });
});
