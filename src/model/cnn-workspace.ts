import { conv1Params, conv2Params, type CnnShape } from "./cnn-config.ts";
import { convShape } from "../kernels/conv-shape.ts";
import { f32Layout, f32Views, type F32Layout } from "./f32-layout.ts";
import type { ParamLayout } from "./cnn-params.ts";

/**
 * The scratch of one thread running the network on up to `capacity` images at a time: every
 * activation the backward pass reads again, the im2col matrices and GEMM outputs, and (training
 * only) the gradients flowing back. Laid out as one float vector (f32-layout.ts) so a pool worker
 * finds it from one byte offset. Images beyond `capacity` are processed in chunks.
 */
const FORWARD = ["col1", "gemm1", "z1", "p1", "col2", "gemm2", "z2", "p2", "logits"] as const;
const BACKWARD = ["dp2", "dz2", "dp1", "dz1", "doutT1", "doutT2", "dlogitsT"] as const;
export type PerImageBuffer = (typeof FORWARD)[number] | (typeof BACKWARD)[number];
/**
 * Transposed weights (written per call) and, for training, one chunk's gradient and the dense
 * layer's transposed weights and weight gradient.
 */
type FixedBuffer = "wT1" | "wT2" | "grad" | "wdT" | "dwdT";
export type WorkspaceBuffer = PerImageBuffer | FixedBuffer;

export interface CnnWorkspaceLayout extends F32Layout<WorkspaceBuffer> {
  capacity: number;
  training: boolean;
  /** Floats per image of each per-image buffer (0 when unused, e.g. backward ones in inference). */
  perImage: Record<PerImageBuffer, number>;
}

/** Per-image floats of each buffer; backward ones are 0 unless training. */
function perImageSizes(s: CnnShape, training: boolean): Record<PerImageBuffer, number> {
  const c1 = convShape(conv1Params(s, 1));
  const c2 = convShape(conv2Params(s, 1));
  const t = training ? 1 : 0;
  return {
    col1: c1.cols * c1.patch,
    gemm1: c1.cols * c1.filters,
    z1: s.conv1Out,
    p1: s.pool1Out,
    col2: c2.cols * c2.patch,
    gemm2: c2.cols * c2.filters,
    z2: s.conv2Out,
    p2: s.dense,
    logits: s.classes,
    dp2: t * s.dense,
    dz2: t * s.conv2Out,
    dp1: t * s.pool1Out,
    dz1: t * s.conv1Out,
    doutT1: t * c1.cols * c1.filters,
    doutT2: t * c2.cols * c2.filters,
    dlogitsT: t * s.classes,
  };
}

export function workspaceLayout(s: CnnShape, params: ParamLayout, capacity: number, training: boolean): CnnWorkspaceLayout {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`invalid capacity: ${capacity} (expected an integer ≥ 1)`);
  const perImage = perImageSizes(s, training);
  const lengths = {} as Record<WorkspaceBuffer, number>;
  for (const name of Object.keys(perImage) as PerImageBuffer[]) lengths[name] = capacity * perImage[name];
  lengths.wT1 = s.filters1 * s.channels * s.kernel1 ** 2;
  lengths.wT2 = s.filters2 * s.filters1 * s.kernel2 ** 2;
  lengths.grad = training ? params.count : 0;
  lengths.wdT = lengths.dwdT = training ? s.dense * s.classes : 0;
  return { ...f32Layout(lengths), capacity, training, perImage };
}

/** A workspace's buffers, each cut to what `images` images use. */
export type CnnWorkspace = Record<WorkspaceBuffer, Float32Array>;

/** Views of `vector` (≥ layout.count floats) as the buffers for `images` ≤ capacity images. */
export function workspaceFor(layout: CnnWorkspaceLayout, vector: Float32Array, images: number): CnnWorkspace {
  if (!Number.isInteger(images) || images < 1 || images > layout.capacity) {
    throw new RangeError(`invalid images: ${images} (this workspace holds 1 to ${layout.capacity})`);
  }
  const full = f32Views(layout, vector);
  for (const name of Object.keys(layout.perImage) as PerImageBuffer[]) full[name] = full[name].subarray(0, images * layout.perImage[name]);
  return full;
}
