import type { JobRunner } from "../../kernels/pool/pool-job.ts";
import type { WasmKernels } from "../../kernels/wasm/kernels-wasm.ts";
import { arenaBytes, type F32Block, type WasmArena } from "../../kernels/wasm/wasm-arena.ts";
import type { CnnGradientArgs, GradientPath } from "../../model/cnn-jobs.ts";
import { CnnTrainer, type StepResult } from "../../model/cnn-trainer.ts";
import { buildDigitRows } from "./digit-batch.ts";
import type { DigitStore } from "./digit-store.ts";
import { cnnDecodeGradientJob, type DecodeArgs, type TrainingPoolJobs } from "./training-jobs.ts";
import { DEFAULT_TRAINING } from "./training-options.ts";

/**
 * How a step gets its batch and its threads (SYLLABUS 6.2):
 * - single: this thread decodes the batch, then computes its gradient, then updates;
 * - prefetch: one thread computes on the batch decoded during the previous step while a second
 *   decodes the next one (parallel data loading, pipelined ahead of compute);
 * - data-parallel: K threads each decode and differentiate a band of the batch, their gradient
 *   sums are merged in shared memory and one update follows.
 */
export const TRAINING_MODES = ["single", "prefetch", "data-parallel"] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];

/** Runs the training jobs on `threads` threads: the lab's pool, or SerialPool in tests. */
export type TrainingPool = JobRunner<TrainingPoolJobs>;

/** A batch to build: which stored images, and the seed of their random shifts. */
export interface BatchSpec {
  indices: Int32Array;
  seed: number;
}

export interface DigitTrainerOptions {
  store: DigitStore;
  /** Images per step. */
  batch: number;
  /** Most threads a step may use. */
  maxThreads: number;
  /** Seed of the initial weights. */
  seed: number;
  /** Largest random shift, in pixels, of the augmentation (default DEFAULT_TRAINING.maxShift). */
  maxShift?: number;
  /** The gradient's code path (CnnTrainerOptions; default "tap-major"). */
  path?: GradientPath;
}

export interface Hyperparameters {
  learningRate: number;
  momentum?: number;
}

/**
 * Lengths (floats) of the loader's blocks beside the trainer's: the compressed digits, their
 * offsets and labels (bytes ride in float blocks), this step's and the next step's indices, and
 * the next step's inputs and labels.
 */
function loaderFloats(o: Pick<DigitTrainerOptions, "store" | "batch">, input: number) {
  const bytes = (length: number) => Math.ceil(length / 4);
  return {
    blobs: bytes(o.store.blobs.length),
    offsets: o.store.count + 1,
    labels: bytes(o.store.count),
    indices: o.batch,
    nextIndices: o.batch,
    nextX: o.batch * input,
    nextY: o.batch,
  };
}

/**
 * The engine's data-parallel trainer (src/model/cnn-trainer.ts) fed by the data loader: the
 * compressed digits, the batch indices and a second input buffer for prefetching live in the
 * shared memory, where every pool worker can decode from and into them.
 */
export class DigitTrainer {
  readonly trainer: CnnTrainer;
  readonly batch: number;
  readonly maxThreads: number;
  readonly #kernels: WasmKernels;
  readonly #store: DigitStore;
  readonly #maxShift: number;
  readonly #blobs: F32Block;
  readonly #offsets: F32Block;
  readonly #labels: F32Block;
  readonly #indices: F32Block;
  readonly #nextIndices: F32Block;
  readonly #nextX: F32Block;
  readonly #nextY: F32Block;

  /** Bytes the constructor takes from the arena with these options: the trainer's blocks and the loader's. */
  static arenaBytes(o: Pick<DigitTrainerOptions, "store" | "batch" | "maxThreads">): number {
    const trainer = CnnTrainer.arenaBytes({ batchCapacity: o.batch, maxParts: o.maxThreads });
    return trainer + arenaBytes(...Object.values(loaderFloats(o, o.store.side * o.store.side)));
  }

