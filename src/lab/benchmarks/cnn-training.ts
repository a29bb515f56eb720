import { mulberry32 } from "../../kernels/random.ts";
import { cnnForwardFlops, cnnShape, MNIST_CNN } from "../../model/cnn-config.ts";
import { defineBenchmark, type RunContext, type Variant } from "../benchmark.ts";
import type { GradientPath } from "../../model/cnn-jobs.ts";
import { DigitTrainer, type BatchSpec, type TrainingMode } from "../training/digit-trainer.ts";
import { encodeDigitStore, type DigitStore } from "../training/digit-store.ts";
import { sevenSegmentDigits } from "../training/seven-segment-digits.ts";
import { trainingStepRef } from "../training/training-step-ref.ts";
import { DEFAULT_TRAINING } from "../training/training-options.ts";

/**
 * Syllabus 6.2: one SGD step of the site's MNIST CNN three ways — one thread doing everything;
 * batches built (decoded, augmented, normalised) by a second thread one step ahead; the batch
 * split across K threads whose gradient sums are merged in shared memory before one update.
 * Every timed call is one whole step, loading included, so time ratios are samples-per-second
 * ratios. The speed of a step does not depend on the pixels, so the input is generated from a
 * seed (seven-segment digits) instead of fetched; the live island on the same page trains on MNIST.
 */
type TrainingParams = { batch: number };

interface TrainingInput {
  store: DigitStore;
  /** The batch every timed step trains on, so every step starts from the same state and ends equal. */
  spec: BatchSpec;
}

/** Seed of the weights every timed step starts from. */
export const WEIGHT_SEED = 1;
const { learningRate, momentum, maxShift } = DEFAULT_TRAINING;
const SHAPE = cnnShape(MNIST_CNN);
const batchLabel = (batch: number) => `batch ${batch}`;
export const CLAIM_CASE = batchLabel(DEFAULT_TRAINING.batch);

/** Seed of the case's digits. */
const SEED = 20261124;
/** The case's stored digits: twice the batch, so a batch draws from more images than it holds. */
const digitsFor = (batch: number, seed: number) => encodeDigitStore(sevenSegmentDigits(2 * batch, seed));

/** Arena bytes prepareStep's trainer takes on `threads` threads (its digits are the case's own). */
const stepBytes = (p: TrainingParams, threads: number) =>
  DigitTrainer.arenaBytes({ store: digitsFor(p.batch, SEED), batch: p.batch, maxThreads: threads });

/**
 * A DigitTrainer in the shared memory whose `run` repeats one step from the same weights; `path`
 * selects the gradient's code path (the current one, or one from before a change, cnn-jobs.ts).
 */
function prepareStep(mode: TrainingMode, p: TrainingParams, input: TrainingInput, ctx: RunContext, path: GradientPath = "tap-major") {
  const { arena, kernels } = ctx.wasm;
  arena.reset();
  const t = new DigitTrainer(arena, kernels, {
    store: input.store,
    batch: p.batch,
    maxThreads: ctx.threads,
    seed: WEIGHT_SEED,
    maxShift,
    path,
  });
  const initial = t.trainer.weights().slice();
  // Prefetch trains on the batch loaded by the previous step: the first one is loaded here.
  if (mode === "prefetch") t.load(input.spec);
  return {
    run() {
      // Restoring 11 k weights and zeroing the momentum costs microseconds against a ~40 ms step.
      t.trainer.weights().set(initial);
      t.trainer.velocity().fill(0);
      t.step(mode, input.spec, { learningRate, momentum }, ctx.threads, ctx.pool);
    },
    output: () => t.trainer.weights().slice(),
  };
}

type TrainingVariant = Variant<TrainingParams, TrainingInput>;

const single: TrainingVariant = {
  id: "cnn-train-f32-wasmrelaxedsimd",
  label: "(a) one thread: load the batch, then compute",
  needsIsolation: true,
  prepare: (p, input, ctx) => prepareStep("single", p, input, { ...ctx, threads: 1 }),
  arenaBytes: (p) => stepBytes(p, 1),
};

/** The profiling lesson's second "before": (a) with both convolutions lowered pixel-major (what inference runs). */
const singlePixelMajor: TrainingVariant = {
  id: "cnn-train-f32-pixel-im2col-wasmrelaxedsimd",
  label: "(a) before: im2col with one row per pixel",
  needsIsolation: true,
  prepare: (p, input, ctx) => prepareStep("single", p, input, { ...ctx, threads: 1 }, "pixel-major"),
  arenaBytes: (p) => stepBytes(p, 1),
};

