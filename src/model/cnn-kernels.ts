import { checkLength, convShape, convSizes, type ConvParams } from "../kernels/conv-shape.ts";
import { conv2dF32Backward, type Conv2dBackwardScratch } from "../kernels/conv2d-f32-backward.ts";
import { conv2dF32Im2col, transposeWeights, type Conv2dIm2colScratch, type GemmF32 } from "../kernels/conv2d-f32-im2col.ts";
import type { Col2imF32 } from "../kernels/im2col-f32.ts";
import { gemmF32BlockedTs } from "../kernels/gemm-f32-blocked-ts.ts";
import { checkGemm } from "../kernels/gemm-shape.ts";
import type { WasmKernels } from "../kernels/wasm/kernels-wasm.ts";
import { maxpool2x2ReluBackwardF32, maxpool2x2ReluF32 } from "../kernels/maxpool2x2-f32.ts";

/** A convolution with conv2dF32Im2col's contract: x, w (F × C·kH·kW), b → out, NCHW. */
export type ConvF32 = (
  p: ConvParams,
  x: Float32Array,
  w: Float32Array,
  b: Float32Array,
  out: Float32Array,
  scratch: Conv2dIm2colScratch,
) => void;

/** The buffers one convolution layer of the workspace holds for its gradients (either lowering takes what it needs). */
export interface ConvLayerScratch extends Conv2dBackwardScratch {
  /** The weights transposed to (C·kH·kW) × F. */
  wT: Float32Array;
}

/**
 * The gradients of the same set's `conv` with conv2dF32Backward's contract (dx = null: not wanted),
 * reading the im2col matrix that conv left in scratch.col: each set lays that matrix out its own way.
 */
export type ConvBackwardF32 = (
  p: ConvParams,
  x: Float32Array,
  w: Float32Array,
  dout: Float32Array,
  dx: Float32Array | null,
  dw: Float32Array,
  db: Float32Array,
  scratch: ConvLayerScratch,
) => void;

/** 2×2 max-pool then ReLU with maxpool2x2ReluF32's contract. */
export type PoolReluF32 = (planes: number, h: number, w: number, x: Float32Array, out: Float32Array) => void;

/** The gradient of pool + ReLU with maxpool2x2ReluBackwardF32's contract. */
export type PoolReluBackwardF32 = (planes: number, h: number, w: number, x: Float32Array, dout: Float32Array, dx: Float32Array) => void;

/** The kernels the network's layers call: chosen once, by where the buffers live. */
export interface CnnKernels {
  gemm: GemmF32;
  conv: ConvF32;
  convBackward: ConvBackwardF32;
  poolRelu: PoolReluF32;
  poolReluBackward: PoolReluBackwardF32;
}

/** Pure TypeScript, on any Float32Arrays: the reference the tests compare against. */
export const typescriptCnnKernels: CnnKernels = {
  gemm: gemmF32BlockedTs,
  conv: (p, x, w, b, out, scratch) => conv2dF32Im2col(p, x, w, b, out, scratch, gemmF32BlockedTs),
  convBackward: (p, x, w, dout, dx, dw, db, scratch) => conv2dF32Backward(p, x, w, dout, dx, dw, db, scratch, { colHoldsInput: true }),
  poolRelu: maxpool2x2ReluF32,
  poolReluBackward: maxpool2x2ReluBackwardF32,
};

/**
 * The WebAssembly kernels behind the same contracts, for Float32Array views of the kernels' shared
 * memory: a view's byteOffset is the pointer the kernel takes, so layer code runs them without a
 * copy. The convolution is the fused im2col + GEMM + bias kernel (conv2d_f32_im2col_gemm_wasmrelaxedsimd): on
 * MNIST-sized layers its im2col is 3–4× faster than the TypeScript loop, which would otherwise
 * dominate the forward pass; the weights are transposed per call in TypeScript (≤ 3 200 floats).
 * Pool + ReLU is maxpool2x2_relu_f32_wasmsimd: SIMD, and no JavaScript loop left per image, so one image
 * per call costs little more than a batch even before the JIT has optimised the glue. col2im_f32_wasm
 * gives the same bits as the TypeScript col2im in about a third of the time (training's backward).
 * So does maxpool2x2_relu_backward_f32_wasmsimd the TypeScript pool + ReLU gradient: it searched each window
 * one float at a time and cleared dx in a separate pass, ~10% of a training step.
 */
