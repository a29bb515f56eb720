// The WebAssembly kernels of Every Core: one source set compiled twice by scripts/build-wasm.ts,
// kernels-relaxed.wasm (simd128 + relaxed-simd + threads) and kernels-simd.wasm (simd128 + threads).
//
// Contract with src/kernels/wasm/kernels-wasm.ts: the memory is imported (env.memory, shared);
// every pointer is a byte offset; the module has no data segment and keeps no state in memory, so
// any number of instances (one per worker) can run on one memory at once; kernels never allocate.
//
// Every export here is an entry of src/kernels/wasm/kernel-table.ts, or one of its constants
// (`${kernel}_${constant}`, e.g. gemm_f32_6x8_wasmrelaxedsimd_mr); the build fails when the two differ.

export { gemm_f32_6x8_wasmrelaxedsimd, gemm_f32_6x8_wasmrelaxedsimd_kc, gemm_f32_6x8_wasmrelaxedsimd_mc, gemm_f32_6x8_wasmrelaxedsimd_nc } from "./gemm-f32-6x8-wasmrelaxedsimd";
export { gemm_f32_6x8_wasmrelaxedsimd_mr, gemm_f32_6x8_wasmrelaxedsimd_nr } from "./gemm-f32-6x8";
export { im2col_f32_wasm } from "./im2col-f32-wasm";
export { col2im_f32_wasm } from "./col2im-f32-wasm";
export { conv2d_f32_im2col_gemm_wasmrelaxedsimd } from "./conv2d-f32-im2col-gemm-wasmrelaxedsimd";
export { conv2d_f32_chw_gemm_wasmrelaxedsimd } from "./conv2d-f32-chw-gemm-wasmrelaxedsimd";
export { conv2d_backward_weights_f32_chw_gemm_wasmrelaxedsimd, conv2d_backward_input_f32_chw_gemm_wasmrelaxedsimd } from "./conv2d-backward-f32-chw-wasmrelaxedsimd";
export { conv2d_i8_im2col_gemm_wasmrelaxedsimd } from "./conv2d-i8-im2col-gemm-wasmrelaxedsimd";
export { conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd, conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes } from "./conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd";
export { peak_f32x4_fma_wasmrelaxedsimd, peak_f32x4_muladd_wasmsimd, peak_f32x4_fma_wasmrelaxedsimd_flops_per_iteration, peak_f32x4_fma_wasmrelaxedsimd_chains } from "./peak-f32x4";
export { triad_f32_wasmrelaxedsimd } from "./triad-f32-wasmrelaxedsimd";
export { dot_f32_wasmsimd, dot_f64_wasmsimd } from "./dot";
export { gemm_f32_6x8_packed_wasmrelaxedsimd, gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b, gemm_f32_6x8_packed_wasmrelaxedsimd_block, gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes, gemm_f32_6x8_packed_wasmrelaxedsimd_kc, gemm_f32_6x8_packed_wasmrelaxedsimd_mc, gemm_f32_6x8_packed_wasmrelaxedsimd_nc } from "./gemm-f32-6x8-packed-wasmrelaxedsimd";
export { collatz_steps_wasm } from "./collatz-steps-wasm";
export { median3x3_u8_wasm, median3x3_u8_x16_wasmsimd } from "./median3x3-u8";
export { fused_normalize_gamma_u8_wasmsimd, normalize_gamma_u8_passes_wasmsimd } from "./fused-normalize-gamma-u8";
export {
  gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes, gemm_i8_4x8_wasmrelaxedsimd_pack_b, gemm_i8_4x8_wasmrelaxedsimd, gemm_i8_4x8_wasmrelaxedsimd_mr, gemm_i8_4x8_wasmrelaxedsimd_nr, gemm_i8_4x8_wasmrelaxedsimd_b_zero_point,
} from "./gemm-i8-4x8-wasmrelaxedsimd";
export { quantize_f32_i8_rows_wasmsimd, dequantize_i32_f32_wasmsimd } from "./gemm-i8-quantize";
export { maxpool2x2_relu_f32_wasmsimd } from "./maxpool2x2-relu-f32-wasmsimd";
export { maxpool2x2_relu_backward_f32_wasmsimd } from "./maxpool2x2-relu-backward-f32-wasmsimd";

/**
 * The first byte the module leaves free: asc's `__heap_base` (1024 with no static data, asc keeping
 * the first KiB unused). The arena starts allocating there.
 */
export function heap_base(): usize {
  return __heap_base;
}
