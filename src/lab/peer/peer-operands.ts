import type { GemmShape } from "../../kernels/gemm-shape.ts";

/** What a convolution benchmark's input must hold for a peer: x (N, C, H, W), w (F, C, kH, kW), b (F). */
export interface ConvOperands {
  x: Float32Array;
  w: Float32Array;
  b: Float32Array;
}

/** A GEMM benchmark's operands for a peer: C (M×N) = A (M×K) · B (K×N), row-major, as in gemm-shape.ts. */
export interface GemmOperands {
  shape: GemmShape;
  a: Float32Array;
  b: Float32Array;
}
