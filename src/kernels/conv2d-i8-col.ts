import type { ConvShape } from "./conv-shape.ts";

/**
 * Bytes of conv2d_i8_im2col_gemm_wasmrelaxedsimd's col scratch: N·H'·W' rows of C·kH·kW taps, each
 * row rounded up to a multiple of 4 bytes (whole depth groups of the int8 GEMM).
 */
export function colI8Bytes(s: ConvShape): number {
  return s.cols * ((s.patch + 3) & ~3);
}
