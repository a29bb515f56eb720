import type { ArgValues } from "../kernels/pool/job-args.ts";
import { forEachClaimedChunk } from "../kernels/pool/claim-chunks.ts";
import { claimCounterAt } from "../kernels/pool/claim-counter.ts";
import { poolJob, type JobTable } from "../kernels/pool/pool-job.ts";
import type { WasmKernels } from "../kernels/wasm/kernels-wasm.ts";
import { CNN_CONFIG_ARGS, cnnShape, configKey, configOf, type CnnConfig, type CnnShape } from "./cnn-config.ts";
import { cnnBackward } from "./cnn-backward.ts";
import { cnnForward } from "./cnn-forward.ts";
import { paramLayout, paramViews, type ParamLayout } from "./cnn-params.ts";
import { workspaceFor, workspaceLayout, type CnnWorkspace, type CnnWorkspaceLayout } from "./cnn-workspace.ts";
import { sharedMemoryCnnKernels, tapMajorCnnKernels, typescriptCnnKernels, type CnnKernels } from "./cnn-kernels.ts";

/**
 * The CNN's pool jobs: the same code on the coordinator (part 0) and on every worker. The images
 * come in chunks of `capacity` (the last may be shorter); every part claims the next chunk from
 * the shared counter at `counter` (reset to 0 before the run) and runs it through its own
 * workspace (at ws + part·wsStride), until none is left. A part on a slower or busier core claims
 * fewer chunks instead of holding up a fixed half of the batch; which part ran a chunk never
 * changes a result. The arguments start with the config (cnn-config.ts CNN_CONFIG_ARGS), then the
 * byte offsets and counts listed per job.
 */

/** cnn_forward: params, x, images, logits, ws, wsStride, capacity, counter — logits (images × classes) of x. */
export const FORWARD_ARGS = {
  ...CNN_CONFIG_ARGS,
  params: "i32",
  x: "i32",
  images: "i32",
  logits: "i32",
  ws: "i32",
  wsStride: "i32",
  capacity: "i32",
  counter: "i32",
} as const;
/**
 * cnn_gradient: params, x, labels, images, slots, slotStride, ws, wsStride, capacity, counter,
 * path — chunk i's gradient sum goes into slot i (slots + i·slotStride bytes), followed by its loss
 * sum and correct count; sgd-momentum.ts merges the slots in chunk order, so for a given capacity
 * the step's bits do not depend on which thread ran which chunk. path is an index into GRADIENT_PATHS.
 */
export const GRADIENT_ARGS = {
  ...CNN_CONFIG_ARGS,
  params: "i32",
  x: "i32",
  labels: "i32",
  images: "i32",
  slots: "i32",
  slotStride: "i32",
  ws: "i32",
  wsStride: "i32",
  capacity: "i32",
  counter: "i32",
  path: "i32",
} as const;
export type CnnForwardArgs = ArgValues<typeof FORWARD_ARGS>;
export type CnnGradientArgs = ArgValues<typeof GRADIENT_ARGS>;

/**
 * The gradient job's code paths: the convolutions lowered tap-major (tapMajorCnnKernels, the
 * default); before that, pixel-major (sharedMemoryCnnKernels, what inference runs); and before
 * that, pixel-major with the pool + ReLU gradient in TypeScript. The earlier ones stay so the
 * training benchmark measures, in one run, what each change gained.
 */
export const GRADIENT_PATHS = ["tap-major", "pixel-major", "pixel-major-ts-pool-backward"] as const;
export type GradientPath = (typeof GRADIENT_PATHS)[number];

/** The kernel set of a gradient path. */
function gradientKernels(k: WasmKernels, path: GradientPath): CnnKernels {
  if (path === "tap-major") return tapMajorCnnKernels(k);
  const pixelMajor = sharedMemoryCnnKernels(k);
  return path === "pixel-major" ? pixelMajor : { ...pixelMajor, poolReluBackward: typescriptCnnKernels.poolReluBackward };
}

/** Runs a CNN job on these arguments over `parts` parts: the pool in the runner, SerialPool in tests. */
export type RunCnnJob<A> = (args: A, parts: number) => void;

/** What a part needs besides its pointers; rebuilt only when the config or the buffer changes. */
interface JobContext {
  key: string;
  buffer: ArrayBufferLike;
  shape: CnnShape;
  params: ParamLayout;
  ws: CnnWorkspaceLayout;
  kernels: CnnKernels;
  /** Workspace views by image count (a part's chunks are mostly one size). */
  workspaces: Map<number, CnnWorkspace>;
}

let cached: JobContext | undefined;

