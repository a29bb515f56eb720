import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { describe, expect, it, vi } from "vitest";
import type { RunContext } from "../benchmark.ts";
import { convShape, convSizes, type ConvParams } from "../../kernels/conv-shape.ts";
import { conv2dF32DirectRef } from "../../kernels/conv2d-f32-direct-ref.ts";
import { gemmF32IjkRef } from "../../kernels/gemm-f32-ijk-ref.ts";
import { randomF32 } from "../../kernels/random.ts";
import { tfjsConv2dVariant, tfjsMatMulVariant } from "./tfjs-variants.ts";

/**
 * The variants' own logic (layouts, bias, padding, reading the result, disposing, the leak check)
 * against our references, with tfjs on its CPU backend: the WebAssembly backend needs a browser,
 * and e2e runs it there through the benchmark.
 */
vi.mock("../../kernels/peer/tfjs-wasm.ts", () => ({
  useTfjsWasm: async () => {
    await tf.setBackend("cpu");
    return tf;
  },
}));

const ctx = { threads: 1 } as RunContext; // the variants read only the thread count

/** Unit roundoff of f32. */
const U = 2 ** -24;

const convCases: [string, ConvParams][] = [
  ["3×3, padding 1, C=3", { batch: 1, channels: 3, height: 7, width: 9, filters: 5, kernelH: 3, kernelW: 3, stride: 1, padding: 1 }],
  [
    "5×3, stride 2, padding 2, N=2",
    { batch: 2, channels: 2, height: 9, width: 8, filters: 3, kernelH: 5, kernelW: 3, stride: 2, padding: 2 },
  ],
  ["1×1, C=1, F=1", { batch: 1, channels: 1, height: 4, width: 6, filters: 1, kernelH: 1, kernelW: 1, stride: 1, padding: 0 }],
];

describe("tfjsConv2dVariant", () => {
  const variant = tfjsConv2dVariant("wasm-simd");

  it("names the kernel XNNPACK-style and runs on the calling thread", () => {
    expect(variant.id).toBe("conv2d-f32-tfjs-wasmsimd");
    expect(variant.parallel).toBeUndefined();
    const threaded = tfjsConv2dVariant("wasm-threaded-simd");
    expect([threaded.id, threaded.parallel, threaded.needsIsolation, threaded.maxThreads]).toEqual([
      "conv2d-f32-tfjs-wasmsimd-threads",
      true,
      true,
      8,
    ]);
  });

  /** tfjs sums the C·kH·kW products and the bias in f32 in its own order: (K + 2)·u·Σ|x||w| + |b|, doubled. */
  it.each(convCases)("converts NCHW/OIHW to NHWC/HWIO and back, and matches conv2dF32DirectRef: %s", async (_, p) => {
    const n = convSizes(convShape(p));
    const input = { x: randomF32(n.input, 1), w: randomF32(n.weights, 2), b: randomF32(n.bias, 3) };
    const before = tf.memory().numTensors;
    const run = await variant.prepare(p, input, ctx);
    expect(() => run.output()).toThrow(/before any run/);
    run.run();
    run.run();
    const got = run.output();
    const want = new Float32Array(n.output);
    conv2dF32DirectRef(p, input.x, input.w, input.b, want);
    const mag = new Float32Array(n.output);
    conv2dF32DirectRef(p, input.x.map(Math.abs), input.w.map(Math.abs), input.b.map(Math.abs), mag);
    const depth = convShape(p).patch + 2;
    for (let i = 0; i < want.length; i++) {
      const err = Math.abs(got[i]! - want[i]!);
      if (!(err <= 2 * depth * U * mag[i]!)) expect.fail(`out[${i}]: got ${got[i]}, want ${want[i]}`);
    }
    run.dispose?.();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("fails the run when a tensor is left behind", async () => {
    const p = convCases[0]![1];
    const n = convSizes(convShape(p));
    const run = await variant.prepare(p, { x: randomF32(n.input, 4), w: randomF32(n.weights, 5), b: randomF32(n.bias, 6) }, ctx);
    run.run();
    const stray = tf.scalar(1);
    expect(() => run.output()).toThrow(/left 1 tensor\(s\) behind/);
    stray.dispose();
    expect(run.output()).toHaveLength(n.output);
    run.dispose?.();
  });
});

describe("tfjsMatMulVariant", () => {
  it("multiplies row-major A (M×K) by B (K×N) with no conversion, on odd sizes", async () => {
    const shape = { m: 7, n: 5, k: 13 };
    const input = { a: randomF32(shape.m * shape.k, 7), b: randomF32(shape.k * shape.n, 8) };
    const variant = tfjsMatMulVariant<{ size: number }, typeof input>("wasm-simd", (_, i) => ({ shape, ...i }));
    expect(variant.id).toBe("gemm-f32-tfjs-wasmsimd");
    const before = tf.memory().numTensors;
    const run = await variant.prepare({ size: 7 }, input, ctx);
    run.run();
    const got = run.output();
    const want = new Float32Array(shape.m * shape.n);
    gemmF32IjkRef(shape, input.a, input.b, want);
    const mag = new Float32Array(want.length);
    gemmF32IjkRef(shape, input.a.map(Math.abs), input.b.map(Math.abs), mag);
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(2 * (shape.k + 1) * U * mag[i]!);
    run.dispose?.();
    expect(tf.memory().numTensors).toBe(before);
  });
});
