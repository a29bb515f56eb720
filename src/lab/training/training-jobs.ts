import type { ArgValues } from "../../kernels/pool/job-args.ts";
import { poolJob, type JobTable } from "../../kernels/pool/pool-job.ts";
import type { WasmKernels } from "../../kernels/wasm/kernels-wasm.ts";
import { GRADIENT_ARGS, cnnGradientPart } from "../../model/cnn-jobs.ts";
import { buildDigitRows, type DigitBatchViews } from "./digit-batch.ts";

/**
 * The training step's pool jobs: the engine's gradient job (cnn-jobs.ts) with the data loader's
 * work, decoding, augmenting and normalising a batch (digit-batch.ts), attached. Their arguments
 * are the gradient job's, then these, all byte offsets into the shared memory but the counts:
 * the store (blobs, offsets, storedLabels: `stored` digits of side × side), the batch's indices
 * into it, and the target the batch is decoded into (targetX, targetY).
 */
export const DECODE_ARGS = {
  blobs: "i32",
  blobBytes: "i32",
  offsets: "i32",
  storedLabels: "i32",
  stored: "i32",
  indices: "i32",
  seed: "i32",
  maxShift: "i32",
  targetX: "i32",
  targetY: "i32",
  side: "i32",
} as const;
export type DecodeArgs = ArgValues<typeof DECODE_ARGS>;

const DECODE_GRADIENT_ARGS = { ...GRADIENT_ARGS, ...DECODE_ARGS } as const;
type DecodeGradientArgs = ArgValues<typeof DECODE_GRADIENT_ARGS>;

/** Views of the batch the decode arguments describe, `rows` images long. */
function batchViews(k: WasmKernels, a: DecodeArgs, rows: number): DigitBatchViews {
  const buffer = k.memory.buffer;
  const size = a.side ** 2;
  return {
    blobs: new Uint8Array(buffer, a.blobs, a.blobBytes),
    offsets: new Int32Array(buffer, a.offsets, a.stored + 1),
    labels: new Uint8Array(buffer, a.storedLabels, a.stored),
    indices: new Int32Array(buffer, a.indices, rows),
    x: new Float32Array(buffer, a.targetX, rows * size),
    y: new Float32Array(buffer, a.targetY, rows),
  };
}

function decodeRows(k: WasmKernels, a: DecodeGradientArgs, start: number, end: number): void {
  buildDigitRows(batchViews(k, a, a.images), a.side, a.seed, a.maxShift, start, end);
}

/**
 * Data-parallel step with loading split too: a part decodes each chunk it claims, then computes
 * that chunk's gradient, so no part waits for another's images. The decode target must be the
 * gradient job's x and labels.
 */
export const cnnDecodeGradientJob = poolJob(DECODE_GRADIENT_ARGS, (k, a, part) =>
  cnnGradientPart(k, a, part, (start, end) => decodeRows(k, a, start, end)),
);

/**
 * Pipelined loading: part 0 computes the gradient of the batch already in x (it alone claims from
 * the counter, so it takes every chunk) while part 1 builds the NEXT batch into the decode target,
 * a second buffer. With one thread the two run one after the other; parts beyond 2 have nothing
 * to do.
 */
export const cnnPrefetchGradientJob = poolJob(DECODE_GRADIENT_ARGS, (k, a, part, parts) => {
  if (part === 0) cnnGradientPart(k, a, 0);
  if (part === 1 || parts === 1) decodeRows(k, a, 0, a.images);
});

/** The data loader's pool jobs, for the lab's table. */
export const trainingPoolJobs = {
  cnn_decode_gradient: cnnDecodeGradientJob,
  cnn_prefetch_gradient: cnnPrefetchGradientJob,
} as const satisfies JobTable;
export type TrainingPoolJobs = typeof trainingPoolJobs;