/** The profiling lesson's first "before": the pixel-major step with the max-pool + ReLU gradient still in TypeScript. */
const singleTypescriptPool: TrainingVariant = {
  id: "cnn-train-f32-ts-maxpool-backward-wasmrelaxedsimd",
  label: "(a) before: im2col with one row per pixel, the max-pool gradient in TypeScript",
  needsIsolation: true,
  prepare: (p, input, ctx) => prepareStep("single", p, input, { ...ctx, threads: 1 }, "pixel-major-ts-pool-backward"),
  arenaBytes: (p) => stepBytes(p, 1),
};

const prefetch: TrainingVariant = {
  id: "cnn-train-f32-prefetch-wasmrelaxedsimd-threads",
  label: "(b) parallel loading: next batch built by a second thread during the step",
  needsIsolation: true,
  parallel: true,
  // One thread computes, one loads: a third has nothing to do.
  maxThreads: 2,
  prepare: (p, input, ctx) => prepareStep("prefetch", p, input, ctx),
  arenaBytes: stepBytes,
};

const dataParallel: TrainingVariant = {
  id: "cnn-train-f32-data-parallel-wasmrelaxedsimd-threads",
  label: "(c) data-parallel: K threads claim 8-image chunks, each loads and differentiates its own, gradients averaged",
  needsIsolation: true,
  parallel: true,
  prepare: (p, input, ctx) => prepareStep("data-parallel", p, input, ctx),
  arenaBytes: stepBytes,
};

export const cnnTraining = defineBenchmark<TrainingParams, TrainingInput>({
  id: "cnn-training",
  title: "Training the digit CNN: one thread, parallel loading, data-parallel",
  chapter: "/benchmarks/training/",
  cases: [16, DEFAULT_TRAINING.batch].map((batch) => ({ label: batchLabel(batch), params: { batch } })),
  caseAxis: "images per training step",
  seed: SEED,
  input({ batch }, seed) {
    const store = digitsFor(batch, seed);
    const next = mulberry32(seed + 1);
    const indices = Int32Array.from({ length: batch }, () => Math.floor(next() * store.count));
    return { store, spec: { indices, seed: seed + 2 } };
  },
  reference: (_p, { store, spec }) => trainingStepRef(store, spec, WEIGHT_SEED, learningRate, momentum, maxShift),
  baseline: single.id,
  variants: [single, singlePixelMajor, singleTypescriptPool, prefetch, dataParallel],
  // Forward, then backward: each convolution's and the dense layer's two gradient products
  // (weights and input) cost one forward product each, so a step is 3 forward passes per image.
  flops: ({ batch }) => 3 * batch * cnnForwardFlops(SHAPE),
  // The reference sums the same products with the TypeScript GEMM in another order, and each
  // weight moves by lr × gradient: differences ≲ 1e-8; 1e-6 is ~10 ulp of a weight of size 1,
  // while a slice's gradient missing or counted twice moves weights by ~lr × 0.1 = 1e-3.
  tolerance: () => 1e-6,
  claims: [
    {
      id: "cnn-training/tap-major-im2col",
      case: CLAIM_CASE,
      faster: { variant: single.id },
      slower: { variant: singlePixelMajor.id },
      atLeast: 1.2,
      because:
        "with a row per tap and a column per pixel, W · col is already the NCHW output and the weight gradient reads the output gradient and col along their rows: no scatter, gather or transposed copy, and im2col and col2im move whole image rows instead of one kernel row or one float at a time",
    },
    {
      id: "cnn-training/wasm-pool-backward",
      case: CLAIM_CASE,
      faster: { variant: singlePixelMajor.id },
      slower: { variant: singleTypescriptPool.id },
      atLeast: 1.05,
      because:
        "the TypeScript max-pool gradient cleared each 28×28 gradient plane in one pass, then searched every 2×2 window one float at a time; the WebAssembly kernel searches four windows per SIMD step and writes every gradient value once, zeros included",
    },
    {
      id: "cnn-training/data-parallel-2",
      case: CLAIM_CASE,
      faster: { variant: dataParallel.id, threads: 2 },
      slower: { variant: single.id },
      atLeast: 1.6,
      because:
        "the threads claim the batch 8 images at a time and decode and differentiate what they claim, nothing but the read-only weights and one counter is shared, and the merge adds 8 × 11 k floats per step against the ~2 million multiply-adds per image of the backward pass",
    },
  ],
});
