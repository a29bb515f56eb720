import type * as tfTypes from "@tensorflow/tfjs-core";
import type { Params, PreparedRun, Variant } from "../benchmark.ts";
import { convShape, type ConvParams } from "../../kernels/conv-shape.ts";
import { nchwToNhwc, nhwcToNchw, oihwToHwio } from "../../kernels/peer/layout-f32.ts";
import { tfjsMaxThreads, type TfjsWasmIsa } from "../../kernels/peer/tfjs-wasm-builds.ts";
import type { ConvOperands, GemmOperands } from "./peer-operands.ts";

/**
 * Benchmark variants that run TensorFlow.js's WebAssembly backend (XNNPACK). tfjs is imported on
 * the first prepare(), so declaring these variants costs nothing to pages and benchmarks that do
 * not run them. The threaded build is timed at each thread count like our parallel variants
 * (one tfjs module per count, see tfjs-wasm.ts), up to its own cap of 8.
 */

type Tf = typeof tfTypes;

async function loadTfjs(isa: TfjsWasmIsa, threads: number): Promise<Tf> {
  const { useTfjsWasm } = await import("../../kernels/peer/tfjs-wasm.ts");
  return useTfjsWasm(isa, threads);
}

const ISA_LABEL: Record<TfjsWasmIsa, string> = {
  "wasm-simd": "XNNPACK SIMD",
  "wasm-threaded-simd": "XNNPACK SIMD, threaded",
};

/**
 * A tfjs build as the kernel-name vocabulary spells it (README "Kernel names"): tfjs calls its
 * builds wasm-simd and wasm-threaded-simd; our ids say wasmsimd and mark the pooled one -threads.
 */
const ISA_TOKEN: Record<TfjsWasmIsa, string> = {
  "wasm-simd": "wasmsimd",
  "wasm-threaded-simd": "wasmsimd-threads",
};

function variantOptions(isa: TfjsWasmIsa) {
  const threaded = isa === "wasm-threaded-simd";
  return threaded ? { parallel: true, needsIsolation: true, maxThreads: tfjsMaxThreads(isa) } : {};
}

/**
 * The timed call runs `op`, reads its result into JavaScript (dataSync, which copies it out of
 * the wasm heap: a tfjs user needs the numbers too) and disposes it. `output` converts the last
 * result to our layout, outside the timing, and fails if a call left tensors behind.
 */
function tensorRun(
  tf: Tf,
  inputs: readonly tfTypes.Tensor[],
  op: () => tfTypes.Tensor,
  toOurLayout: (y: Float32Array) => Float32Array,
): PreparedRun {
  const live = tf.memory().numTensors;
  let last: Float32Array | undefined;
  return {
    run() {
      const y = op();
      const data = y.dataSync();
      y.dispose();
      if (!(data instanceof Float32Array)) throw new TypeError(`tfjs returned ${y.dtype}, expected float32`);
      last = data;
    },
    output() {
      const leaked = tf.memory().numTensors - live;
      if (leaked !== 0) throw new Error(`tfjs left ${leaked} tensor(s) behind after the timed calls`);
      if (!last) throw new Error("output() was read before any run()");
      return toOurLayout(last);
    },
    dispose() {
      for (const t of inputs) t.dispose();
    },
  };
}

/**
 * tf.fused.conv2d with bias: NHWC input and HWIO filters, as TensorFlow lays them out. Our NCHW
 * input and OIHW weights are converted once in prepare(), and the NHWC result back to NCHW in
 * output(), so the timing holds the convolution and reading its result, nothing else.
 */
export function tfjsConv2dVariant<I extends ConvOperands>(isa: TfjsWasmIsa): Variant<ConvParams, I> {
  return {
    id: `conv2d-f32-tfjs-${ISA_TOKEN[isa]}`,
    label: `tfjs-wasm conv2d (${ISA_LABEL[isa]})`,
    ...variantOptions(isa),
    async prepare(p, { x, w, b }, ctx) {
      const s = convShape(p);
      const tf = await loadTfjs(isa, ctx.threads);
      const input = tf.tensor4d(nchwToNhwc(x, [s.batch, s.channels, s.height, s.width]), [s.batch, s.height, s.width, s.channels]);
      const filter = tf.tensor4d(oihwToHwio(w, [s.filters, s.channels, s.kernelH, s.kernelW]), [
        s.kernelH,
        s.kernelW,
        s.channels,
        s.filters,
      ]);
      const bias = tf.tensor1d(b);
      // Explicit padding: with a number, tfjs 4.22 sizes the output width from the kernel's height.
      const pad = s.padding;
      const explicit: [[number, number], [number, number], [number, number], [number, number]] = [
        [0, 0],
        [pad, pad],
        [pad, pad],
        [0, 0],
      ];
      return tensorRun(
        tf,
        [input, filter, bias],
        () => tf.fused.conv2d({ x: input, filter, bias, strides: s.stride, pad: explicit }),
        (y) => nhwcToNchw(y, [s.batch, s.outH, s.outW, s.filters]),
      );
    },
  };
}

/**
 * tf.matMul: row-major like our GEMM contract, so no conversion at all. `operands` reads the
 * shape and matrices out of the benchmark's own params and input.
 */
export function tfjsMatMulVariant<P extends Params, I>(isa: TfjsWasmIsa, operands: (p: P, input: I) => GemmOperands): Variant<P, I> {
  return {
    id: `gemm-f32-tfjs-${ISA_TOKEN[isa]}`,
    label: `tfjs-wasm matMul (${ISA_LABEL[isa]})`,
    ...variantOptions(isa),
    async prepare(p, input, ctx) {
      const { shape: s, a, b } = operands(p, input);
      const tf = await loadTfjs(isa, ctx.threads);
      const ta = tf.tensor2d(a, [s.m, s.k]);
      const tb = tf.tensor2d(b, [s.k, s.n]);
      return tensorRun(
        tf,
        [ta, tb],
        () => tf.matMul(ta, tb),
        (y) => y,
      );
    },
  };
}
