import { describe, expect, it } from "vitest";
import { SerialPool } from "../../kernels/pool/serial-pool.ts";
import { maxAbsDiff } from "../../kernels/random.ts";
import { createSharedMemory, instantiateKernels } from "../../kernels/wasm/kernels-wasm.ts";
import { loadTestBuilds } from "../../kernels/wasm/test-builds.ts";
import { WasmArena } from "../../kernels/wasm/wasm-arena.ts";
import { DigitTrainer, type BatchSpec, type TrainingMode, type TrainingPool } from "./digit-trainer.ts";
import { encodeDigitStore } from "./digit-store.ts";
import { sevenSegmentDigits } from "./seven-segment-digits.ts";
import { trainingPoolJobs } from "./training-jobs.ts";

// The three ways of running a step on the real network (MNIST_CNN, 28×28) and 7 stored digits;
// the pool jobs' parts run one after another on this thread: the workers' code, without workers.
const store = encodeDigitStore(sevenSegmentDigits(20, 8));
const BATCH = 7;
const kernelsModule = loadTestBuilds().wasmsimd;
const first: BatchSpec = { indices: Int32Array.of(3, 1, 4, 15, 9, 2, 6), seed: 11 };
const second: BatchSpec = { indices: Int32Array.of(5, 3, 5, 8, 9, 7, 19), seed: 12 };

function setup(): { t: DigitTrainer; pool: TrainingPool } {
  const memory = createSharedMemory(256);
  const k = instantiateKernels(kernelsModule, memory);
  const t = new DigitTrainer(new WasmArena(memory, k), k, { store, batch: BATCH, maxThreads: 3, seed: 4 });
  return { t, pool: new SerialPool(trainingPoolJobs, k, 3) };
}

const H = { learningRate: 0.05 };

function trainSingle(specs: BatchSpec[]): Float32Array {
  const { t, pool } = setup();
  for (const spec of specs) t.step("single", spec, H, 1, pool);
  return t.trainer.weights().slice();
}

describe("DigitTrainer (the loader feeding the data-parallel step)", () => {
  it("gives the single-thread step's weights split over 2 or 3 parts (data-parallel)", () => {
    const reference = trainSingle([first, second]);
    for (const threads of [2, 3]) {
      const { t, pool } = setup();
      for (const spec of [first, second]) t.step("data-parallel", spec, H, threads, pool);
      // The gradient sums are the same products added per part, then across parts: float32
      // rounding only. Two steps of lr 0.05 on weights of size ≲ 1: 1e-6 is about 10 ulp.
      expect(maxAbsDiff(t.trainer.weights(), reference)).toBeLessThanOrEqual(1e-6);
    }
  });

  it("trains each batch one step after loading it when prefetching, on 1 or 2 threads", () => {
    const reference = trainSingle([first, second]);
    for (const threads of [1, 2]) {
      const { t, pool } = setup();
      t.load(first);
      t.step("prefetch", second, H, threads, pool); // trains on first, builds second
      t.step("prefetch", first, H, threads, pool); // trains on second, builds first again
      // One part computes the whole gradient, as in single: the same sums in the same order.
      expect(maxAbsDiff(t.trainer.weights(), reference)).toBe(0);
    }
  });

  it("lowers the loss on the digits it trains on", () => {
    const { t, pool } = setup();
    const losses = Array.from({ length: 20 }, () => t.step("data-parallel", first, H, 2, pool).loss);
    expect(losses.at(-1)!).toBeLessThan(0.5 * losses[0]!);
  });

  it("rejects a bad batch, a wrong-sized batch spec and a bad learning rate with a RangeError", () => {
    const memory = createSharedMemory(64);
    const k = instantiateKernels(kernelsModule, memory);
    const make = (batch: number) => () => new DigitTrainer(new WasmArena(memory, k), k, { store, batch, maxThreads: 1, seed: 1 });
    expect(make(0)).toThrow(/invalid batch: 0 \(expected an integer from 1 to 20, the training images\)/);
    expect(make(21)).toThrow(/invalid batch: 21/);
    const { t, pool } = setup();
    expect(() => t.step("single", { indices: Int32Array.of(1, 2), seed: 1 }, H, 1, pool)).toThrow(
      /invalid indices: 2 images, expected the batch of 7/,
    );
    expect(() => t.step("single", first, { learningRate: -1 }, 1, pool)).toThrow(/invalid learningRate: -1/);
    for (const mode of ["data-parallel", "prefetch"] as TrainingMode[]) {
      expect(() => t.step(mode, first, H, 4, pool)).toThrow(/invalid threads: 4 \(expected an integer from 1 to 3\)/);
    }
  });
});
