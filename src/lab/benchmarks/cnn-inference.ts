import { gemmF32BlockedTs } from "../../kernels/gemm-f32-blocked-ts.ts";
import { mulberry32 } from "../../kernels/random.ts";
import { cnnShape, cnnForwardFlops, MNIST_CNN } from "../../model/cnn-config.ts";
import { cnnForward } from "../../model/cnn-forward.ts";
import { CnnInference } from "../../model/cnn-inference.ts";
import { cnnForwardI8Ref } from "../../model/cnn-i8-forward-ref.ts";
import { CnnInferenceI8 } from "../../model/cnn-i8-inference.ts";
import { cnnForwardJob, type CnnForwardArgs, type RunCnnJob } from "../../model/cnn-jobs.ts";
import { typescriptCnnKernels } from "../../model/cnn-kernels.ts";
import { cnnGraph } from "../../model/cnn-onnx-graph.ts";
import { initParams, paramLayout, paramViews } from "../../model/cnn-params.ts";
import { workspaceFor, workspaceLayout } from "../../model/cnn-workspace.ts";
import { arenaBytes } from "../../kernels/wasm/wasm-arena.ts";
import { defineBenchmark, type RunContext, type Variant } from "../benchmark.ts";
import { ortVariant } from "../peer/ort-variants.ts";

/**
 * Syllabus 6.3: the same images classified one per call, in batches, and split across workers,
 * on two networks. The site's MNIST CNN, whose work is in its convolutions: im2col already turns
 * one image into GEMMs of 784 and 196 rows, so batching changes little. And the hidden dense layer
 * of the Keras MNIST example (9 216 → 128, 4.7 MB of weights), whose work is one product per
 * image: at batch 1 it streams every weight from memory for each image, batched it reuses them.
 * Every variant classifies all the case's images per timed call, so time ratios are throughput ratios.
 */

/** model: 0 = the MNIST CNN, 1 = the dense layer. */
type InferenceParams = { model: number; images: number };

interface InferenceInput {
  /** images × input floats, in [0, 1) like normalised pixels or post-ReLU activations. */
  x: Float32Array;
  /** The network's weights: the CNN's parameter vector, or the dense layer's inputs × outputs matrix. */
  weights: Float32Array;
}

const IMAGES = 256;
const DENSE = { inputs: 9216, outputs: 128 } as const;
const CNN_SHAPE = cnnShape(MNIST_CNN);
const CNN_PARAMS = paramLayout(CNN_SHAPE);
export const CNN_CASE = `MNIST CNN (this site's), ${IMAGES} images`;
export const DENSE_CASE = `dense ${DENSE.inputs}→${DENSE.outputs} (Keras MNIST example), ${IMAGES} images`;

const inputsPerImage = (p: InferenceParams) => (p.model === 0 ? CNN_SHAPE.input : DENSE.inputs);

/** Runs cnn_forward on this thread when it has one part, on the pool otherwise. */
function forwardRunner(ctx: RunContext): RunCnnJob<CnnForwardArgs> {
  return (args, parts) => (parts === 1 ? cnnForwardJob.part(ctx.wasm.kernels, args, 0, 1) : ctx.pool.run("cnn_forward", args, parts));
}

/**
 * Images a split run's threads claim at a time: 16 claims for 256 images, so a thread on a slower
 * or busier core takes fewer of them (with 64-image chunks, 2 threads would get 2 each whatever
 * their speed), and the GEMMs still have 16 × 784 rows.
 */
const SPLIT_CHUNK = 16;

/**
 * The CNN's sizes on `threads` threads. Split, the threads claim SPLIT_CHUNK images at a time,
 * fewer past 16 threads so every thread has one to claim (64 threads' workspaces, 4 images each,
 * take 1.3 MB).
 */
function cnnOptions(p: InferenceParams, threads: number, batch: number, split: boolean) {
  const chunk = split ? Math.min(SPLIT_CHUNK, Math.ceil(p.images / threads)) : batch;
  return { capacity: p.images, chunk, maxParts: threads };
}

/** Arena bytes prepareNetwork takes: the CNN's blocks, or the dense layer's x, w and y. */
function networkBytes(p: InferenceParams, threads: number, batch: number, split = false): number {
  if (p.model === 0) return CnnInference.arenaBytes(cnnOptions(p, threads, batch, split));
  return arenaBytes(p.images * DENSE.inputs, DENSE.inputs * DENSE.outputs, p.images * DENSE.outputs);
}

/**
 * The case's network in the shared memory. `batch` images per call on one thread; or, with
 * `split`, all the images in one call divided among ctx.threads threads (the CNN's threads claim
 * SPLIT_CHUNK at a time; the dense layer's threads each multiply their band of the images at once).
 */