  constructor(arena: WasmArena, kernels: WasmKernels, o: DigitTrainerOptions) {
    if (!Number.isInteger(o.batch) || o.batch < 1 || o.batch > o.store.count) {
      throw new RangeError(`invalid batch: ${o.batch} (expected an integer from 1 to ${o.store.count}, the training images)`);
    }
    this.trainer = new CnnTrainer(arena, {
      batchCapacity: o.batch,
      maxParts: o.maxThreads,
      seed: o.seed,
      path: o.path,
    });
    this.batch = o.batch;
    this.maxThreads = o.maxThreads;
    this.#kernels = kernels;
    this.#store = o.store;
    this.#maxShift = o.maxShift ?? DEFAULT_TRAINING.maxShift;
    const input = this.trainer.shape.input;
    if (input !== o.store.side * o.store.side)
      throw new RangeError(`invalid store: ${o.store.side}² pixels per image, the network takes ${input}`);
    const floats = loaderFloats(o, input);
    this.#blobs = arena.allocF32(floats.blobs);
    this.#offsets = arena.allocF32(floats.offsets);
    this.#labels = arena.allocF32(floats.labels);
    this.#indices = arena.allocF32(floats.indices);
    this.#nextIndices = arena.allocF32(floats.nextIndices);
    this.#nextX = arena.allocF32(floats.nextX);
    this.#nextY = arena.allocF32(floats.nextY);
    const buffer = kernels.memory.buffer;
    new Uint8Array(buffer, this.#blobs.ptr, o.store.blobs.length).set(o.store.blobs);
    new Int32Array(buffer, this.#offsets.ptr, o.store.count + 1).set(o.store.offsets);
    new Uint8Array(buffer, this.#labels.ptr, o.store.count).set(o.store.labels);
  }

  /** Decodes `spec` into the trainer's input on this thread: the first batch of a prefetch pipeline. */
  load(spec: BatchSpec): void {
    const { x, labels } = this.trainer.inputs();
    const indices = this.#setIndices(this.#indices, spec);
    buildDigitRows(this.#views(indices, x, labels), this.#store.side, spec.seed, this.#maxShift, 0, this.batch);
  }

  /**
   * One SGD step in `mode` on `threads` threads. single and data-parallel build `spec` and train
   * on it; prefetch trains on the batch already loaded and builds `spec` for the next step.
   */
  step(mode: TrainingMode, spec: BatchSpec, h: Hyperparameters, threads: number, pool: TrainingPool): StepResult {
    if (!Number.isInteger(threads) || threads < 1 || threads > this.maxThreads) {
      throw new RangeError(`invalid threads: ${threads} (expected an integer from 1 to ${this.maxThreads})`);
    }
    const step = (parts: number, job: (args: CnnGradientArgs) => void) =>
      this.trainer.step({ batch: this.batch, parts, learningRate: h.learningRate, momentum: h.momentum }, job);
    if (mode === "prefetch") {
      const indices = this.#setIndices(this.#nextIndices, spec);
      const result = step(1, (args) =>
        pool.run("cnn_prefetch_gradient", { ...args, ...this.#decodeArgs(indices, spec.seed, this.#nextX.ptr, this.#nextY.ptr) }, threads),
      );
      // The next batch becomes the input: 200 KB copied at 64 images, microseconds against a step.
      const { x, labels } = this.trainer.inputs();
      x.set(this.#nextX.view());
      labels.set(this.#nextY.view());
      return result;
    }
    const indices = this.#setIndices(this.#indices, spec);
    const { x, labels } = this.trainer.inputs();
    const withDecode = (args: CnnGradientArgs) => ({ ...args, ...this.#decodeArgs(indices, spec.seed, x.byteOffset, labels.byteOffset) });
    if (mode === "single") {
      // No pool at all: the one-thread baseline runs the same job function on this thread.
      return step(1, (args) => cnnDecodeGradientJob.part(this.#kernels, withDecode(args), 0, 1));
    }
    return step(threads, (args) => pool.run("cnn_decode_gradient", withDecode(args), threads));
  }

  #setIndices(block: F32Block, spec: BatchSpec): Int32Array {
    if (spec.indices.length !== this.batch)
      throw new RangeError(`invalid indices: ${spec.indices.length} images, expected the batch of ${this.batch}`);
    const view = new Int32Array(this.#kernels.memory.buffer, block.ptr, this.batch);
    view.set(spec.indices);
    return view;
  }

  #views(indices: Int32Array, x: Float32Array, y: Float32Array) {
    const buffer = this.#kernels.memory.buffer;
    const s = this.#store;
    return {
      blobs: new Uint8Array(buffer, this.#blobs.ptr, s.blobs.length),
      offsets: new Int32Array(buffer, this.#offsets.ptr, s.count + 1),
      labels: new Uint8Array(buffer, this.#labels.ptr, s.count),
      indices,
      x,
      y,
    };
  }

  #decodeArgs(indices: Int32Array, seed: number, targetX: number, targetY: number): DecodeArgs {
    const s = this.#store;
    return {
      blobs: this.#blobs.ptr,
      blobBytes: s.blobs.length,
      offsets: this.#offsets.ptr,
      storedLabels: this.#labels.ptr,
      stored: s.count,
      indices: indices.byteOffset,
      seed: seed | 0,
      maxShift: this.#maxShift,
      targetX,
      targetY,
      side: s.side,
    };
  }
}
