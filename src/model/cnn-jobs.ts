import type { ArgValues } from "../kernels/pool/job-args.ts";
import { splitRows } from "../kernels/pool/pool-control.ts";
import { poolJob, type JobTable } from "../kernels/pool/pool-job.ts";
import type { WasmKernels } from "../kernels/wasm/kernels-wasm.ts";
import { CNN_CONFIG_ARGS, cnnShape, configKey, configOf, type CnnConfig, type CnnShape } from "./cnn-config.ts";
import { cnnBackward } from "./cnn-backward.ts";
import { cnnForward } from "./cnn-forward.ts";
import { paramLayout, paramViews, type ParamLayout } from "./cnn-params.ts";
import { workspaceFor, workspaceLayout, type CnnWorkspace, type CnnWorkspaceLayout } from "./cnn-workspace.ts";
import { sharedMemoryCnnKernels, tapMajorCnnKernels, typescriptCnnKernels, type CnnKernels } from "./cnn-kernels.ts";

/**
 * The CNN's pool jobs: the same code on the coordinator (part 0) and on every worker. Images are
 * split into contiguous bands, one per part; each part runs its band through its own workspace
 * (at ws + part·wsStride) in chunks of at most `capacity` images. The arguments start with the
 * config (cnn-config.ts CNN_CONFIG_ARGS), then the byte offsets and counts listed per job.
 */

/** cnn_forward: params, x, images, logits, ws, wsStride, capacity — logits (images × classes) of x. */
export const FORWARD_ARGS = {
  ...CNN_CONFIG_ARGS,
  params: "i32",
  x: "i32",
  images: "i32",
  logits: "i32",
  ws: "i32",
  wsStride: "i32",
  capacity: "i32",
} as const;
/**
 * cnn_gradient: params, x, labels, images, slots, slotStride, ws, wsStride, capacity,
 * path — part p writes the gradient sum over its band of images into its slot
 * (slots + p·slotStride bytes), followed by its loss sum and correct count; sgd-momentum.ts merges
 * the slots. path is an index into GRADIENT_PATHS.
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

/** The CNN's forward pass on each part's band of images. */
export const cnnForwardJob = poolJob(FORWARD_ARGS, (k, a, part, parts) => {
  const [start, end] = splitRows(a.images, part, parts);
  if (start === end) return;
  const c = contextFor(k, a, part, null);
  const { shape: s } = c;
  const p = paramViews(c.params, f32(k, a.params, c.params.count));
  const wsPtr = a.ws + part * a.wsStride;
  for (let r = start; r < end; r += c.ws.capacity) {
    const n = Math.min(c.ws.capacity, end - r);
    const ws = workspace(k, c, wsPtr, n);
    cnnForward(s, p, f32(k, a.x + r * s.input * 4, n * s.input), n, ws, c.kernels);
    f32(k, a.logits + r * s.classes * 4, n * s.classes).set(ws.logits);
  }
});

/** Each part's gradient sum over its band of the batch, into its own slot. */
export const cnnGradientJob = poolJob(GRADIENT_ARGS, (k, a, part, parts) => {
  const [start, end] = splitRows(a.images, part, parts);
  const path = GRADIENT_PATHS[a.path];
  if (path === undefined)
    throw new RangeError(`invalid path: ${a.path} (expected 0 to ${GRADIENT_PATHS.length - 1}: ${GRADIENT_PATHS.join(", ")})`);
  const c = contextFor(k, a, part, path);
  const { shape: s } = c;
  const count = c.params.count;
  if (a.slotStride < (count + 2) * 4) throw new RangeError(`invalid slotStride: ${a.slotStride} (a slot needs ${(count + 2) * 4} bytes)`);
  const slot = f32(k, a.slots + part * a.slotStride, count + 2);
  slot.fill(0);
  if (start === end) return;
  const p = paramViews(c.params, f32(k, a.params, count));
  const wsPtr = a.ws + part * a.wsStride;
  let loss = 0;
  let correct = 0;
  for (let r = start; r < end; r += c.ws.capacity) {
    const n = Math.min(c.ws.capacity, end - r);
    const ws = workspace(k, c, wsPtr, n);
    cnnForward(s, p, f32(k, a.x + r * s.input * 4, n * s.input), n, ws, c.kernels);
    const chunk = cnnBackward(
      s,
      p,
      f32(k, a.x + r * s.input * 4, n * s.input),
      f32(k, a.labels + r * 4, n),
      n,
      ws,
      paramViews(c.params, ws.grad),
      c.kernels,
    );
    loss += chunk.loss;
    correct += chunk.correct;
    // slot += grad by the SIMD triad (slot + 1·grad, one rounding): a JavaScript loop over the
    // 11 k floats took ~1.5% of a step at 8 chunks per batch.
    k.triad_f32_wasmrelaxedsimd(slot.byteOffset, slot.byteOffset, ws.grad.byteOffset, 1, 0, count);
  }
  slot[count] = loss;
  slot[count + 1] = correct;
});

/** The model's pool jobs, for the table of the layer that owns the pool. */
export const cnnPoolJobs = { cnn_forward: cnnForwardJob, cnn_gradient: cnnGradientJob } as const satisfies JobTable;
