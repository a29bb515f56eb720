import { cnnBackward } from "../../model/cnn-backward.ts";
import { cnnShape, MNIST_CNN } from "../../model/cnn-config.ts";
import { cnnForward } from "../../model/cnn-forward.ts";
import { typescriptCnnKernels } from "../../model/cnn-kernels.ts";
import { initParams, paramLayout, paramViews } from "../../model/cnn-params.ts";
import { workspaceFor, workspaceLayout } from "../../model/cnn-workspace.ts";
import { sgdMomentumStep } from "../../model/sgd-momentum.ts";
import { buildDigitRows } from "./digit-batch.ts";
import type { BatchSpec } from "./digit-trainer.ts";
import type { DigitStore } from "./digit-store.ts";

/**
 * The single-thread training step the others must equal, the plain way: ordinary arrays, the
 * TypeScript GEMM, the whole batch as one chunk, no pool and no shared memory. Builds the batch,
 * computes the gradient of the summed loss, divides by the batch and takes one SGD step from fresh
 * weights (seed `seed`) and zero velocity; returns the weights after it.
 */
export function trainingStepRef(
  store: DigitStore,
  spec: BatchSpec,
  seed: number,
  learningRate: number,
  momentum: number,
  maxShift: number,
): Float32Array {
  const s = cnnShape(MNIST_CNN);
  const layout = paramLayout(s);
  const batch = spec.indices.length;
  const x = new Float32Array(batch * s.input);
  const y = new Float32Array(batch);
  buildDigitRows(
    { blobs: store.blobs, offsets: store.offsets, labels: store.labels, indices: spec.indices, x, y },
    store.side,
    spec.seed,
    maxShift,
    0,
    batch,
  );
  const weights = new Float32Array(layout.count);
  initParams(s, layout, weights, seed);
  const wsLayout = workspaceLayout(s, layout, batch, true);
  const ws = workspaceFor(wsLayout, new Float32Array(wsLayout.count), batch);
  const grad = new Float32Array(layout.count);
  cnnForward(s, paramViews(layout, weights), x, batch, ws, typescriptCnnKernels);
  cnnBackward(s, paramViews(layout, weights), x, y, batch, ws, paramViews(layout, grad), typescriptCnnKernels);
  for (let i = 0; i < grad.length; i++) grad[i]! /= batch;
  sgdMomentumStep(weights, new Float32Array(layout.count), grad, layout.count, learningRate, momentum);
  return weights;
}
