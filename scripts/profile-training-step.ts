// Usage: node scripts/profile-training-step.ts [wasmrelaxedsimd|wasmsimd]
//
// Where the one-thread training step's time goes (the training page's profile): the digit CNN's
// forward and backward passes on a batch of 64 in chunks of 8, as the gradient job runs them,
// with every layer call timed, for both lowerings of the convolutions (cnn-kernels.ts). Loading
// the batch and the update are not included; `npm run bench -- --filter cnn-training` times the
// whole step. Times are medians over repeated passes, in milliseconds per batch.
import { createSharedMemory, instantiateKernels, type WasmIsa } from "../src/kernels/wasm/kernels-wasm.ts";
import { loadTestBuilds } from "../src/kernels/wasm/test-builds.ts";
import { WasmArena } from "../src/kernels/wasm/wasm-arena.ts";
import { cnnBackward } from "../src/model/cnn-backward.ts";
import { cnnShape, MNIST_CNN } from "../src/model/cnn-config.ts";
import { cnnForward } from "../src/model/cnn-forward.ts";
import { sharedMemoryCnnKernels, tapMajorCnnKernels, type CnnKernels } from "../src/model/cnn-kernels.ts";
import { initParams, paramLayout, paramViews } from "../src/model/cnn-params.ts";
import { workspaceFor, workspaceLayout } from "../src/model/cnn-workspace.ts";

const isa = (process.argv[2] ?? "wasmrelaxedsimd") as WasmIsa;
if (isa !== "wasmrelaxedsimd" && isa !== "wasmsimd") throw new RangeError(`invalid build: ${isa} (expected wasmrelaxedsimd or wasmsimd)`);
const BATCH = 64;
const CHUNK = 8;
const PASSES = 60;

const kernels = instantiateKernels(loadTestBuilds()[isa], createSharedMemory(256));
const arena = new WasmArena(kernels.memory, kernels);
const s = cnnShape(MNIST_CNN);
const params = paramLayout(s);
const weights = arena.allocF32(params.count);
initParams(s, params, weights.view(), 1);
const x = arena.allocF32(BATCH * s.input);
const labels = arena.allocF32(BATCH);
x.view().forEach((_, i, v) => (v[i] = Math.sin(i * 0.37)));
labels.view().forEach((_, i, v) => (v[i] = i % 10));
const layout = workspaceLayout(s, params, CHUNK, true);
const ws = workspaceFor(layout, arena.allocF32(layout.count).view(), CHUNK);

/** The layer calls of one chunk in the order cnnForward and cnnBackward make them. */
const CALLS = [
  "forward conv1",
  "forward pool1 + ReLU",
  "forward conv2",
  "forward pool2 + ReLU",
  "forward dense",
  "backward dense (2 GEMMs)",
  "",
  "backward pool2 + ReLU",
  "backward conv2 (weights, input)",
  "backward pool1 + ReLU",
  "backward conv1 (weights)",
] as const;

function profile(name: string, base: CnnKernels): void {
  const totals = new Map<string, number[]>();
  let call = 0;
  let pass: number[] = [];
  const timed =
    <A extends unknown[]>(f: (...a: A) => void) =>
    (...a: A) => {
      const t0 = performance.now();
      f(...a);
      pass[call++] = performance.now() - t0;
    };
  const k: CnnKernels = {
    gemm: timed(base.gemm),
    conv: timed(base.conv),
    convBackward: timed(base.convBackward),
    poolRelu: timed(base.poolRelu),
    poolReluBackward: timed(base.poolReluBackward),
  };
  const p = paramViews(params, weights.view());
  const grad = paramViews(params, ws.grad);
  const whole: number[] = [];
  for (let i = 0; i < PASSES + 10; i++) {
    const sums = new Array<number>(CALLS.length).fill(0);
    const t0 = performance.now();
    for (let r = 0; r < BATCH; r += CHUNK) {
      const xs = x.view().subarray(r * s.input, (r + CHUNK) * s.input);
      call = 0;
      pass = [];
      cnnForward(s, p, xs, CHUNK, ws, k);
      cnnBackward(s, p, xs, labels.view().subarray(r, r + CHUNK), CHUNK, ws, grad, k);
      pass.forEach((t, j) => (sums[j]! += t));
    }
    if (i < 10) continue; // warm-up
    whole.push(performance.now() - t0);
    // The dense backward's two GEMMs are one row.
    sums[5]! += sums[6]!;
    CALLS.forEach((label, j) => label && (totals.get(label) ?? totals.set(label, []).get(label)!).push(sums[j]!));
  }
  const median = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1]!;
  const total = median(whole);
  console.log(`\n${name} (${isa}): forward + backward of ${BATCH} images ${total.toFixed(2)} ms`);
  let inKernels = 0;
  for (const [label, v] of totals) {
    const ms = median(v);
    inKernels += ms;
    console.log(`  ${label.padEnd(34)} ${ms.toFixed(3).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
  }
  const rest = total - inKernels;
  console.log(
    `  ${"softmax, bias, glue (the rest)".padEnd(34)} ${rest.toFixed(3).padStart(7)} ms ${((100 * rest) / total).toFixed(1).padStart(5)}%`,
  );
}

profile("pixel-major im2col (sharedMemoryCnnKernels)", sharedMemoryCnnKernels(kernels));
profile("tap-major im2col (tapMajorCnnKernels)", tapMajorCnnKernels(kernels));
