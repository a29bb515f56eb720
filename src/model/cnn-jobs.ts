import { splitRows } from "../kernels/pool/pool-control.ts";
import type { WasmKernels } from "../kernels/wasm/kernels-wasm.ts";
import { CNN_CONFIG_ARGS, cnnShape, configFromArgs, type CnnShape } from "./cnn-config.ts";
import { cnnBackward } from "./cnn-backward.ts";
import { cnnForward } from "./cnn-forward.ts";
import { paramLayout, paramViews, type ParamLayout } from "./cnn-params.ts";
import { workspaceFor, workspaceLayout, type CnnWorkspace, type CnnWorkspaceLayout } from "./cnn-workspace.ts";
import { sharedMemoryCnnKernels, type CnnKernels } from "./cnn-kernels.ts";

/**
 * The CNN's pool jobs: the same code on the coordinator (part 0) and on every worker. Images are
 * split into contiguous bands, one per part; each part runs its band through its own workspace
 * (at ws + part·wsStride) in chunks of at most `capacity` images. The integer arguments start
 * with the config (cnn-config.ts configArgs), then the byte offsets and counts listed per job.
 */

/** Runs a CNN pool job over `parts` parts: WorkerPool.run in the runner, a loop over the parts in tests. */
export type RunJob = (job: "cnn_forward" | "cnn_gradient", args: readonly number[], parts: number) => void;

/** Argument positions after the config. */
export const FORWARD_ARGS = { params: 0, x: 1, images: 2, logits: 3, ws: 4, wsStride: 5, capacity: 6 } as const;
export const GRADIENT_ARGS = { params: 0, x: 1, labels: 2, images: 3, slots: 4, slotStride: 5, ws: 6, wsStride: 7, capacity: 8 } as const;

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
function contextFor(k: WasmKernels, a: Int32Array, at: { ws: number; wsStride: number; capacity: number }, part: number, training: boolean): JobContext {
  const buffer = k.memory.buffer;
  const key = `${training}:${a.subarray(0, CNN_CONFIG_ARGS).join()}:${a[CNN_CONFIG_ARGS + at.capacity]}:${a[CNN_CONFIG_ARGS + at.ws]! + part * a[CNN_CONFIG_ARGS + at.wsStride]!}`;
  if (cached?.key === key && cached.buffer === buffer) return cached;
  const shape = cnnShape(configFromArgs(a, 0));
  const params = paramLayout(shape);
  const ws = workspaceLayout(shape, params, a[CNN_CONFIG_ARGS + at.capacity]!, training);
  if (a[CNN_CONFIG_ARGS + at.wsStride]! < ws.count * 4) throw new RangeError(`invalid wsStride: ${a[CNN_CONFIG_ARGS + at.wsStride]} (a workspace needs ${ws.count * 4} bytes)`);
  cached = { key, buffer, shape, params, ws, kernels: sharedMemoryCnnKernels(k), workspaces: new Map() };
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

/** args: config…, params, x, images, logits, ws, wsStride, capacity — logits (images × classes) of x. */
export function cnnForwardJob(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
  const arg = (name: keyof typeof FORWARD_ARGS) => a[CNN_CONFIG_ARGS + FORWARD_ARGS[name]]!;
  const [start, end] = splitRows(arg("images"), part, parts);
  if (start === end) return;
  const c = contextFor(k, a, FORWARD_ARGS, part, false);
  const { shape: s } = c;
  const p = paramViews(c.params, f32(k, arg("params"), c.params.count));
  const wsPtr = arg("ws") + part * arg("wsStride");
  for (let r = start; r < end; r += c.ws.capacity) {
    const n = Math.min(c.ws.capacity, end - r);
    const ws = workspace(k, c, wsPtr, n);
    cnnForward(s, p, f32(k, arg("x") + r * s.input * 4, n * s.input), n, ws, c.kernels);
    f32(k, arg("logits") + r * s.classes * 4, n * s.classes).set(ws.logits);
  }
}

/**
 * args: config…, params, x, labels, images, slots, slotStride, ws, wsStride, capacity — part p
 * writes the gradient sum over its band of images into its slot (slots + p·slotStride bytes),
 * followed by its loss sum and correct count; sgd-momentum.ts merges the slots.
 */
export function cnnGradientJob(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
  const arg = (name: keyof typeof GRADIENT_ARGS) => a[CNN_CONFIG_ARGS + GRADIENT_ARGS[name]]!;
  const [start, end] = splitRows(arg("images"), part, parts);
  const c = contextFor(k, a, GRADIENT_ARGS, part, true);
  const { shape: s } = c;
  const count = c.params.count;
  if (arg("slotStride") < (count + 2) * 4) throw new RangeError(`invalid slotStride: ${arg("slotStride")} (a slot needs ${(count + 2) * 4} bytes)`);
  const slot = f32(k, arg("slots") + part * arg("slotStride"), count + 2);
  slot.fill(0);
  if (start === end) return;
  const p = paramViews(c.params, f32(k, arg("params"), count));
  const wsPtr = arg("ws") + part * arg("wsStride");
  let loss = 0;
  let correct = 0;
  for (let r = start; r < end; r += c.ws.capacity) {
    const n = Math.min(c.ws.capacity, end - r);
    const ws = workspace(k, c, wsPtr, n);
    cnnForward(s, p, f32(k, arg("x") + r * s.input * 4, n * s.input), n, ws, c.kernels);
    const chunk = cnnBackward(s, p, f32(k, arg("x") + r * s.input * 4, n * s.input), f32(k, arg("labels") + r * 4, n), n, ws, paramViews(c.params, ws.grad), c.kernels);
    loss += chunk.loss;
    correct += chunk.correct;
    for (let i = 0; i < count; i++) slot[i]! += ws.grad[i]!;
  }
  slot[count] = loss;
  slot[count + 1] = correct;
}
