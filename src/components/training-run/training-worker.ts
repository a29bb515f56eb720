/// <reference lib="webworker" />
import { checkTrainingMemory } from "../../lab/training/training-memory.ts";
import { expose } from "comlink";
import { loadMnist } from "../../model/mnist-data.ts";
import { encodeDigitStore } from "../../lab/training/digit-store.ts";
import { trainDigits, type TrainingProgress, type TrainingSummary } from "../../lab/training/training-loop.ts";
import { checkTrainingOptions, type TrainingOptions } from "../../lab/training/training-options.ts";
import { createLabPool } from "../../lab/pool/create-lab-pool.ts";
import { StopRequest } from "../../lab/stop-request.ts";
import { loadWasmContext } from "../../lab/wasm-context.ts";

/**
 * The live training run's worker: it loads the digits, owns the WebAssembly memory and a pool of
 * K − 1 helpers, and trains, so the page's main thread never computes. The page makes one worker
 * per run; a run answers once the pool's workers have ended, and Cancel asks it to stop before its
 * next step (StopRequest); then the page ends the worker (endAfterAnswer).
 */
export type SetupProgress = { kind: "setup" } & (
  | { step: "loading" }
  | { step: "compressing"; digits: number }
  | { step: "helpers"; helpers: number }
);

const api = {
  async train(
    o: TrainingOptions,
    onProgress: (p: TrainingProgress | SetupProgress) => void,
    stopBuffer?: SharedArrayBuffer,
  ): Promise<TrainingSummary> {
    if (!globalThis.crossOriginIsolated) {
      throw new Error(
        "training needs shared memory between workers, which needs a cross-origin isolated page (reload it; see the home page)",
      );
    }
    // Validated before any download; the batch against the real set size once it is loaded.
    checkTrainingOptions(o, { trainImages: Number.MAX_SAFE_INTEGER });
    onProgress({ kind: "setup", step: "loading" });
    const [train, test] = await Promise.all([loadMnist("train"), loadMnist("test")]);
    checkTrainingOptions(o, { trainImages: train.count });
    onProgress({ kind: "setup", step: "compressing", digits: train.count });
    const store = encodeDigitStore(train);
    // Before any memory or helper is taken: K workers' workspaces must fit in the WebAssembly memory.
    checkTrainingMemory(store, test.count, o);
    const wasm = await loadWasmContext();
    onProgress({ kind: "setup", step: "helpers", helpers: o.workers - 1 });
    const pool = await createLabPool(o.workers - 1, wasm.module, wasm.memory, wasm.kernels);
    try {
      const stop = stopBuffer && new StopRequest(stopBuffer);
      return trainDigits(wasm, pool, { train: store, test }, { ...o, seed: 1 }, onProgress, undefined, stop);
    } finally {
      await pool.terminate();
    }
  },
};

export type TrainingWorkerApi = typeof api;
expose(api);
