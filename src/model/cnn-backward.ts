import { conv2dF32Backward } from "../kernels/conv2d-f32-backward.ts";
import { conv1Params, conv2Params, type CnnShape } from "./cnn-config.ts";
import type { CnnKernels } from "./cnn-kernels.ts";
import type { ParamViews } from "./cnn-params.ts";
import type { CnnWorkspace } from "./cnn-workspace.ts";
import { maxpool2x2BackwardF32 } from "../kernels/maxpool2x2-f32.ts";
import { softmaxCrossEntropySum } from "./softmax-cross-entropy.ts";

/**
 * The backward pass right after cnnForward on the same images and workspace: overwrites `grad` (views
 * of one gradient vector, same layout as the parameters) with the gradient of the SUM of the
 * images' cross-entropy losses, and returns that sum and how many images were classified right.
 * The convolutions go back through conv2dF32Backward on the im2col matrices the forward pass left
 * (the second layer: two GEMMs and col2im; the first: the weight gradient's GEMM alone); the dense
 * layer, 10 outputs wide, is two small loops.
 */
export function cnnBackward(
  s: CnnShape,
  p: ParamViews,
  x: Float32Array,
  labels: Float32Array,
  images: number,
  ws: CnnWorkspace,
  grad: ParamViews,
  kernels: CnnKernels,
): { loss: number; correct: number } {
  const result = softmaxCrossEntropySum(images, s.classes, ws.logits, labels);
  const dlogits = ws.logits;
  denseBackward(images, s.dense, s.classes, ws.p2, p.wd, dlogits, grad.wd, grad.bd, ws.dp2);
  // ReLU after the pool (cnn-forward.ts): mask by the pooled output, then route to the window's max.
  reluBackwardInPlace(ws.p2, ws.dp2);
  maxpool2x2BackwardF32(images * s.filters2, s.pool1H, s.pool1W, ws.z2, ws.dp2, ws.dz2);
  // col1 and col2 still hold the forward pass's im2col matrices: the weight gradients read them.
  const reuse = { gemm: kernels.gemm, col2im: kernels.col2im, colHoldsInput: true };
  conv2dF32Backward(
    conv2Params(s, images),
    ws.p1,
    p.w2,
    ws.dz2,
    ws.dp1,
    grad.w2,
    grad.b2,
    { col: ws.col2, doutT: ws.doutT2, doutRows: ws.gemm2 },
    reuse,
  );
  reluBackwardInPlace(ws.p1, ws.dp1);
  maxpool2x2BackwardF32(images * s.filters1, s.height, s.width, ws.z1, ws.dp1, ws.dz1);
  // The first layer: nobody reads the gradient of the image, so it is not computed.
  conv2dF32Backward(
    conv1Params(s, images),
    x,
    p.w1,
    ws.dz1,
    null,
    grad.w1,
    grad.b1,
    { col: ws.col1, doutT: ws.doutT1, doutRows: ws.gemm1 },
    reuse,
  );
  return result;
}

/**
 * logits = flat (rows × inputs) · wd (inputs × classes) + bd, backwards:
 * dwd = flatᵀ · dlogits, dbd = Σ rows of dlogits, dflat = dlogits · wdᵀ (all overwritten).
 */
function denseBackward(
  rows: number,
  inputs: number,
  classes: number,
  flat: Float32Array,
  wd: Float32Array,
  dlogits: Float32Array,
  dwd: Float32Array,
  dbd: Float32Array,
  dflat: Float32Array,
): void {
  dwd.fill(0);
  dbd.fill(0);
  for (let r = 0; r < rows; r++) {
    const d = r * classes;
    for (let c = 0; c < classes; c++) dbd[c]! += dlogits[d + c]!;
    for (let i = 0; i < inputs; i++) {
      const v = flat[r * inputs + i]!;
      const w = i * classes;
      let acc = 0;
      for (let c = 0; c < classes; c++) {
        dwd[w + c]! += v * dlogits[d + c]!;
        acc += wd[w + c]! * dlogits[d + c]!;
      }
      dflat[r * inputs + i] = acc;
    }
  }
}

/** d[i] = 0 where the ReLU's output a[i] is 0 (its input was ≤ 0): the ReLU's gradient. */
function reluBackwardInPlace(a: Float32Array, d: Float32Array): void {
  for (let i = 0; i < d.length; i++) if (!(a[i]! > 0)) d[i] = 0;
}
