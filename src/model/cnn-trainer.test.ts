import { describe, expect, it } from "vitest";
import { SerialPool, type PartOrder } from "../kernels/pool/serial-pool.ts";
import { maxAbsDiff, randomF32 } from "../kernels/random.ts";
import { createSharedMemory, instantiateKernels } from "../kernels/wasm/kernels-wasm.ts";
import { loadTestBuilds } from "../kernels/wasm/test-builds.ts";
import { WasmArena } from "../kernels/wasm/wasm-arena.ts";
import type { CnnConfig } from "./cnn-config.ts";
import { cnnBackward } from "./cnn-backward.ts";
import { cnnForward } from "./cnn-forward.ts";
import { typescriptCnnKernels } from "./cnn-kernels.ts";
import { paramViews } from "./cnn-params.ts";
import { CnnInference } from "./cnn-inference.ts";
import { cnnPoolJobs, GRADIENT_PATHS, type CnnForwardArgs, type CnnGradientArgs, type GradientPath, type RunCnnJob } from "./cnn-jobs.ts";
import { CnnTrainer } from "./cnn-trainer.ts";
import { workspaceFor, workspaceLayout } from "./cnn-workspace.ts";

// The data-parallel step in a shared memory with the WebAssembly GEMM, the pool job's parts run
// one after another on this thread (the same code the workers run, without the workers).
const config: CnnConfig = { channels: 1, height: 11, width: 9, filters1: 3, kernel1: 3, filters2: 5, kernel2: 3, classes: 4 };
const BATCH = 7;
const kernelsModule = loadTestBuilds().wasmsimd;

function trainer(o: { seed?: number; path?: GradientPath; order?: PartOrder } = {}): { t: CnnTrainer; runJob: RunCnnJob<CnnGradientArgs> } {
  const memory = createSharedMemory(64);
  const k = instantiateKernels(kernelsModule, memory);
  const t = new CnnTrainer(new WasmArena(memory, k), {
    config,
    batchCapacity: BATCH,
    maxParts: 3,
    seed: o.seed ?? 5,
    chunk: 2,
    path: o.path,
  });
  const { x, labels } = t.inputs();
  x.set(randomF32(x.length, 17));
  labels.set(Array.from({ length: BATCH }, (_, i) => (i * 3) % config.classes));
  const pool = new SerialPool(cnnPoolJobs, k, 3, o.order);
  return { t, runJob: (args, parts) => pool.run("cnn_gradient", args, parts) };
}

