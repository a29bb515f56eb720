import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams } from "../conv-shape.ts";
import { ODD_CONV_CASES } from "../conv-test-cases.ts";
import { col2imF32 } from "../im2col-f32.ts";
import { randomF32 } from "../random.ts";
import { createSharedMemory, instantiateKernels, WASM_PAGE_BYTES } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// col2im_f32_wasm (both builds) against the TypeScript col2imF32: the same sums in the same order, so
// the same bits, on odd shapes (overlapping windows, strides that skip pixels, all-padding taps).

const builds = loadTestBuilds();
const CASES: readonly [string, ConvParams][] = [
  ...ODD_CONV_CASES,
  [
    "5×5 over 12×12, C=8, N=3 (the CNN's second layer)",
    { batch: 3, channels: 8, height: 12, width: 12, filters: 16, kernelH: 5, kernelW: 5, stride: 1, padding: 0 },
  ],
];

function setup(isa: keyof typeof builds, p: ConvParams, seed: number) {
  const s = convShape(p);
  const n = convSizes(s);
  const memory = createSharedMemory(1);
  const kernels = instantiateKernels(builds[isa], memory);
  const arena = new WasmArena(memory, kernels);
  const col = arena.allocF32(n.im2col);
  const dx = arena.allocF32(n.input);
  col.view().set(randomF32(n.im2col, seed));
  dx.view().fill(Number.NaN); // col2im overwrites dx: nothing of it may survive
  const run = () =>
    kernels.col2im_f32_wasm(
      col.ptr,
      s.batch,
      s.channels,
      s.height,
      s.width,
      s.kernelH,
      s.kernelW,
      s.stride,
      s.padding,
      s.outH,
      s.outW,
      dx.ptr,
    );
  return { s, kernels, col, dx, run };
}

describe.each(["wasmrelaxedsimd", "wasmsimd"] as const)("%s col2im_f32_wasm", (isa) => {
  it.each(CASES)("equals col2imF32 bit for bit: %s", (_, p) => {
    const c = setup(isa, p, 31);
    c.run();
    const expected = new Float32Array(c.dx.view().length);
    col2imF32(c.s, c.col.view(), expected);
    expect(c.dx.view()).toEqual(expected);
  });

  it("checks the geometry and that col and dx fit in memory", () => {
    const p = ODD_CONV_CASES[2]![1];
    const c = setup(isa, p, 32);
    const { s } = c;
    const geometry = [s.batch, s.channels, s.height, s.width, s.kernelH, s.kernelW, s.stride, s.padding] as const;
    expect(() => c.kernels.col2im_f32_wasm(c.col.ptr, ...geometry, s.outH + 1, s.outW, c.dx.ptr)).toThrow(/invalid outH: 6, expected 5/);
    expect(() => c.kernels.col2im_f32_wasm(c.col.ptr, ...geometry, s.outH, 2, c.dx.ptr)).toThrow(/invalid outW: 2, expected 3/);
    expect(() =>
      c.kernels.col2im_f32_wasm(c.col.ptr, s.batch, s.channels, s.height, s.width, 3, 3, 0, 1, s.outH, s.outW, c.dx.ptr),
    ).toThrow(/invalid stride: 0/);
    expect(() => c.kernels.col2im_f32_wasm(c.col.ptr, ...geometry, s.outH, s.outW, WASM_PAGE_BYTES - 8)).toThrow(/invalid dx/);
    expect(() => c.kernels.col2im_f32_wasm(WASM_PAGE_BYTES - 8, ...geometry, s.outH, s.outW, c.dx.ptr)).toThrow(/invalid col/);
    expect(() => c.kernels.col2im_f32_wasm(c.col.ptr + 2, ...geometry, s.outH, s.outW, c.dx.ptr)).toThrow(/invalid col: .* multiple of 4/);
  });
});
