import { describe, expect, it } from "vitest";
import { maxpool2x2ReluBackwardF32 } from "../maxpool2x2-f32.ts";
import { randomF32 } from "../random.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { MAXPOOL_SHAPES } from "./maxpool2x2-test-shapes.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// maxpool2x2-relu-backward-f32-wasmsimd (both builds) against maxpool2x2ReluBackwardF32 on shapes around
// the 4-window SIMD step (output widths 1–9, odd heights and widths whose last row or column the
// pool dropped), on inputs of both signs with ties: bit-identical (only comparisons and copies),
// every dx written (it starts as NaN) and nothing past it.

const BUILDS = loadTestBuilds();
const SENTINEL = 1234.5;
const SHAPES = MAXPOOL_SHAPES;

/** Values in [-1, 1] rounded to quarters: many ties and exact zeros, which the first-maximum rule decides. */
function tiedInput(length: number, seed: number): Float32Array {
  return randomF32(length, seed).map((v) => Math.round(4 * v) / 4);
}

describe.each(Object.keys(BUILDS) as WasmIsa[])("maxpool2x2-relu-backward-f32-wasmsimd (%s)", (isa) => {
  it.each(SHAPES)("equals the TypeScript gradient of pool + ReLU on %i planes of %i×%i", (planes, h, w) => {
    const k = instantiateKernels(BUILDS[isa], createSharedMemory(2));
    const arena = new WasmArena(k.memory, k);
    const x = tiedInput(planes * h * w, planes * 100 + h * 10 + w);
    const dout = randomF32(planes * (h >> 1) * (w >> 1), w);
    const X = arena.allocF32(x.length);
    const DOUT = arena.allocF32(dout.length);
    const DX = arena.allocF32(x.length + 4);
    X.view().set(x);
    DOUT.view().set(dout);
    DX.view().fill(NaN);
    DX.view().fill(SENTINEL, x.length);
    k.maxpool2x2_relu_backward_f32_wasmsimd(X.ptr, DOUT.ptr, DX.ptr, planes, h, w);
    const ref = new Float32Array(x.length);
    maxpool2x2ReluBackwardF32(planes, h, w, x, dout, ref);
    const got = DX.view();
    expect(new Uint32Array(got.slice(0, x.length).buffer)).toEqual(new Uint32Array(ref.buffer));
    expect(Array.from(got.subarray(x.length))).toEqual([SENTINEL, SENTINEL, SENTINEL, SENTINEL]);
  });

  it("rejects bad arguments with a RangeError naming them", () => {
    const k = instantiateKernels(BUILDS[isa], createSharedMemory(1));
    expect(() => k.maxpool2x2_relu_backward_f32_wasmsimd(1024, 2048, 4096, 0, 4, 4)).toThrow(/invalid planes: 0/);
    expect(() => k.maxpool2x2_relu_backward_f32_wasmsimd(1024, 2048, 4096, 1, 4, 1)).toThrow(/invalid w: 1/);
    expect(() => k.maxpool2x2_relu_backward_f32_wasmsimd(1024, 2048, 1024, 1, 4, 4)).toThrow(/invalid dx: 1024 .*overlap x/);
    expect(() => k.maxpool2x2_relu_backward_f32_wasmsimd(1024, 2048, 65536 - 8, 1, 8, 8)).toThrow(/invalid dx/);
  });
});
