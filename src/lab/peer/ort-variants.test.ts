import { describe, expect, it, vi } from "vitest";
import type { RunContext } from "../benchmark.ts";
import { convShape, type ConvParams } from "../../kernels/conv-shape.ts";
import { ODD_CONV_CASES, randomConvOperands } from "../../kernels/conv-test-cases.ts";
import { expectWithinConvBound } from "../../kernels/conv-test-support.ts";
import { expectGemmWithinTolerance } from "../../kernels/gemm-test-support.ts";
import { matMulGraph } from "../../kernels/peer/onnx-graphs.ts";
import { randomF32 } from "../../kernels/random.ts";
import { ortConv2dVariant, ortMatMulVariant, ortVariant } from "./ort-variants.ts";

/**
 * The variants against our references with onnxruntime-web's Node build: the same ORT in
 * WebAssembly, on one thread (threads and the browser's copy of the library are e2e's part).
 */
vi.mock("../../kernels/peer/ort-wasm.ts", () => ({ useOrtWasm: async () => import("onnxruntime-web") }));

const ctx = { threads: 1 } as RunContext; // the variants read only the thread count

describe("ortConv2dVariant", () => {
  const variant = ortConv2dVariant<ReturnType<typeof randomConvOperands>>();

  it("names the kernel XNNPACK-style and is timed at each thread count, on an isolated page", () => {
    expect([variant.id, variant.parallel, variant.needsIsolation]).toEqual(["conv2d-f32-ort-wasmsimd-threads", true, true]);
  });

  it.each([
    ...ODD_CONV_CASES,
    [
      "deep-layer geometry, small: C=64, 3×3, pad 1",
      { batch: 1, channels: 64, height: 7, width: 9, filters: 13, kernelH: 3, kernelW: 3, stride: 1, padding: 1 },
    ],
  ] as [string, ConvParams][])("matches conv2dF32DirectRef, NCHW in and out: %s", async (_, p) => {
    const input = randomConvOperands(p, 3);
    const run = await variant.prepare(p, input, ctx);
    expect(() => run.output()).toThrow(/before any run/);
    await run.run();
    await run.run();
    const got = run.output();
    expect(got).toHaveLength(convShape(p).cols * p.filters);
    expectWithinConvBound(p, input.x, input.w, input.b, got);
    run.dispose?.();
  });
});

describe("ortMatMulVariant", () => {
  it.each([
    [7, 5, 13],
    [1, 9, 3],
    [65, 33, 17],
  ])("multiplies row-major A (M×K) by B (K×N) with no conversion: %i×%i×%i", async (m, n, k) => {
    const shape = { m, n, k };
    const input = { a: randomF32(m * k, 7), b: randomF32(k * n, 8) };
    const variant = ortMatMulVariant<{ size: number }, typeof input>((_, i) => ({ shape, ...i }));
    expect(variant.id).toBe("gemm-f32-ort-wasmsimd-threads");
    const run = await variant.prepare({ size: m }, input, ctx);
    await run.run();
    expectGemmWithinTolerance(shape, input.a, input.b, run.output());
    run.dispose?.();
  });
});

describe("ortVariant", () => {
  it("fails prepare with a message when an input of the graph has no array", async () => {
    const variant = ortVariant<{ size: number }, Float32Array>("gemm", "MatMul", (_, a) => ({
      graph: matMulGraph({ m: 1, n: 1, k: 1 }),
      feeds: { a },
    }));
    await expect(variant.prepare({ size: 1 }, new Float32Array(1), ctx)).rejects.toThrow(
      "invalid feeds: no array for input b of matmul-1x1x1",
    );
  });
});
