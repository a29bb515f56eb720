import { ClaimCounter } from "../kernels/pool/claim-counter.ts";
import { arenaBytes, type F32Block, type WasmArena } from "../kernels/wasm/wasm-arena.ts";
import { cnnShape, configOf, MNIST_CNN, type CnnConfig, type CnnShape } from "./cnn-config.ts";
import { initParams, paramLayout, type ParamLayout } from "./cnn-params.ts";
import { workspaceLayout, type CnnWorkspaceLayout } from "./cnn-workspace.ts";
import type { CnnForwardArgs, RunCnnJob } from "./cnn-jobs.ts";

export interface CnnInferenceOptions {
  config?: CnnConfig;
  /** Most images one call classifies: the input and logits blocks hold this many. */
  capacity: number;
  /** Images each part pushes through the network at once: the batch size of the GEMMs. */
  chunk: number;
  /** Most parts (threads) a call may be split into: one workspace each. */
  maxParts: number;
  /** Seed of the weights (copy trained ones into weights() to use those). */
  seed: number;
}

/** The network's shapes, and the lengths (floats) of its blocks: weights, inputs, logits, one workspace per part. */
function inferenceLayout(o: Omit<CnnInferenceOptions, "seed">) {
  for (const name of ["capacity", "chunk", "maxParts"] as const) {
    if (!Number.isInteger(o[name]) || o[name] < 1) throw new RangeError(`invalid ${name}: ${o[name]} (expected an integer ≥ 1)`);
  }
  const shape = cnnShape(o.config ?? MNIST_CNN);
  const params = paramLayout(shape);
  const workspace = workspaceLayout(shape, params, o.chunk, false);
  const floats = {
    weights: params.count,
    x: o.capacity * shape.input,
    logits: o.capacity * shape.classes,
    ws: o.maxParts * workspace.count,
  };
  return { shape, params, workspace, floats };
}

/**
 * The CNN's forward pass in a shared WebAssembly.Memory: weights, an input block, the logits and
 * one forward-only workspace per part. `run` is the cnn_forward pool job: each part claims the
 * next `chunk` images from a shared counter and classifies them, until none are left.
 */
export class CnnInference {
  readonly shape: CnnShape;
  readonly params: ParamLayout;
  readonly workspace: CnnWorkspaceLayout;
  readonly capacity: number;
  readonly maxParts: number;
  readonly #weights: F32Block;
  readonly #x: F32Block;
  readonly #logits: F32Block;
  readonly #ws: F32Block;
  readonly #counter: ClaimCounter;

  /** Allocates everything in `arena` (which must not be reset while this is in use). */
  constructor(arena: WasmArena, o: CnnInferenceOptions) {
    const layout = inferenceLayout(o);
    this.shape = layout.shape;
    this.params = layout.params;
    this.workspace = layout.workspace;
    this.capacity = o.capacity;
    this.maxParts = o.maxParts;
    this.#weights = arena.allocF32(layout.floats.weights);
    this.#x = arena.allocF32(layout.floats.x);
    this.#logits = arena.allocF32(layout.floats.logits);
    this.#ws = arena.allocF32(layout.floats.ws);
    this.#counter = new ClaimCounter(arena);
    initParams(this.shape, this.params, this.#weights.view(), o.seed);
  }

  /** Bytes the constructor takes from the arena with these options. */
  static arenaBytes(o: Omit<CnnInferenceOptions, "seed">): number {
    return arenaBytes(...Object.values(inferenceLayout(o).floats)) + ClaimCounter.arenaBytes;
  }

  /** The input block (capacity × C·H·W floats). */
  inputs(): Float32Array {
    return this.#x.view();
  }

  /** The parameter vector (paramLayout order): overwrite it with trained weights. */
  weights(): Float32Array {
    return this.#weights.view();
  }

  /** The logits block (capacity × classes); the first `images` rows are the last run's output. */
  logits(): Float32Array {
    return this.#logits.view();
  }

  /** Arguments of the cnn_forward job on the first `images` images (see cnn-jobs.ts). */
  forwardArgs(images: number): CnnForwardArgs {
    if (!Number.isInteger(images) || images < 1 || images > this.capacity) {
      throw new RangeError(`invalid images: ${images} (expected an integer from 1 to ${this.capacity})`);
    }
    return {
      ...configOf(this.shape),
      params: this.#weights.ptr,
      x: this.#x.ptr,
      images,
      logits: this.#logits.ptr,
      ws: this.#ws.ptr,
      wsStride: this.workspace.count * 4,
      capacity: this.workspace.capacity,
      counter: this.#counter.ptr,
    };
  }

  /** Classifies the first `images` images into logits(), split into `parts`: `runForward` runs cnn_forward. */
  run(images: number, parts: number, runForward: RunCnnJob<CnnForwardArgs>): void {
    if (!Number.isInteger(parts) || parts < 1 || parts > this.maxParts) {
      throw new RangeError(`invalid parts: ${parts} (expected an integer from 1 to ${this.maxParts}, the threads available)`);
    }
    const args = this.forwardArgs(images);
    this.#counter.reset();
    runForward(args, parts);
  }
}
