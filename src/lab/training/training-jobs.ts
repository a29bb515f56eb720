import { splitRows } from "../../kernels/pool/pool-control.ts";
import type { WasmKernels } from "../../kernels/wasm/kernels-wasm.ts";
import { CNN_CONFIG_ARGS } from "../../model/cnn-config.ts";
import { GRADIENT_ARGS, cnnGradientJob } from "../../model/cnn-jobs.ts";
import { buildDigitRows, type DigitBatchViews } from "./digit-batch.ts";

/**
 * The training step's pool jobs: the engine's gradient job (cnn-jobs.ts) with the data loader's
 * work, decoding, augmenting and normalising a batch (digit-batch.ts), attached. Their arguments
 * are the gradient job's, then these, all byte offsets into the shared memory but the counts.
 */
export const DECODE_ARGS = { blobs: 0, blobBytes: 1, offsets: 2, labels: 3, stored: 4, indices: 5, seed: 6, maxShift: 7, x: 8, y: 9, side: 10 } as const;
export type DecodeArg = keyof typeof DECODE_ARGS;

/** The decode arguments in DECODE_ARGS order, to append to the gradient job's. */
export function decodeArgs(values: Record<DecodeArg, number>): number[] {
  const out: number[] = [];
  for (const [name, at] of Object.entries(DECODE_ARGS)) out[at] = values[name as DecodeArg];
  return out;
}

/** Where the decode arguments start: after the config and the gradient job's arguments. */
export const DECODE_AT = CNN_CONFIG_ARGS + Object.keys(GRADIENT_ARGS).length;

function decodeArg(a: Int32Array, name: DecodeArg): number {
  return a[DECODE_AT + DECODE_ARGS[name]]!;
}

/** Views of the batch the decode arguments describe, `rows` images long. */
function batchViews(k: WasmKernels, a: Int32Array, rows: number): DigitBatchViews {
  const buffer = k.memory.buffer;
  const stored = decodeArg(a, "stored");
  const size = decodeArg(a, "side") ** 2;
  return {
    blobs: new Uint8Array(buffer, decodeArg(a, "blobs"), decodeArg(a, "blobBytes")),
    offsets: new Int32Array(buffer, decodeArg(a, "offsets"), stored + 1),
    labels: new Uint8Array(buffer, decodeArg(a, "labels"), stored),
    indices: new Int32Array(buffer, decodeArg(a, "indices"), rows),
    x: new Float32Array(buffer, decodeArg(a, "x"), rows * size),
    y: new Float32Array(buffer, decodeArg(a, "y"), rows),
  };
}

function decodeRows(k: WasmKernels, a: Int32Array, start: number, end: number): void {
  const rows = a[CNN_CONFIG_ARGS + GRADIENT_ARGS.images]!;
  buildDigitRows(batchViews(k, a, rows), decodeArg(a, "side"), decodeArg(a, "seed"), decodeArg(a, "maxShift"), start, end);
}

/**
 * Data-parallel step with loading split too: part p decodes exactly the rows whose gradient it
 * then computes (the same splitRows band as cnnGradientJob), so no part waits for another's
 * images. The decode target must be the gradient job's x and labels.
 */
export function cnnDecodeGradientJob(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
  const [start, end] = splitRows(a[CNN_CONFIG_ARGS + GRADIENT_ARGS.images]!, part, parts);
  decodeRows(k, a, start, end);
  cnnGradientJob(k, a, part, parts);
}

/**
 * Pipelined loading: part 0 computes the gradient of the batch already in x (as ONE part, into
 * slot 0) while part 1 builds the NEXT batch into the decode target, a second buffer. With one
 * thread the two run one after the other; parts beyond 2 have nothing to do.
 */
export function cnnPrefetchGradientJob(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
  if (part === 0) cnnGradientJob(k, a, 0, 1);
  if (part === 1 || parts === 1) decodeRows(k, a, 0, a[CNN_CONFIG_ARGS + GRADIENT_ARGS.images]!);
}
