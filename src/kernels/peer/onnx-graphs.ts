import { convShape, checkLength, type ConvParams } from "../conv-shape.ts";
import type { GemmShape } from "../gemm-shape.ts";
import type { OnnxGraph } from "./onnx-model.ts";

/**
 * Single-operator ONNX graphs of the site's own kernels, so onnxruntime-web computes exactly what
 * they do, in the same layouts: ONNX is NCHW with OIHW filters and row-major matrices, like us.
 */

/** Y (M×N) = A (M×K) · B (K×N), both operands fed per run, as our GEMM takes both per call. */
export function matMulGraph(s: GemmShape): OnnxGraph {
  return {
    name: `matmul-${s.m}x${s.n}x${s.k}`,
    inputs: [
      { name: "a", dims: [s.m, s.k] },
      { name: "b", dims: [s.k, s.n] },
    ],
    outputs: [{ name: "y", dims: [s.m, s.n] }],
    initializers: [],
    nodes: [{ op: "MatMul", inputs: ["a", "b"], outputs: ["y"] }],
  };
}

/**
 * A convolution layer: input x (N, C, H, W) fed per run; its filters w (F, C, kH, kW) and bias b
 * (F) are constants of the model, as in any trained network, so ORT may prepare them once.
 */
export function convGraph(p: ConvParams, w: Float32Array, b: Float32Array): OnnxGraph {
  const s = convShape(p);
  const wDims = [s.filters, s.channels, s.kernelH, s.kernelW];
  checkLength("w", w, s.filters * s.patch);
  checkLength("b", b, s.filters);
  return {
    name: `conv-${s.channels}to${s.filters}-${s.kernelH}x${s.kernelW}`,
    inputs: [{ name: "x", dims: [s.batch, s.channels, s.height, s.width] }],
    outputs: [{ name: "y", dims: [s.batch, s.filters, s.outH, s.outW] }],
    initializers: [
      { name: "w", dims: wDims, data: w },
      { name: "b", dims: [s.filters], data: b },
    ],
    nodes: [
      {
        op: "Conv",
        inputs: ["x", "w", "b"],
        outputs: ["y"],
        attributes: {
          kernel_shape: [s.kernelH, s.kernelW],
          pads: [s.padding, s.padding, s.padding, s.padding],
          strides: [s.stride, s.stride],
        },
      },
    ],
  };
}
