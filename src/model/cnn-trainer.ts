import { ClaimCounter } from "../kernels/pool/claim-counter.ts";
import { arenaBytes, type WasmArena, type F32Block } from "../kernels/wasm/wasm-arena.ts";
import { cnnShape, configOf, MNIST_CNN, type CnnConfig, type CnnShape } from "./cnn-config.ts";
import { initParams, paramLayout, type ParamLayout } from "./cnn-params.ts";
import { workspaceLayout, type CnnWorkspaceLayout } from "./cnn-workspace.ts";
import { GRADIENT_PATHS, type CnnGradientArgs, type GradientPath, type RunCnnJob } from "./cnn-jobs.ts";
import { checkHyperparameters, mergeGradientSlots, sgdMomentumStep } from "./sgd-momentum.ts";

export interface CnnTrainerOptions {
  config?: CnnConfig;
  /** Most images in one step: the input block holds this many. */
  batchCapacity: number;
  /** Most parts (threads) a step may be split into: one workspace each. */
  maxParts: number;
  /** Seed of the initial weights. */
  seed: number;
  /** Images each part pushes through its workspace at once (default 8: the chunk's activations stay near the L2 cache). */
  chunk?: number;
  /** The gradient's code path (cnn-jobs.ts GRADIENT_PATHS; default "tap-major"): earlier ones are kept for measuring what each change gained. */
  path?: GradientPath;
}

export interface StepOptions {
  /** Images of the input block to train on: 1 … batchCapacity. */
  batch: number;
  /** Parts the batch is split into: 1 … maxParts. */
  parts: number;
  learningRate: number;
  /** Default 0.9. */
  momentum?: number;
}

export interface StepResult {
  /** Mean cross-entropy of the batch before the update. */
  loss: number;
  /** Fraction of the batch classified right before the update. */
  accuracy: number;
}

/**
 * The network's shapes, and the lengths (floats) of the trainer's blocks: weights, momentum,
 * inputs, labels, one gradient slot (parameters + loss and accuracy, 16-byte rounded) per chunk of
 * the largest step, and one workspace per part.
 */
function trainerLayout(o: Pick<CnnTrainerOptions, "config" | "batchCapacity" | "maxParts" | "chunk">) {
  positive("batchCapacity", o.batchCapacity);
  positive("maxParts", o.maxParts);
  const shape = cnnShape(o.config ?? MNIST_CNN);
  const params = paramLayout(shape);
  const workspace = workspaceLayout(shape, params, o.chunk ?? 8, true);
  const slotFloats = Math.ceil((params.count + 2) / 4) * 4;
  // A step's chunks: workspace.capacity images each, or fewer when there are more parts than that
  // makes chunks, so every part has one (chunkImages).
  const chunks = Math.max(Math.ceil(o.batchCapacity / workspace.capacity), Math.min(o.maxParts, o.batchCapacity));
  const floats = {
    weights: params.count,
    velocity: params.count,
    x: o.batchCapacity * shape.input,
    labels: o.batchCapacity,
    slots: chunks * slotFloats,
    ws: o.maxParts * workspace.count,
  };
  return { shape, params, workspace, slotFloats, floats };
}

/**
 * Data-parallel SGD for the CNN in a shared WebAssembly.Memory: parameters, momentum, the input
 * batch, one gradient slot per chunk of images and one workspace per part. A step runs the
 * cnn_gradient pool job (the parts claim chunks of the batch and leave each chunk's gradient sum in
 * its slot), merges the slots in chunk order into slot 0 and applies one momentum update on the
 * calling thread: the merge touches 8 × 11 k floats for a batch of 64, far less than one image's
 * backward pass, so it is not worth a second pool round trip.
 */
export class CnnTrainer {
  readonly shape: CnnShape;
  readonly params: ParamLayout;
  readonly workspace: CnnWorkspaceLayout;
  readonly batchCapacity: number;
  readonly maxParts: number;
  readonly #weights: F32Block;
  readonly #velocity: F32Block;
  readonly #x: F32Block;
  readonly #labels: F32Block;
  readonly #slots: F32Block;
  readonly #slotStride: number;
  readonly #ws: F32Block;
  readonly #wsStride: number;
  readonly #path: GradientPath;
  readonly #counter: ClaimCounter;

  /** Bytes the constructor takes from the arena with these options. */
  static arenaBytes(o: Pick<CnnTrainerOptions, "config" | "batchCapacity" | "maxParts" | "chunk">): number {
    return arenaBytes(...Object.values(trainerLayout(o).floats)) + ClaimCounter.arenaBytes;
  }

