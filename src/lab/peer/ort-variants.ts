import type { Params, PreparedRun, Variant } from "../benchmark.ts";
import type { ConvParams } from "../../kernels/conv-shape.ts";
import { convGraph, matMulGraph } from "../../kernels/peer/onnx-graphs.ts";
import { encodeOnnxModel, type OnnxGraph } from "../../kernels/peer/onnx-model.ts";
import type { Ort } from "../../kernels/peer/ort-wasm.ts";
import type { ConvOperands, GemmOperands } from "./peer-operands.ts";

/**
 * Benchmark variants that run onnxruntime-web's WebAssembly execution provider on an ONNX model
 * of the benchmark's own shapes and weights, encoded in prepare() (onnx-model.ts). ORT is imported
 * on the first prepare(), so declaring these variants costs nothing where they do not run. Its one
 * build (SIMD, threads) is timed at each thread count like our parallel variants, each count on
 * its own copy of the library (ort-wasm.ts: ORT fixes its thread pool once per instance).
 */

async function loadOrt(threads: number): Promise<Ort> {
  const { useOrtWasm } = await import("../../kernels/peer/ort-wasm.ts");
  return useOrtWasm(threads);
}

/** A model and what one run feeds it: a float32 array per graph input, in the graph's dims. */
export interface OrtModelRun {
  graph: OnnxGraph;
  feeds: Readonly<Record<string, Float32Array>>;
}

/**
 * A variant running `model(params, input)` in an InferenceSession. The session and the input
 * tensors (which only wrap our arrays) are made in prepare(). The timed call is one awaited
 * session.run(feeds): it copies the inputs into ORT's wasm heap, runs the graph, and copies the
 * output into a new Float32Array, all of which an ORT user pays per inference; nothing else.
 */
export function ortVariant<P extends Params, I>(op: string, label: string, model: (p: P, input: I) => OrtModelRun): Variant<P, I> {
  return {
    id: `${op}-f32-ort-wasmsimd-threads`,
    label: `onnxruntime-web ${label} (wasm EP, SIMD, threaded)`,
    parallel: true,
    needsIsolation: true,
    async prepare(p, input, ctx) {
      const { graph, feeds } = model(p, input);
      const ort = await loadOrt(ctx.threads);
      // ORT's intra-op threads spin while idle by default: in the runner they would take a core from
      // the measurements that follow (ours among them), so they sleep between runs instead.
      const session = await ort.InferenceSession.create(encodeOnnxModel(graph), {
        executionProviders: ["wasm"],
        extra: { session: { intra_op: { allow_spinning: "0" } } },
      });
      const tensors: Record<string, InstanceType<Ort["Tensor"]>> = {};
      for (const v of graph.inputs) {
        const data = feeds[v.name];
        if (!data) throw new RangeError(`invalid feeds: no array for input ${v.name} of ${graph.name}`);
        tensors[v.name] = new ort.Tensor("float32", data, v.dims);
      }
      const outputName = graph.outputs[0]!.name;
      let last: Float32Array | undefined;
      const prepared: PreparedRun = {
        async run() {
          const y = (await session.run(tensors))[outputName]!;
          if (!(y.data instanceof Float32Array)) throw new TypeError(`onnxruntime-web returned ${y.type}, expected float32`);
          last = y.data;
        },
        output() {
          if (!last) throw new Error("output() was read before any run()");
          return last;
        },
        dispose() {
          void session.release();
        },
      };
      return prepared;
    },
  };
}

/** ONNX Conv, NCHW input and OIHW filters like ours: nothing to convert either way. */
export function ortConv2dVariant<I extends ConvOperands>(): Variant<ConvParams, I> {
  return ortVariant<ConvParams, I>("conv2d", "Conv", (p, { x, w, b }) => ({ graph: convGraph(p, w, b), feeds: { x } }));
}

/** ONNX MatMul, row-major like our GEMM contract; `operands` reads the shape and matrices out of the benchmark's params and input. */
export function ortMatMulVariant<P extends Params, I>(operands: (p: P, input: I) => GemmOperands): Variant<P, I> {
  return ortVariant<P, I>("gemm", "MatMul", (p, input) => {
    const { shape, a, b } = operands(p, input);
    return { graph: matMulGraph(shape), feeds: { a, b } };
  });
}
