import { CnnInference } from "../../model/cnn-inference.ts";
import { fitThreads, mibText } from "../wasm-memory-fit.ts";
import type { DigitStore } from "./digit-store.ts";
import { DigitTrainer } from "./digit-trainer.ts";
import type { TrainingOptions } from "./training-options.ts";

/** Test images each part classifies at once (trainDigits' CnnInference). */
export const TEST_CHUNK = 64;

/**
 * Arena bytes a live training run takes on `workers` threads: the trainer with its loader, and the
 * test set's forward passes, each with one workspace per thread.
 */
export function trainingArenaBytes(store: DigitStore, testImages: number, batch: number, workers: number): number {
  return (
    DigitTrainer.arenaBytes({ store, batch, maxThreads: workers }) +
    CnnInference.arenaBytes({ capacity: testImages, chunk: TEST_CHUNK, maxParts: workers })
  );
}

/**
 * Refuses, before anything is allocated, a run whose K workers do not fit in the WebAssembly
 * memory, naming K, its need and the most workers that fit (K is the experiment's own setting,
 * so the run is not quietly changed to fewer).
 */
export function checkTrainingMemory(store: DigitStore, testImages: number, o: Pick<TrainingOptions, "batch" | "workers">): void {
  const bytesAt = (workers: number) => trainingArenaBytes(store, testImages, o.batch, workers);
  const fits = fitThreads(bytesAt, o.workers, `training with batch ${o.batch}`);
  if (fits < o.workers) {
    throw new RangeError(
      `invalid workers: ${o.workers} (${o.workers} workers need ${mibText(bytesAt(o.workers))} of WebAssembly memory with batch ${o.batch}; at most ${fits} fit)`,
    );
  }
}