  /** Allocates everything in `arena` (which must not be reset while the trainer is in use). */
  constructor(arena: WasmArena, o: CnnTrainerOptions) {
    if (o.path !== undefined && !GRADIENT_PATHS.includes(o.path)) {
      throw new RangeError(`invalid path: ${String(o.path)} (expected one of ${GRADIENT_PATHS.join(", ")})`);
    }
    const layout = trainerLayout(o);
    this.shape = layout.shape;
    this.params = layout.params;
    this.workspace = layout.workspace;
    this.batchCapacity = o.batchCapacity;
    this.maxParts = o.maxParts;
    this.#weights = arena.allocF32(layout.floats.weights);
    this.#velocity = arena.allocF32(layout.floats.velocity);
    this.#x = arena.allocF32(layout.floats.x);
    this.#labels = arena.allocF32(layout.floats.labels);
    this.#slots = arena.allocF32(layout.floats.slots);
    this.#slotStride = layout.slotFloats * 4;
    this.#ws = arena.allocF32(layout.floats.ws);
    this.#wsStride = this.workspace.count * 4;
    this.#path = o.path ?? "tap-major";
    this.#counter = new ClaimCounter(arena);
    initParams(this.shape, this.params, this.#weights.view(), o.seed);
  }

  /** The input block: fill x (batchCapacity × C·H·W, normalised floats) and labels (as floats) before a step. */
  inputs(): { x: Float32Array; labels: Float32Array } {
    return { x: this.#x.view(), labels: this.#labels.view() };
  }

  /** The parameter vector (paramLayout order); copy it to keep a snapshot. */
  weights(): Float32Array {
    return this.#weights.view();
  }

  /** The momentum vector (paramLayout order): zero it, with weights() restored, to repeat a step exactly. */
  velocity(): Float32Array {
    return this.#velocity.view();
  }

  /** After a step: the merged (mean) gradient that step applied. */
  mergedGradient(): Float32Array {
    return this.#slots.view().subarray(0, this.params.count);
  }

  /**
   * Images per chunk of a step: the workspace's capacity (8 by default), so a step's bits are the
   * same on 1 thread and on up to batch / 8; fewer past that, so that every part has a chunk to
   * claim (there, the sums are grouped otherwise: float rounding only).
   */
  #chunkImages(batch: number, parts: number): number {
    return Math.min(this.workspace.capacity, Math.ceil(batch / parts));
  }

  /** Arguments of the cnn_gradient job on the first `batch` images in `parts` parts (see cnn-jobs.ts). */
  #gradientArgs(batch: number, parts: number): CnnGradientArgs {
    return {
      ...configOf(this.shape),
      params: this.#weights.ptr,
      x: this.#x.ptr,
      labels: this.#labels.ptr,
      images: batch,
      slots: this.#slots.ptr,
      slotStride: this.#slotStride,
      ws: this.#ws.ptr,
      wsStride: this.#wsStride,
      capacity: this.#chunkImages(batch, parts),
      counter: this.#counter.ptr,
      path: GRADIENT_PATHS.indexOf(this.#path),
    };
  }

  /**
   * One SGD step on the first `batch` images of the input block, split into `parts`: `runGradient`
   * runs cnn_gradient, or a job that extends its arguments (the data loader's).
   */
  step(o: StepOptions, runGradient: RunCnnJob<CnnGradientArgs>): StepResult {
    const momentum = o.momentum ?? 0.9;
    if (!Number.isInteger(o.batch) || o.batch < 1 || o.batch > this.batchCapacity) {
      throw new RangeError(
        `invalid batch: ${o.batch} (expected an integer from 1 to ${this.batchCapacity}, the images this trainer holds)`,
      );
    }
    if (!Number.isInteger(o.parts) || o.parts < 1 || o.parts > this.maxParts) {
      throw new RangeError(`invalid parts: ${o.parts} (expected an integer from 1 to ${this.maxParts}, the threads available)`);
    }
    checkHyperparameters(o.learningRate, momentum);
    this.#counter.reset();
    runGradient(this.#gradientArgs(o.batch, o.parts), o.parts);
    const slots = this.#slots.view();
    const chunks = Math.ceil(o.batch / this.#chunkImages(o.batch, o.parts));
    const { loss, correct } = mergeGradientSlots(slots, chunks, this.#slotStride / 4, this.params.count, o.batch);
    sgdMomentumStep(this.#weights.view(), this.#velocity.view(), slots, this.params.count, o.learningRate, momentum);
    return { loss, accuracy: correct / o.batch };
  }
}

function positive(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`invalid ${name}: ${v} (expected an integer ≥ 1)`);
}
