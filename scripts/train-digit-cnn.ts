// Trains the site's digit CNN once, in Node, exactly as the training page's default run does (same
// data, options and seed; one thread, so the result is deterministic for a given kernel build), and
// writes its parameter vector to src/model/trained/mnist-cnn-f32.bin (little-endian float32, in
// paramLayout order). The inference page's int8 section and its test read it: a trained network is
// what shows what quantization costs in accuracy. Run: node scripts/train-digit-cnn.ts
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SerialPool } from "../src/kernels/pool/serial-pool.ts";
import { createSharedMemory, instantiateKernels } from "../src/kernels/wasm/kernels-wasm.ts";
import { WasmArena } from "../src/kernels/wasm/wasm-arena.ts";
import { labPoolJobs } from "../src/lab/pool/lab-pool-jobs.ts";
import { encodeDigitStore } from "../src/lab/training/digit-store.ts";
import { trainDigits } from "../src/lab/training/training-loop.ts";
import { DEFAULT_TRAINING } from "../src/lab/training/training-options.ts";
import { TRAINED_CNN_FILE } from "../src/model/trained-cnn.ts";
import { MNIST_PACKAGE_DATA, MNIST_SUBSETS, mnistSubset } from "./build-mnist.ts";

const wasmFile = new URL("../src/kernels/wasm/build/kernels-simd.wasm", import.meta.url);
const module = new WebAssembly.Module(readFileSync(wasmFile));
const memory = createSharedMemory();
const kernels = instantiateKernels(module, memory);
const wasm = { module, memory, kernels, arena: new WasmArena(memory, kernels), isa: "wasmsimd", sha256: "" };
const pool = new SerialPool(labPoolJobs, kernels, 1);
const train = encodeDigitStore(mnistSubset(MNIST_PACKAGE_DATA, MNIST_SUBSETS.train.idx, MNIST_SUBSETS.train.count));
const test = mnistSubset(MNIST_PACKAGE_DATA, MNIST_SUBSETS.test.idx, MNIST_SUBSETS.test.count);
const options = {
  batch: DEFAULT_TRAINING.batch,
  workers: 1,
  learningRate: DEFAULT_TRAINING.learningRate,
  epochs: DEFAULT_TRAINING.epochs,
  seed: 1,
};
const out = fileURLToPath(new URL(`../${TRAINED_CNN_FILE}`, import.meta.url));
const summary = trainDigits(
  wasm,
  pool,
  { train, test },
  options,
  (p) => {
    if (p.kind === "test") console.log(`step ${p.step}/${p.steps}: test accuracy ${(100 * p.accuracy).toFixed(2)} %`);
  },
  (weights) => writeFileSync(out, new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength)),
);
console.log(`train-digit-cnn: ${out}, ${(100 * summary.accuracy).toFixed(2)} % in ${summary.seconds.toFixed(1)} s`);
