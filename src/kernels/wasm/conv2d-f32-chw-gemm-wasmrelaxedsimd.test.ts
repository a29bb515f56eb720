import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams, type ConvShape } from "../conv-shape.ts";
import { ODD_CONV_CASES, U } from "../conv-test-cases.ts";
import { expectWithinConvBound } from "../conv-test-support.ts";
import { conv2dBackwardScratch, conv2dF32Backward } from "../conv2d-f32-backward.ts";
import { transposeWeights } from "../conv2d-f32-im2col.ts";
import { im2colF32 } from "../im2col-f32.ts";
import { randomF32 } from "../random.ts";
import { transposeF32 } from "../transpose-f32.ts";
import { createSharedMemory, instantiateKernels, type WasmKernels } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena, type F32Block } from "./wasm-arena.ts";

// The tap-major convolution (conv2d-f32-chw-gemm-wasmrelaxedsimd.ts) and its two gradients
// (conv2d-backward-f32-chw-wasmrelaxedsimd.ts), both builds, against the TypeScript references on
// odd shapes: the direct convolution, and conv2dF32Backward (pixel-major im2col, the same sums in
// another order). The im2col matrix each image leaves is checked exactly, and no kernel writes a
// float past its outputs.

const BUILDS = loadTestBuilds();
const SENTINEL = -7.25;
/** Floats of sentinel after each output block. */
const GUARD = 8;

const CASES: readonly [string, ConvParams][] = [
  ...ODD_CONV_CASES,
  // The training step's two layers (batch 2): 1 → 8 and 8 → 16 filters, 5×5, "same" padding.
  ["digit CNN conv1", { batch: 2, channels: 1, height: 28, width: 28, filters: 8, kernelH: 5, kernelW: 5, stride: 1, padding: 2 }],
  ["digit CNN conv2", { batch: 2, channels: 8, height: 14, width: 14, filters: 16, kernelH: 5, kernelW: 5, stride: 1, padding: 2 }],
  // 8 filters take the 8×4 tile: here with 35 pixels, the last four-column tile 3 wide.
  ["8 filters, 5×7, N=2", { batch: 2, channels: 3, height: 5, width: 7, filters: 8, kernelH: 3, kernelW: 3, stride: 1, padding: 1 }],
  // Depth past the GEMM's 192-step block, filters past two 6-row tiles, a pixel count ≢ 0 mod 4.
  [
    "patch 243 > KC, F=13, 7×9",
    { batch: 2, channels: 27, height: 7, width: 9, filters: 13, kernelH: 3, kernelW: 3, stride: 1, padding: 1 },
  ],
];

/** Image by image, the pixel-major im2col matrix transposed: one row per tap, one column per pixel. */
function tapMajorIm2col(s: ConvShape, x: Float32Array): Float32Array {
  const pixelMajor = new Float32Array(s.cols * s.patch);
  im2colF32(s, x, pixelMajor);
  const pixels = s.outH * s.outW;
  const out = new Float32Array(pixelMajor.length);
  const block = pixels * s.patch;
  for (let n = 0; n < s.batch; n++) {
    transposeF32(pixels, s.patch, pixelMajor.subarray(n * block, (n + 1) * block), out.subarray(n * block, (n + 1) * block));
  }
  return out;
}

/** A block with GUARD sentinel floats after its `length`: view() is the block, guard() the tail. */
function guarded(arena: WasmArena, length: number) {
  const block: F32Block = arena.allocF32(length + GUARD);
  block.view().fill(SENTINEL);
  return {
    ptr: block.ptr,
    view: () => block.view().subarray(0, length),
    guard: () => Array.from(block.view().subarray(length)),
  };
}

function setup(module: WebAssembly.Module, p: ConvParams, seed: number) {
  const s = convShape(p);
  const z = convSizes(s);
  const kernels: WasmKernels = instantiateKernels(module, createSharedMemory(64));
  const arena = new WasmArena(kernels.memory, kernels.heapBase);
  const x = randomF32(z.input, seed);
  const w = randomF32(z.weights, seed + 1);
  const b = randomF32(z.bias, seed + 2);
  const dout = randomF32(z.output, seed + 3);
  const load = (v: Float32Array) => {
    const block = arena.allocF32(v.length);
    block.view().set(v);
    return block;
  };
  return {
    s,
    x,
    w,
    b,
    dout,
    kernels,
    X: load(x),
    W: load(w),
    B: load(b),
    Dout: load(dout),
    out: guarded(arena, z.output),
    col: guarded(arena, z.im2col),
    wT: arena.allocF32(z.weights),
    dx: guarded(arena, z.input),
    dw: guarded(arena, z.weights),
    db: guarded(arena, z.bias),
  };
}