describe("CnnTrainer (data-parallel SGD in shared memory)", () => {
  it("gives the same bits whichever part claims the chunks, on any number of parts", () => {
    const one = trainer();
    one.t.step({ batch: BATCH, parts: 1, learningRate: 0.05 }, one.runJob);
    for (const parts of [2, 3]) {
      // Last part first: part `parts - 1` claims every chunk, in its own workspace.
      const many = trainer({ order: "last-to-first" });
      many.t.step({ batch: BATCH, parts, learningRate: 0.05 }, many.runJob);
      // Each chunk's gradient goes to the chunk's own slot and the slots are summed in chunk
      // order, so neither the part nor its workspace can change a bit.
      expect(Array.from(many.t.mergedGradient())).toEqual(Array.from(one.t.mergedGradient()));
      expect(Array.from(many.t.weights())).toEqual(Array.from(one.t.weights()));
    }
  });

  it.each(GRADIENT_PATHS)("computes with the WebAssembly kernels (path %s) the gradient the TypeScript kernels compute", (path) => {
    const { t, runJob } = trainer({ path });
    const before = t.weights().slice();
    const { x, labels } = t.inputs();
    t.step({ batch: BATCH, parts: 1, learningRate: 0.05 }, runJob);
    const s = t.shape;
    const layout = workspaceLayout(s, t.params, BATCH, true);
    const ws = workspaceFor(layout, new Float32Array(layout.count), BATCH);
    cnnForward(s, paramViews(t.params, before), x.slice(), BATCH, ws, typescriptCnnKernels);
    const sum = new Float32Array(t.params.count);
    cnnBackward(s, paramViews(t.params, before), x.slice(), labels.slice(), BATCH, ws, paramViews(t.params, sum), typescriptCnnKernels);
    const mean = sum.map((g) => g / BATCH);
    const scale = Math.max(...mean.map(Math.abs));
    // WebAssembly kernels, chunks of 2 images, against one TypeScript pass over all 7: the
    // same products summed in other orders, float32 rounding only (as the K-part test above).
    expect(maxAbsDiff(t.mergedGradient(), mean)).toBeLessThanOrEqual(1e-6 * scale);
  });

  it("classifies in parts and chunks with the WebAssembly GEMM what the TypeScript forward computes", () => {
    const memory = createSharedMemory(16);
    const k = instantiateKernels(kernelsModule, memory);
    // Chunks of 3: the two parts' bands (4 and 3 images) each end with a partial chunk.
    const inference = new CnnInference(new WasmArena(memory, k), { config, capacity: BATCH, chunk: 3, maxParts: 2, seed: 9 });
    inference.inputs().set(randomF32(BATCH * inference.shape.input, 21));
    const pool = new SerialPool(cnnPoolJobs, k, 3);
    const runForward: RunCnnJob<CnnForwardArgs> = (args, parts) => pool.run("cnn_forward", args, parts);
    inference.run(BATCH, 2, runForward);
    const s = inference.shape;
    const layout = workspaceLayout(s, inference.params, BATCH, false);
    const ws = workspaceFor(layout, new Float32Array(layout.count), BATCH);
    cnnForward(s, paramViews(inference.params, inference.weights().slice()), inference.inputs().slice(), BATCH, ws, typescriptCnnKernels);
    // Both GEMMs sum the same K ≤ 45 products in other orders: 1e-5 on logits of magnitude ≲ 5.
    expect(maxAbsDiff(inference.logits().subarray(0, BATCH * s.classes), ws.logits)).toBeLessThanOrEqual(1e-5);
    expect(() => inference.run(BATCH + 1, 1, runForward)).toThrow(/invalid images: 8/);
    expect(() => inference.run(BATCH, 3, runForward)).toThrow(/invalid parts: 3/);
  });

  it("is deterministic for a seed and lowers the loss on a fixed batch", () => {
    const a = trainer();
    const b = trainer();
    const losses: number[] = [];
    for (let i = 0; i < 30; i++) {
      losses.push(a.t.step({ batch: BATCH, parts: 2, learningRate: 0.05 }, a.runJob).loss);
      b.t.step({ batch: BATCH, parts: 2, learningRate: 0.05 }, b.runJob);
    }
    expect(Array.from(a.t.weights())).toEqual(Array.from(b.t.weights()));
    expect(losses.at(-1)!).toBeLessThan(0.5 * losses[0]!);
    expect(Array.from(trainer({ seed: 6 }).t.weights())).not.toEqual(Array.from(trainer().t.weights()));
  });

  it("rejects bad steps with a RangeError naming the argument", () => {
    const { t, runJob } = trainer();
    const step = (o: Partial<Parameters<CnnTrainer["step"]>[0]>) => () =>
      t.step({ batch: BATCH, parts: 1, learningRate: 0.05, ...o }, runJob);
    expect(step({ batch: 0 })).toThrow(/invalid batch: 0 \(expected an integer from 1 to 7/);
    expect(step({ batch: 8 })).toThrow(/invalid batch: 8/);
    expect(step({ parts: 4 })).toThrow(/invalid parts: 4 \(expected an integer from 1 to 3, the threads available\)/);
    for (const learningRate of [0, -0.1, Number.NaN, Infinity])
      expect(step({ learningRate })).toThrow(new RegExp(`invalid learningRate: ${learningRate}`));
    expect(step({ momentum: 1 })).toThrow(/invalid momentum: 1/);
    expect(step({ batch: 0 })).toThrow(RangeError);
    expect(() => trainer({ path: "nchw" as GradientPath })).toThrow(/invalid path: nchw \(expected one of tap-major, pixel-major/);
  });
});
