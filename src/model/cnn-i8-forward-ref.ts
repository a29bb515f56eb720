import { conv2dI8Im2colGemmRef } from "../kernels/conv2d-i8-im2col-gemm-ref.ts";
import { gemmF32ViaI8Ref } from "../kernels/gemm-i8-ref.ts";
import { maxpool2x2ReluF32 } from "../kernels/maxpool2x2-f32.ts";
import { conv1Params, conv2Params, type CnnShape } from "./cnn-config.ts";
import type { ParamViews } from "./cnn-params.ts";

/**
 * The quantized network, plainly: the float network's layers with both convolutions and the dense
 * layer computed through int8 (weights per output channel, each image's activations with one scale
 * of their own, int32 sums; conv2d-i8-im2col-gemm-ref.ts and gemm-i8-ref.ts), pool and ReLU in
 * float as before. The logits of `images` images x (NCHW); CnnInferenceI8 must give them bit for bit.
 */
export function cnnForwardI8Ref(s: CnnShape, p: ParamViews, x: Float32Array, images: number): Float32Array {
  if (x.length !== images * s.input) throw new RangeError(`invalid x: length ${x.length}, expected ${images} images × ${s.input}`);
  const z1 = conv2dI8Im2colGemmRef(conv1Params(s, images), x, p.w1, p.b1);
  const p1 = new Float32Array(images * s.pool1Out);
  maxpool2x2ReluF32(images * s.filters1, s.height, s.width, z1, p1);
  const z2 = conv2dI8Im2colGemmRef(conv2Params(s, images), p1, p.w2, p.b2);
  const p2 = new Float32Array(images * s.dense);
  maxpool2x2ReluF32(images * s.filters2, s.pool1H, s.pool1W, z2, p2);
  // Dense: each image's features a row with its own scale, each class's weights a column with its own.
  const logits = gemmF32ViaI8Ref({ m: images, n: s.classes, k: s.dense }, p2, p.wd);
  for (let i = 0; i < logits.length; i++) logits[i]! += p.bd[i % s.classes]!;
  return logits;
}