/** The context for these arguments; a memory grown since, or another config, makes a new one. */
function contextFor(
  k: WasmKernels,
  a: CnnConfig & { capacity: number; ws: number; wsStride: number },
  part: number,
  /** The gradient job's path; the forward job runs the pixel-major kernels. */
  training: GradientPath | null,
): JobContext {
  const buffer = k.memory.buffer;
  const key = `${training}:${configKey(a)}:${a.capacity}:${a.ws + part * a.wsStride}`;
  if (cached?.key === key && cached.buffer === buffer) return cached;
  const shape = cnnShape(configOf(a));
  const params = paramLayout(shape);
  const ws = workspaceLayout(shape, params, a.capacity, training !== null);
  if (a.wsStride < ws.count * 4) throw new RangeError(`invalid wsStride: ${a.wsStride} (a workspace needs ${ws.count * 4} bytes)`);
  const kernels = training === null ? sharedMemoryCnnKernels(k) : gradientKernels(k, training);
  cached = { key, buffer, shape, params, ws, kernels, workspaces: new Map() };
  return cached;
}

function f32(k: WasmKernels, ptr: number, length: number): Float32Array {
  return new Float32Array(k.memory.buffer, ptr, length);
}

function workspace(k: WasmKernels, c: JobContext, ptr: number, images: number): CnnWorkspace {
  let ws = c.workspaces.get(images);
  if (!ws) {
    ws = workspaceFor(c.ws, f32(k, ptr, c.ws.count), images);
    c.workspaces.set(images, ws);
  }
  return ws;
}

/** Chunks of `capacity` images the counter hands out, to parts calling `body(start, end)`. */
function forEachClaimedImages(
  k: WasmKernels,
  a: { images: number; counter: number },
  capacity: number,
  body: (start: number, end: number) => void,
) {
  forEachClaimedChunk(claimCounterAt(k.memory.buffer, a.counter), a.images, capacity, body);
}

/** The CNN's forward pass on every chunk of images this part claims. */
export const cnnForwardJob = poolJob(FORWARD_ARGS, (k, a, part) => {
  const c = contextFor(k, a, part, null);
  const { shape: s } = c;
  const p = paramViews(c.params, f32(k, a.params, c.params.count));
  const wsPtr = a.ws + part * a.wsStride;
  forEachClaimedImages(k, a, c.ws.capacity, (r, end) => {
    const ws = workspace(k, c, wsPtr, end - r);
    cnnForward(s, p, f32(k, a.x + r * s.input * 4, (end - r) * s.input), end - r, ws, c.kernels);
    f32(k, a.logits + r * s.classes * 4, (end - r) * s.classes).set(ws.logits);
  });
});

/**
 * Part `part` of cnn_gradient: the gradient sum, loss sum and correct count of every chunk it
 * claims, each into the chunk's own slot. `beforeChunk` prepares a chunk's images first (the data
 * loader decodes them there, so a part decodes exactly what it then differentiates).
 */
export function cnnGradientPart(
  k: WasmKernels,
  a: CnnGradientArgs,
  part: number,
  beforeChunk?: (start: number, end: number) => void,
): void {
  const path = GRADIENT_PATHS[a.path];
  if (path === undefined)
    throw new RangeError(`invalid path: ${a.path} (expected 0 to ${GRADIENT_PATHS.length - 1}: ${GRADIENT_PATHS.join(", ")})`);
  const c = contextFor(k, a, part, path);
  const { shape: s } = c;
  const count = c.params.count;
  if (a.slotStride < (count + 2) * 4) throw new RangeError(`invalid slotStride: ${a.slotStride} (a slot needs ${(count + 2) * 4} bytes)`);
  const p = paramViews(c.params, f32(k, a.params, count));
  const wsPtr = a.ws + part * a.wsStride;
  forEachClaimedImages(k, a, c.ws.capacity, (r, end) => {
    beforeChunk?.(r, end);
    const n = end - r;
    const ws = workspace(k, c, wsPtr, n);
    const x = f32(k, a.x + r * s.input * 4, n * s.input);
    cnnForward(s, p, x, n, ws, c.kernels);
    const chunk = cnnBackward(s, p, x, f32(k, a.labels + r * 4, n), n, ws, paramViews(c.params, ws.grad), c.kernels);
    const slot = f32(k, a.slots + (r / c.ws.capacity) * a.slotStride, count + 2);
    slot.set(ws.grad);
    slot[count] = chunk.loss;
    slot[count + 1] = chunk.correct;
  });
}

/** The gradient of every chunk of the batch, each into its own slot. */
export const cnnGradientJob = poolJob(GRADIENT_ARGS, (k, a, part) => cnnGradientPart(k, a, part));

/** The model's pool jobs, for the table of the layer that owns the pool. */
export const cnnPoolJobs = { cnn_forward: cnnForwardJob, cnn_gradient: cnnGradientJob } as const satisfies JobTable;