function prepareNetwork(p: InferenceParams, input: InferenceInput, ctx: RunContext, batch: number, split = false) {
  const { arena, kernels } = ctx.wasm;
  arena.reset();
  if (p.model === 0) {
    const net = new CnnInference(arena, { ...cnnOptions(p, ctx.threads, batch, split), seed: 0 });
    net.weights().set(input.weights);
    net.inputs().set(input.x);
    const runForward = forwardRunner(ctx);
    return { run: () => net.run(p.images, ctx.threads, runForward), output: () => net.logits().slice(0, p.images * CNN_SHAPE.classes) };
  }
  const { inputs: K, outputs: N } = DENSE;
  const x = arena.allocF32(p.images * K);
  const w = arena.allocF32(K * N);
  const y = arena.allocF32(p.images * N);
  x.view().set(input.x);
  w.view().set(input.weights);
  const f32 = Float32Array.BYTES_PER_ELEMENT;
  const perCall = split ? p.images : batch;
  return {
    run() {
      for (let r = 0; r < p.images; r += perCall) {
        const m = Math.min(perCall, p.images - r);
        const a = x.ptr + r * K * f32;
        const c = y.ptr + r * N * f32;
        if (ctx.threads === 1) kernels.raw.gemm_f32_6x8_wasmrelaxedsimd(m, N, K, a, K, w.ptr, N, c, N);
        else ctx.pool.run("gemm_f32_6x8_wasmrelaxedsimd", { m, n: N, k: K, a, lda: K, b: w.ptr, ldb: N, c, ldc: N }, ctx.threads);
      }
    },
    output: () => y.view().slice(),
  };
}

type InferenceVariant = Variant<InferenceParams, InferenceInput>;

function batched(batch: number, label: string): InferenceVariant {
  return {
    id: `infer-f32-batch${batch}-wasmrelaxedsimd`,
    label,
    needsIsolation: true,
    prepare: (p, input, ctx) => prepareNetwork(p, input, { ...ctx, threads: 1 }, batch),
    arenaBytes: (p) => networkBytes(p, 1, batch),
  };
}

const batch1 = batched(1, "One image per call");
const batch8 = batched(8, "Batches of 8");
const batch64 = batched(64, "Batches of 64");
const batch256 = batched(IMAGES, `One batch of ${IMAGES}`);

/**
 * The same CNN quantized: weights per output channel, each image's activations per tensor, both
 * convolutions and the dense layer in int8 with int32 sums (CnnInferenceI8), in batches of 64 like
 * batch64. Its output is checked against its own plain TypeScript twin, bit for bit (the harness's
 * `expected`, tolerance 0): the float reference differs from it by the quantization error, which
 * the float variants' tolerance must not be widened to admit. What that error costs in accuracy is
 * measured on the trained network and the MNIST test digits (scripts/trained-cnn-accuracy.test.ts).
 */
/**
 * The int8 network's logits by its plain reference, 16 images at a time: each image has its own
 * scales, so chunks give the same bits, and the reference's float im2col matrices stay a few MB
 * instead of tens, which the runner worker's heap would otherwise carry into the timed runs.
 */
function int8Reference(x: Float32Array, weights: Float32Array, images: number): Float32Array {
  const logits = new Float32Array(images * CNN_SHAPE.classes);
  const p = paramViews(CNN_PARAMS, weights);
  for (let r = 0; r < images; r += 16) {
    const n = Math.min(16, images - r);
    logits.set(cnnForwardI8Ref(CNN_SHAPE, p, x.subarray(r * CNN_SHAPE.input, (r + n) * CNN_SHAPE.input), n), r * CNN_SHAPE.classes);
  }
  return logits;
}

/** The int8 network's sizes: all the case's images, 64 at a time. */
const int8Options = (p: InferenceParams) => ({ capacity: p.images, chunk: 64 });
const int8: InferenceVariant = {
  id: "infer-i8-batch64-wasmrelaxedsimd",
  label: "int8 (per-channel weights), batches of 64",
  needsIsolation: true,
  cases: [CNN_CASE],
  prepare(p, { x, weights }, ctx) {
    const { arena, kernels } = ctx.wasm;
    arena.reset();
    const net = new CnnInferenceI8(kernels, arena, { ...int8Options(p), weights });
    net.inputs().set(x);
    return {
      run: () => net.run(p.images),
      output: () => net.logits().slice(0, p.images * CNN_SHAPE.classes),
      expected: int8Reference(x, weights, p.images),
    };
  },
  arenaBytes: (p, _threads, kernels) => CnnInferenceI8.arenaBytes(kernels, int8Options(p)),
};
const threads: InferenceVariant = {
  id: "infer-f32-split-wasmrelaxedsimd-threads",
  label: "All images in one call, split across the threads",
  needsIsolation: true,
  parallel: true,
  prepare: (p, input, ctx) => prepareNetwork(p, input, ctx, 64, true),
  arenaBytes: (p, threads) => networkBytes(p, threads, 64, true),
};

