import { mulberry32 } from "../../kernels/random.ts";
import type { WasmContext } from "../wasm-context.ts";
import { CnnInference } from "../../model/cnn-inference.ts";
import type { MnistSet } from "../../model/mnist-format.ts";
import { normalizeDigits } from "./digit-batch.ts";
import type { DigitStore } from "./digit-store.ts";
import type { LabPool } from "../pool/lab-pool-jobs.ts";
import { DigitTrainer } from "./digit-trainer.ts";
import { DEFAULT_TRAINING, type TrainingOptions } from "./training-options.ts";
import { TEST_CHUNK } from "./training-memory.ts";
import type { StopRequest } from "../stop-request.ts";

/** What a run reports while it trains: a smoothed training loss, or a test accuracy. */
export type TrainingProgress =
  | { kind: "loss"; seconds: number; step: number; steps: number; epoch: number; loss: number }
  | { kind: "test"; seconds: number; step: number; steps: number; epoch: number; accuracy: number };

export interface TrainingSummary {
  /** Wall time of the steps and test evaluations (not loading the data). */
  seconds: number;
  /** Training images processed per second of that time. */
  samplesPerSecond: number;
  /** Test accuracy after the last step. */
  accuracy: number;
  steps: number;
}

/** Steps between two reported losses (each the mean over those steps). */
const LOSS_EVERY = 5;
/** Test evaluations per epoch: often enough for a curve, rare enough to cost a few % of the run. */
const TESTS_PER_EPOCH = 2;

/** Fraction of `count` test images whose largest logit is their label. */
function testAccuracy(net: CnnInference, labels: Uint8Array, workers: number, pool: LabPool): number {
  net.run(labels.length, workers, (args, parts) => pool.run("cnn_forward", args, parts));
  const logits = net.logits();
  const classes = net.shape.classes;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[i * classes + c]! > logits[i * classes + best]!) best = c;
    if (best === labels[i]) correct++;
  }
  return correct / labels.length;
}

/** A fresh order of the images for each epoch (Fisher–Yates from the run's seed and the epoch). */
function shuffled(count: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  const next = mulberry32(seed);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * Trains the CNN data-parallel on `workers` threads (1 = single-threaded) for the given epochs,
 * each a pass over the training images in batches (the last partial batch is dropped, as
 * PyTorch's drop_last does, so every step has the same shape), testing on the held-out digits
 * twice per epoch. Every batch is built by the threads that train on it (decode, shift, normalise).
 * `onWeights` receives the trained parameter vector (a view: copy what you keep) after the last step.
 * A `stop` requested ends the run with an AbortError before the next step.
 */
export function trainDigits(
  wasm: WasmContext,
  pool: LabPool,
  data: { train: DigitStore; test: MnistSet },
  o: TrainingOptions & { seed: number },
  onProgress: (p: TrainingProgress) => void,
  onWeights?: (weights: Float32Array) => void,
  stop?: StopRequest,
): TrainingSummary {
  wasm.arena.reset();
  const trainer = new DigitTrainer(wasm.arena, wasm.kernels, {
    store: data.train,
    batch: o.batch,
    maxThreads: o.workers,
    seed: o.seed,
    maxShift: DEFAULT_TRAINING.maxShift,
  });
  const net = new CnnInference(wasm.arena, { capacity: data.test.count, chunk: TEST_CHUNK, maxParts: o.workers, seed: o.seed });
  normalizeDigits(data.test.pixels, net.inputs());
  const perEpoch = Math.floor(data.train.count / o.batch);
  const steps = perEpoch * o.epochs;
  const testEvery = Math.max(1, Math.ceil(perEpoch / TESTS_PER_EPOCH));
  const start = performance.now();
  const seconds = () => (performance.now() - start) / 1000;
  let accuracy = 0;
  let lossSum = 0;
  for (let epoch = 0, step = 0; epoch < o.epochs; epoch++) {
    const order = shuffled(data.train.count, o.seed * 1000 + epoch);
    // Smaller steps each epoch: large early moves, then settling instead of bouncing around.
    const h = { learningRate: o.learningRate * DEFAULT_TRAINING.epochDecay ** epoch, momentum: DEFAULT_TRAINING.momentum };
    for (let s = 0; s < perEpoch; s++, step++) {
      stop?.check();
      const indices = order.subarray(s * o.batch, (s + 1) * o.batch);
      lossSum += trainer.step("data-parallel", { indices, seed: (o.seed + 7919 * step) | 0 }, h, o.workers, pool).loss;
      const done = step + 1;
      if (done % LOSS_EVERY === 0) {
        onProgress({ kind: "loss", seconds: seconds(), step: done, steps, epoch, loss: lossSum / LOSS_EVERY });
        lossSum = 0;
      }
      if (done % testEvery === 0 || done === steps) {
        net.weights().set(trainer.trainer.weights().subarray(0, net.weights().length));
        accuracy = testAccuracy(net, data.test.labels, o.workers, pool);
        onProgress({ kind: "test", seconds: seconds(), step: done, steps, epoch, accuracy });
      }
    }
  }
  const total = seconds();
  onWeights?.(net.weights());
  return { seconds: total, samplesPerSecond: (steps * o.batch) / total, accuracy, steps };
}