type Setup = ReturnType<typeof setup>;

function forward(c: Setup): void {
  const { s } = c;
  transposeWeights(c.s, c.w, c.wT.view());
  c.kernels.conv2d_f32_chw_gemm_wasmrelaxedsimd(
    c.X.ptr,
    c.W.ptr,
    c.wT.ptr,
    c.B.ptr,
    c.out.ptr,
    c.col.ptr,
    s.batch,
    s.channels,
    s.height,
    s.width,
    s.filters,
    s.kernelH,
    s.kernelW,
    s.stride,
    s.padding,
  );
}

/** The three gradients by conv2dF32Backward, and by it on |x|, |w|, |dout|: the sums' magnitudes. */
function referenceGradients(c: Setup) {
  const z = convSizes(c.s);
  const run = (x: Float32Array, w: Float32Array, dout: Float32Array) => {
    const g = { dx: new Float32Array(z.input), dw: new Float32Array(z.weights), db: new Float32Array(z.bias) };
    conv2dF32Backward(c.s, x, w, dout, g.dx, g.dw, g.db, conv2dBackwardScratch(c.s));
    return g;
  };
  return { want: run(c.x, c.w, c.dout), mag: run(c.x.map(Math.abs), c.w.map(Math.abs), c.dout.map(Math.abs)) };
}

/**
 * Both sides sum `depth` products in f32 in different orders: each is within depth·u·Σ|terms| of
 * the exact sum, so they differ by at most twice that (one more term of slack for the rounding of
 * the magnitudes themselves).
 */
function expectWithinSumBound(name: string, got: Float32Array, want: Float32Array, mag: Float32Array, depth: number): void {
  for (let i = 0; i < got.length; i++) {
    const tol = 2 * (depth + 1) * U * mag[i]!;
    const err = Math.abs(got[i]! - want[i]!);
    if (!(err <= tol)) expect.fail(`${name}[${i}]: got ${got[i]}, want ${want[i]}, |error| ${err} > ${tol}`);
  }
}

describe.each(["wasmrelaxedsimd", "wasmsimd"] as const)("%s tap-major convolution", (isa) => {
  for (const [name, p] of CASES) {
    it(`forward: conv2dF32DirectRef within the f32 bound, col exactly the tap-major im2col: ${name}`, () => {
      const c = setup(BUILDS[isa], p, 5);
      forward(c);
      expectWithinConvBound(p, c.x, c.w, c.b, c.out.view());
      expect(Array.from(c.col.view())).toEqual(Array.from(tapMajorIm2col(c.s, c.x)));
      expect(c.out.guard()).toEqual(new Array(GUARD).fill(SENTINEL));
      expect(c.col.guard()).toEqual(new Array(GUARD).fill(SENTINEL));
    });

    it(`weight, bias and input gradients: conv2dF32Backward within the f32 bound: ${name}`, () => {
      const c = setup(BUILDS[isa], p, 17);
      const { s } = c;
      forward(c);
      // The outputs start as garbage: each kernel must overwrite, not add to, what is there.
      c.dw.view().fill(3);
      c.db.view().fill(3);
      c.dx.view().fill(3);
      c.kernels.conv2d_backward_weights_f32_chw_gemm_wasmrelaxedsimd(
        c.Dout.ptr,
        c.col.ptr,
        c.dw.ptr,
        c.db.ptr,
        s.batch,
        s.filters,
        s.patch,
        s.outH * s.outW,
      );
      transposeWeights(s, c.w, c.wT.view());
      c.kernels.conv2d_backward_input_f32_chw_gemm_wasmrelaxedsimd(
        c.Dout.ptr,
        c.wT.ptr,
        c.col.ptr,
        c.dx.ptr,
        s.batch,
        s.channels,
        s.height,
        s.width,
        s.filters,
        s.kernelH,
        s.kernelW,
        s.stride,
        s.padding,
      );
      const { want, mag } = referenceGradients(c);
      const pixels = s.batch * s.outH * s.outW;
      expectWithinSumBound("dw", c.dw.view(), want.dw, mag.dw, pixels);
      expectWithinSumBound("db", c.db.view(), want.db, mag.db, pixels);
      expectWithinSumBound("dx", c.dx.view(), want.dx, mag.dx, s.filters * s.kernelH * s.kernelW);
      for (const block of [c.dw, c.db, c.dx]) expect(block.guard()).toEqual(new Array(GUARD).fill(SENTINEL));
    });
  }
});
