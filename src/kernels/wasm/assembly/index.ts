// The WebAssembly kernels of Every Core: one source set compiled twice by scripts/build-wasm.ts,
// kernels-relaxed.wasm (simd128 + relaxed-simd + threads) and kernels-simd.wasm (simd128 + threads).
//
// Contract with src/kernels/wasm/kernels-wasm.ts: the memory is imported (env.memory, shared);
// every pointer is a byte offset; the module has no data segment and keeps no state in memory, so
// any number of instances (one per worker) can run on one memory at once; kernels never allocate.
//
// Every export here is an entry of src/kernels/wasm/kernel-table.ts, or one of its constants
// (`${kernel}_${constant}`, e.g. gemm_f32_mr); the build fails when the two differ.

export { gemm_f32, gemm_f32_kc, gemm_f32_mc, gemm_f32_nc } from "./gemm-f32";
export { gemm_f32_mr, gemm_f32_nr } from "./gemm-f32-6x8";
export { im2col_f32 } from "./im2col-f32";
export { col2im_f32 } from "./col2im-f32";
export { conv2d_f32_im2col_gemm } from "./conv2d-f32-im2col-gemm";
export { conv2d_f32_winograd2x2_3x3, conv2d_f32_winograd2x2_3x3_workspace_bytes } from "./conv2d-f32-winograd2x2-3x3";
export { peak_f32x4_fma, peak_f32x4_muladd, peak_f32x4_flops_per_iteration, peak_f32x4_fma_chains } from "./peak-f32x4";
export { triad_f32 } from "./triad-f32";
export { dot_f32, dot_f64 } from "./dot";
export { gemm_f32_packed, gemm_f32_pack_b, gemm_f32_packed_block, gemm_f32_packed_workspace_bytes, gemm_f32_packed_kc, gemm_f32_packed_mc, gemm_f32_packed_nc } from "./gemm-f32-packed";
export { collatz_steps } from "./collatz-steps";
export { median3x3_u8_scalar, median3x3_u8_simd } from "./median3x3-u8";
export { fused_normalize_gamma_u8, normalize_gamma_u8_passes } from "./fused-normalize-gamma-u8";
export {
  gemm_i8_packed_b_bytes, gemm_i8_pack_b, gemm_i8_4x8, gemm_i8_4x8_mr, gemm_i8_4x8_nr, gemm_i8_4x8_b_zero_point,
} from "./gemm-i8-4x8";
export { quantize_f32_i8_rows, dequantize_i32_f32 } from "./gemm-i8-quantize";
export { maxpool2x2_relu_f32 } from "./maxpool2x2-relu-f32";
export { maxpool2x2_relu_backward_f32 } from "./maxpool2x2-relu-backward-f32";

/**
 * The first byte the module leaves free: asc's `__heap_base` (1024 with no static data, asc keeping
 * the first KiB unused). The arena starts allocating there.
 */
export function heap_base(): usize {
  return __heap_base;
}
