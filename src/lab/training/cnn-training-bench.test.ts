import { describe, expect, it } from "vitest";
import { SerialPool } from "../../kernels/pool/serial-pool.ts";
import { maxAbsDiff } from "../../kernels/random.ts";
import { cnnShape, MNIST_CNN } from "../../model/cnn-config.ts";
import { initParams, paramLayout } from "../../model/cnn-params.ts";
import { WEIGHT_SEED, cnnTraining } from "../benchmarks/cnn-training.ts";
import { labPoolJobs } from "../pool/lab-pool-jobs.ts";
import { testWasmContext } from "../test-wasm-context.ts";

// The benchmark's variants against its reference, as the runner checks them, on a SerialPool: a
// job's parts one after another on this thread.
const SHAPE = cnnShape(MNIST_CNN);

describe("cnn-training benchmark", () => {
  it("every variant's step, repeated, equals the reference step within the stated tolerance", async () => {
    const wasm = testWasmContext(64);
    const pool = new SerialPool(labPoolJobs, wasm.kernels, 3);
    for (let c = 0; c < cnnTraining.cases.length; c++) {
      const instance = await cnnTraining.instantiate(c);
      const reference = instance.reference();
      const initial = new Float32Array(reference.length);
      initParams(SHAPE, paramLayout(SHAPE), initial, WEIGHT_SEED);
      for (const [variant, threads] of [
        ["cnn-train-f32-wasmrelaxedsimd", 1],
        ["cnn-train-f32-pixel-im2col-wasmrelaxedsimd", 1],
        ["cnn-train-f32-ts-maxpool-backward-wasmrelaxedsimd", 1],
        ["cnn-train-f32-prefetch-wasmrelaxedsimd-threads", 1],
        ["cnn-train-f32-prefetch-wasmrelaxedsimd-threads", 2],
        ["cnn-train-f32-data-parallel-wasmrelaxedsimd-threads", 2],
        ["cnn-train-f32-data-parallel-wasmrelaxedsimd-threads", 3],
      ] as const) {
        const prepared = await instance.prepare(variant, { wasm, pool, threads });
        prepared.run();
        prepared.run(); // the timer calls run many times: each call must end in the same state
        const error = maxAbsDiff(prepared.output(), reference);
        expect(error, `${variant} at ${threads}`).toBeLessThanOrEqual(instance.tolerance);
        // The step really moved the weights: the comparison is not of two untouched vectors.
        expect(maxAbsDiff(reference, initial)).toBeGreaterThan(100 * instance.tolerance);
      }
    }
  }, 60_000); // 24 training steps and two reference steps: seconds on a busy machine
});
