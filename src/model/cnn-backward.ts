import { transposeF32 } from "../kernels/transpose-f32.ts";
import { conv1Params, conv2Params, type CnnShape } from "./cnn-config.ts";
import type { CnnKernels } from "./cnn-kernels.ts";
import type { ParamViews } from "./cnn-params.ts";
import type { CnnWorkspace } from "./cnn-workspace.ts";
import { softmaxCrossEntropySum } from "./softmax-cross-entropy.ts";

/**
 * The backward pass right after cnnForward on the same images and workspace: overwrites `grad` (views
 * of one gradient vector, same layout as the parameters) with the gradient of the SUM of the
 * images' cross-entropy losses, and returns that sum and how many images were classified right.
 * The convolutions go back through the kernel set's convBackward on the im2col matrices its forward
 * pass left (the second layer: the weight and input gradients; the first: the weight gradient alone); the dense
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
  denseBackward(s, images, ws, p.wd, dlogits, grad, kernels);
  // ReLU after the pool (cnn-forward.ts): each window's gradient goes to its max, if that was above 0.
  kernels.poolReluBackward(images * s.filters2, s.pool1H, s.pool1W, ws.z2, ws.dp2, ws.dz2);
  // col1 and col2 still hold the forward pass's im2col matrices: the weight gradients read them.
  kernels.convBackward(conv2Params(s, images), ws.p1, p.w2, ws.dz2, ws.dp1, grad.w2, grad.b2, {
    col: ws.col2,
    doutT: ws.doutT2,
    doutRows: ws.gemm2,
    wT: ws.wT2,
  });
  kernels.poolReluBackward(images * s.filters1, s.height, s.width, ws.z1, ws.dp1, ws.dz1);
  // The first layer: nobody reads the gradient of the image, so it is not computed.
  kernels.convBackward(conv1Params(s, images), x, p.w1, ws.dz1, null, grad.w1, grad.b1, {
    col: ws.col1,
    doutT: ws.doutT1,
    doutRows: ws.gemm1,
    wT: ws.wT1,
  });
  return result;
}

/**
 * logits = flat (rows × dense) · wd (dense × classes) + bd, backwards, as two GEMMs on transposed
 * copies (wd and dlogits are small: 7 840 and 10·rows floats), so no product needs a transposed
 * operand: dflat = dlogits · wdᵀ, dwdᵀ = dlogitsᵀ · flat, dbd = Σ rows of dlogits (all overwritten).
 * Ten outputs make both products thin, but they still beat the scalar loops they replace.
 */
function denseBackward(
  s: CnnShape,
  rows: number,
  ws: CnnWorkspace,
  wd: Float32Array,
  dlogits: Float32Array,
  grad: ParamViews,
  kernels: CnnKernels,
): void {
  const { dense, classes } = s;
  transposeF32(dense, classes, wd, ws.wdT);
  transposeF32(rows, classes, dlogits, ws.dlogitsT);
  kernels.gemm({ m: rows, n: dense, k: classes }, dlogits, ws.wdT, ws.dp2);
  kernels.gemm({ m: classes, n: dense, k: rows }, ws.dlogitsT, ws.p2, ws.dwdT);
  transposeF32(classes, dense, ws.dwdT, grad.wd);
  const dbd = grad.bd;
  dbd.fill(0);
  for (let r = 0; r < rows; r++) for (let c = 0; c < classes; c++) dbd[c]! += dlogits[r * classes + c]!;
}