/** The same CNN and weights as an ONNX model in onnxruntime-web, all the case's images in one batch per run. */
const ort: InferenceVariant = {
  ...ortVariant<InferenceParams, InferenceInput>("infer", "CNN, one batch", (p, { x, weights }) => ({
    graph: cnnGraph(CNN_SHAPE, paramViews(CNN_PARAMS, weights), p.images),
    feeds: { x },
  })),
  cases: [CNN_CASE],
};

export const cnnInference = defineBenchmark<InferenceParams, InferenceInput>({
  id: "cnn-inference",
  title: "Inference: one image per call, batches, and workers",
  chapter: "/benchmarks/inference/",
  cases: [
    { label: CNN_CASE, params: { model: 0, images: IMAGES } },
    { label: DENSE_CASE, params: { model: 1, images: IMAGES } },
  ],
  caseAxis: "network",
  seed: 20261206,
  input(p, seed) {
    const next = mulberry32(seed);
    const x = new Float32Array(p.images * inputsPerImage(p));
    for (let i = 0; i < x.length; i++) x[i] = next();
    if (p.model === 0) {
      // Speed does not depend on the weights' values (no branch does), so random ones time a trained network.
      const weights = new Float32Array(CNN_PARAMS.count);
      initParams(CNN_SHAPE, CNN_PARAMS, weights, seed + 1);
      return { x, weights };
    }
    const weights = new Float32Array(DENSE.inputs * DENSE.outputs);
    const limit = Math.sqrt(6 / DENSE.inputs);
    for (let i = 0; i < weights.length; i++) weights[i] = (next() * 2 - 1) * limit;
    return { x, weights };
  },
  reference(p, { x, weights }) {
    if (p.model === 0) {
      const layout = workspaceLayout(CNN_SHAPE, CNN_PARAMS, p.images, false);
      const ws = workspaceFor(layout, new Float32Array(layout.count), p.images);
      cnnForward(CNN_SHAPE, paramViews(CNN_PARAMS, weights), x, p.images, ws, typescriptCnnKernels);
      return ws.logits.slice();
    }
    const out = new Float32Array(p.images * DENSE.outputs);
    gemmF32BlockedTs({ m: p.images, n: DENSE.outputs, k: DENSE.inputs }, x, weights, out);
    return out;
  },
  flops: (p) => p.images * (p.model === 0 ? cnnForwardFlops(CNN_SHAPE) : 2 * DENSE.inputs * DENSE.outputs),
  // The WebAssembly and TypeScript GEMMs add the same products in other orders. Measured gaps are
  // below 1e-5 on CNN logits of magnitude ≲ 10 and on dense outputs ≲ 3; a misplaced image or row
  // would be off by ~1.
  tolerance: (p) => (p.model === 0 ? 1e-4 : 1e-3),
  baseline: batch1.id,
  variants: [batch1, batch8, batch64, batch256, int8, threads, ort],
  claims: [
    {
      id: "cnn-inference/dense-batch64",
      case: DENSE_CASE,
      faster: { variant: batch64.id },
      slower: { variant: batch1.id },
      atLeast: 3,
      because:
        "one image at a time, the layer reads all 4.7 MB of its weights from memory for 2.4 MFLOP of work, so it waits on memory; a batch of 64 uses every weight 64 times while it is in cache and the layer becomes compute-bound",
    },
    {
      id: "cnn-inference/cnn-batch-no-gain",
      case: CNN_CASE,
      faster: { variant: batch1.id },
      slower: { variant: batch64.id },
      atLeast: 0.75,
      because:
        "im2col already makes one image a GEMM of 784 (then 196) rows that reuses each small filter hundreds of times, so a batch has no reuse to add, while its 64 images' im2col matrices (about 15 MB) no longer fit in cache",
    },
    {
      id: "cnn-inference/threads-2",
      case: CNN_CASE,
      faster: { variant: threads.id, threads: 2 },
      slower: { variant: threads.id, threads: 1 },
      atLeast: 1.6,
      because:
        "images are independent: each thread claims the next 16 images and classifies them in its own workspace, and only the read-only weights and one counter are shared",
    },
  ],
});
