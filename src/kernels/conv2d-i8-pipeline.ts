import { convSizes, type ConvShape } from "./conv-shape.ts";
import { colI8Bytes } from "./conv2d-i8-col.ts";
import { quantizeFiltersI8, transposeFiltersI8 } from "./conv2d-i8-im2col-gemm-ref.ts";
import { QMAX_A } from "./quantize-i8.ts";
import type { WasmKernels } from "./wasm/kernels-wasm.ts";
import type { WasmArena } from "./wasm/wasm-arena.ts";

/**
 * The int8 convolution in the shared memory (conv2d-i8-im2col-gemm-wasmrelaxedsimd): the filters
 * quantized per output channel and packed once, and per call two kernels — quantize each image
 * with its own scale, then im2col + int8 GEMM + dequantize + bias. Pointers are byte offsets.
 */

/** A layer's weights, prepared once: packed int8 filters, their F scales, the F float biases. */
export interface ConvI8Weights {
  packed: number;
  scales: number;
  bias: number;
}

/** The per-call scratch for up to `batch` images of the geometry it was made for. */
export interface ConvI8Scratch {
  xq: number;
  xScales: number;
  col: number;
  cq: number;
}

/** `length` bytes from the arena (whole floats, 16-byte aligned). */
function bytes(arena: WasmArena, length: number): number {
  return arena.allocF32(Math.ceil(length / 4)).ptr;
}

/** Floats the arena hands out for `length` bytes (whole floats). */
const floatsFor = (length: number) => Math.ceil(length / 4);

/** Float lengths placeConvI8Weights takes from the arena, in its order (`kernels` knows the packed size). */
export function convI8WeightsFloats(kernels: WasmKernels, s: ConvShape): number[] {
  const packed = kernels.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(s.patch, s.filters);
  return [floatsFor(s.filters * s.patch), floatsFor(packed), s.filters, s.filters];
}

/** Float lengths placeConvI8Scratch takes from the arena, in its order. */
export function convI8ScratchFloats(s: ConvShape): number[] {
  return [floatsFor(convSizes(s).input), s.batch, floatsFor(colI8Bytes(s)), s.cols * s.filters];
}

/** Quantizes w (F, C, kH, kW) per filter, transposes and packs it, and copies b, into the arena. */
export function placeConvI8Weights(kernels: WasmKernels, arena: WasmArena, s: ConvShape, w: Float32Array, b: Float32Array): ConvI8Weights {
  const qw = quantizeFiltersI8(s, w);
  const t = bytes(arena, qw.q.length);
  new Int8Array(kernels.memory.buffer, t, qw.q.length).set(transposeFiltersI8(s, qw.q));
  const packed = bytes(arena, kernels.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(s.patch, s.filters));
  kernels.gemm_i8_4x8_wasmrelaxedsimd_pack_b(s.patch, s.filters, t, s.filters, packed);
  const scales = arena.allocF32(s.filters);
  scales.view().set(qw.scales);
  const bias = arena.allocF32(s.filters);
  bias.view().set(b);
  return { packed, scales: scales.ptr, bias: bias.ptr };
}

/** Scratch for s.batch images. */
export function placeConvI8Scratch(arena: WasmArena, s: ConvShape): ConvI8Scratch {
  const sizes = convSizes(s);
  return {
    xq: bytes(arena, sizes.input),
    xScales: arena.allocF32(s.batch).ptr,
    col: bytes(arena, colI8Bytes(s)),
    cq: arena.allocF32(s.cols * s.filters).ptr,
  };
}

/**
 * out (float32 NCHW at `out`) ≈ conv(x at `x`) + bias for the first `images` ≤ the scratch's batch
 * images of geometry s (s.batch is ignored in favour of `images`).
 */
export function conv2dI8(
  kernels: WasmKernels,
  s: ConvShape,
  images: number,
  x: number,
  w: ConvI8Weights,
  scratch: ConvI8Scratch,
  out: number,
): void {
  // The scratch holds s.batch images: more would run past it into the arena's other blocks.
  if (!Number.isInteger(images) || images < 1 || images > s.batch) {
    throw new RangeError(`invalid images: ${images} (expected an integer from 1 to ${s.batch}, the scratch's batch)`);
  }
  const image = s.channels * s.height * s.width;
  kernels.quantize_f32_i8_rows_wasmsimd(images, image, x, image, scratch.xq, image, scratch.xScales, QMAX_A);
  kernels.conv2d_i8_im2col_gemm_wasmrelaxedsimd(
    scratch.xq,
    scratch.xScales,
    w.packed,
    w.scales,
    w.bias,
    out,
    scratch.col,
    scratch.cq,
    images,
    s.channels,
    s.height,
    s.width,
    s.filters,
    s.kernelH,
    s.kernelW,
    s.stride,
    s.padding,
  );
}
