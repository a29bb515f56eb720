import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "../src/kernels/wasm/kernels-wasm.ts";
import { loadTestBuilds } from "../src/kernels/wasm/test-builds.ts";
import { WasmArena } from "../src/kernels/wasm/wasm-arena.ts";
import { normalizeDigits } from "../src/lab/training/digit-batch.ts";
import { CnnInferenceI8 } from "../src/model/cnn-i8-inference.ts";
import { CnnInference } from "../src/model/cnn-inference.ts";
import { cnnForwardJob } from "../src/model/cnn-jobs.ts";
import { decodeTrainedCnn, TRAINED_CNN_FILE, TRAINED_CNN_TEST } from "../src/model/trained-cnn.ts";
import { MNIST_PACKAGE_DATA, MNIST_SUBSETS, mnistSubset } from "./build-mnist.ts";

// The figures the inference page prints about the quantized CNN (TRAINED_CNN_TEST), measured: the
// network trained by scripts/train-digit-cnn.ts, float and int8, on the 4,000 test digits the site
// ships, in both kernel builds.

const BUILDS = loadTestBuilds();
const test = mnistSubset(MNIST_PACKAGE_DATA, MNIST_SUBSETS.test.idx, MNIST_SUBSETS.test.count);
const weights = decodeTrainedCnn(readFileSync(new URL(`../${TRAINED_CNN_FILE}`, import.meta.url)));

function predictions(logits: Float32Array, classes: number): Int32Array {
  return Int32Array.from({ length: logits.length / classes }, (_, i) => {
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[i * classes + c]! > logits[i * classes + best]!) best = c;
    return best;
  });
}

describe.each(Object.keys(BUILDS) as WasmIsa[])("%s: the trained digit CNN, float and int8, on the test digits", (isa) => {
  it("classifies as many digits correctly as the inference page says, and the int8 logits stay near the float ones", () => {
    expect(test.count).toBe(TRAINED_CNN_TEST.images);
    const kernels = instantiateKernels(BUILDS[isa], createSharedMemory(512));
    const arena = new WasmArena(kernels.memory, kernels);
    const float = new CnnInference(arena, { capacity: test.count, chunk: 64, maxParts: 1, seed: 0 });
    float.weights().set(weights);
    normalizeDigits(test.pixels, float.inputs());
    float.run(test.count, 1, (args) => cnnForwardJob.part(kernels, args, 0, 1));
    const int8 = new CnnInferenceI8(kernels, arena, { capacity: test.count, chunk: 64, weights });
    int8.inputs().set(float.inputs());
    int8.run(test.count);
    const classes = float.shape.classes;
    const [lf, lq] = [float.logits(), int8.logits()];
    const [pf, pq] = [predictions(lf, classes), predictions(lq, classes)];
    const correct = (p: Int32Array) => p.filter((c, i) => c === test.labels[i]).length;
    expect(correct(pf)).toBe(TRAINED_CNN_TEST.floatCorrect);
    expect(correct(pq)).toBe(TRAINED_CNN_TEST.int8Correct);
    expect(pf.filter((c, i) => c !== pq[i]).length).toBe(TRAINED_CNN_TEST.disagree);
    let gap = 0;
    let peak = 0;
    for (let i = 0; i < lf.length; i++) {
      gap = Math.max(gap, Math.abs(lq[i]! - lf[i]!));
      peak = Math.max(peak, Math.abs(lf[i]!));
    }
    expect(Math.ceil(gap * 100) / 100).toBe(TRAINED_CNN_TEST.maxLogitGap);
    expect(peak.toFixed(1)).toBe(String(TRAINED_CNN_TEST.maxLogit));
  });
});
