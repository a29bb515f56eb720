import { conv1Params, conv2Params, type CnnShape } from "./cnn-config.ts";
import type { CnnKernels } from "./cnn-kernels.ts";
import type { ParamViews } from "./cnn-params.ts";
import type { CnnWorkspace } from "./cnn-workspace.ts";

/**
 * The forward pass on `images` images x (NCHW, images · C·H·W floats) into ws.logits
 * (images × classes), keeping in ws what the backward pass reads again (z1, p1, z2, p2).
 * Both convolutions are im2col + one GEMM over all the images' pixels, the dense layer one GEMM
 * with the images as rows (`kernels`: WebAssembly when the buffers live in the shared memory,
 * TypeScript otherwise). ReLU runs after the max-pool, on a quarter of the values (the same
 * result: ReLU is monotone), so z1 and z2 keep the pre-activations.
 */
export function cnnForward(s: CnnShape, p: ParamViews, x: Float32Array, images: number, ws: CnnWorkspace, kernels: CnnKernels): void {
  if (x.length !== images * s.input) throw new RangeError(`invalid x: length ${x.length}, expected ${images} images × ${s.input}`);
  kernels.conv(conv1Params(s, images), x, p.w1, p.b1, ws.z1, { col: ws.col1, gemmOut: ws.gemm1, wT: ws.wT1 });
  kernels.poolRelu(images * s.filters1, s.height, s.width, ws.z1, ws.p1);
  kernels.conv(conv2Params(s, images), ws.p1, p.w2, p.b2, ws.z2, { col: ws.col2, gemmOut: ws.gemm2, wT: ws.wT2 });
  kernels.poolRelu(images * s.filters2, s.pool1H, s.pool1W, ws.z2, ws.p2);
  kernels.gemm({ m: images, n: s.classes, k: s.dense }, ws.p2, p.wd, ws.logits);
  addRowBias(images, s.classes, ws.logits, p.bd);
}

/** a[r, c] += bias[c] for a rows × cols matrix. */
function addRowBias(rows: number, cols: number, a: Float32Array, bias: Float32Array): void {
  for (let r = 0, o = 0; r < rows; r++) for (let c = 0; c < cols; c++, o++) a[o]! += bias[c]!;
}