export function sharedMemoryCnnKernels(kernels: WasmKernels): CnnKernels {
  const inMemory = inMemoryOf(kernels);
  const gemm: GemmF32 = (s, a, b, c) => {
    checkGemm(s, a, b, c);
    kernels.raw.gemm_f32_6x8_wasmrelaxedsimd(s.m, s.n, s.k, inMemory("a", a), s.k, inMemory("b", b), s.n, inMemory("c", c), s.n);
  };
  const col2im: Col2imF32 = (s, col, dx) => {
    const n = convSizes(s);
    checkLengths({ col: [col, n.im2col], dx: [dx, n.input] });
    kernels.col2im_f32_wasm(
      inMemory("col", col),
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
      inMemory("dx", dx),
    );
  };
  return {
    gemm,
    convBackward: (p, x, w, dout, dx, dw, db, scratch) =>
      conv2dF32Backward(p, x, w, dout, dx, dw, db, scratch, { gemm, col2im, colHoldsInput: true }),
    conv(p, x, w, b, out, scratch) {
      const s = convShape(p);
      const n = convSizes(s);
      // The kernel reads exactly these extents; shorter views would let it run past them.
      for (const [name, v, length] of [
        ["x", x, n.input],
        ["b", b, n.bias],
        ["out", out, n.output],
        ["scratch.col", scratch.col, n.im2col],
        ["scratch.gemmOut", scratch.gemmOut, s.cols * s.filters],
      ] as const) {
        if (v.length !== length) throw new RangeError(`invalid ${name}: length ${v.length}, expected ${length}`);
      }
      transposeWeights(s, w, scratch.wT);
      kernels.raw.conv2d_f32_im2col_gemm_wasmrelaxedsimd(
        inMemory("x", x),
        inMemory("scratch.wT", scratch.wT),
        inMemory("b", b),
        inMemory("out", out),
        inMemory("scratch.col", scratch.col),
        inMemory("scratch.gemmOut", scratch.gemmOut),
        s.batch,
        s.channels,
        s.height,
        s.width,
        s.filters,
        s.kernelH,
        s.kernelW,
        s.stride,
        s.padding,
        0,
        s.cols,
      );
    },
    poolReluBackward(planes, h, w, x, dout, dx) {
      const [inLength, outLength] = [planes * h * w, planes * (h >> 1) * (w >> 1)];
      for (const [name, v, length] of [
        ["x", x, inLength],
        ["dout", dout, outLength],
        ["dx", dx, inLength],
      ] as const) {
        if (v.length !== length) throw new RangeError(`invalid ${name}: length ${v.length}, expected ${length}`);
      }
      kernels.maxpool2x2_relu_backward_f32_wasmsimd(inMemory("x", x), inMemory("dout", dout), inMemory("dx", dx), planes, h, w);
    },
    poolRelu(planes, h, w, x, out) {
      const outLength = planes * (h >> 1) * (w >> 1);
      if (x.length !== planes * h * w) throw new RangeError(`invalid x: length ${x.length}, expected ${planes * h * w}`);
      if (out.length !== outLength) throw new RangeError(`invalid out: length ${out.length}, expected ${outLength}`);
      kernels.maxpool2x2_relu_f32_wasmsimd(inMemory("x", x), inMemory("out", out), planes, h, w);
    },
  };
}

/** pointer(name, v): v's byteOffset, after checking that v is a view of the kernels' shared memory. */
function inMemoryOf(kernels: WasmKernels): (name: string, v: Float32Array) => number {
  return (name, v) => {
    if (v.buffer !== kernels.memory.buffer) throw new RangeError(`invalid ${name}: not a view of the kernels' shared memory`);
    return v.byteOffset;
  };
}

/** The kernels read exactly these extents: a shorter view would let them run past it. */
function checkLengths(views: Record<string, readonly [Float32Array, number]>): void {
  for (const [name, [v, length]] of Object.entries(views)) checkLength(name, v, length);
}

/**
 * sharedMemoryCnnKernels with both convolutions lowered tap-major (Caffe's im2col: one row per tap,
 * one column per pixel, image by image): the product W · col lands in NCHW as it stands, the weight
 * gradient reads the output gradient and col along their rows (A·Bᵀ), and im2col and col2im move
 * whole rows. The training step's layers have 8 and 16 filters: the pixel-major lowering's products
 * are then 8–16 columns wide, and its im2col, scatter, transposes and col2im, one float or one
 * kernel row at a time, cost about as much as the products (profile: scripts/profile-training-step.ts).
 */
export function tapMajorCnnKernels(kernels: WasmKernels): CnnKernels {
  const inMemory = inMemoryOf(kernels);
  return {
    ...sharedMemoryCnnKernels(kernels),
    conv(p, x, w, b, out, scratch) {
      const s = convShape(p);
      const n = convSizes(s);
      checkLengths({ x: [x, n.input], w: [w, n.weights], b: [b, n.bias], out: [out, n.output], "scratch.col": [scratch.col, n.im2col] });
      transposeWeights(s, w, scratch.wT);
      kernels.raw.conv2d_f32_chw_gemm_wasmrelaxedsimd(
        inMemory("x", x),
        inMemory("w", w),
        inMemory("scratch.wT", scratch.wT),
        inMemory("b", b),
        inMemory("out", out),
        inMemory("scratch.col", scratch.col),
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
    },
    convBackward(p, _x, w, dout, dx, dw, db, scratch) {
      const s = convShape(p);
      const n = convSizes(s);
      checkLengths({
        w: [w, n.weights],
        dout: [dout, n.output],
        dw: [dw, n.weights],
        db: [db, n.bias],
        "scratch.col": [scratch.col, n.im2col],
      });
      const col = inMemory("scratch.col", scratch.col);
      kernels.raw.conv2d_backward_weights_f32_chw_gemm_wasmrelaxedsimd(
        inMemory("dout", dout),
        col,
        inMemory("dw", dw),
        inMemory("db", db),
        s.batch,
        s.filters,
        s.patch,
        s.outH * s.outW,
      );
      if (!dx) return;
      checkLength("dx", dx, n.input);
      transposeWeights(s, w, scratch.wT);
      // col has been read: the input gradient's per-image dcol overwrites it.
      kernels.raw.conv2d_backward_input_f32_chw_gemm_wasmrelaxedsimd(
        inMemory("dout", dout),
        inMemory("scratch.wT", scratch.wT),
        col,
        inMemory("dx", dx),
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
    },
  };
}
