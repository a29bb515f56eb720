/**
 * Variant ids as results files, share links and saved history wrote them before kernels had one
 * name each (issue 12: op-type[-tile][-method]-isa[-threads], README "Kernel names"), mapped to
 * today's. The results importer renames through this table, so old files keep loading. Keep old
 * entries; a later rename adds its own.
 */
export const LEGACY_VARIANT_IDS: Readonly<Record<string, string>> = {
  "blur-f32-box-integral": "blur-f32-box-integral-ts",
  "blur-f32-full-crop": "blur-f32-full-crop-ts",
  "blur-f32-region": "blur-f32-region-ts",
  "cnn-train-f32-data-parallel": "cnn-train-f32-data-parallel-wasmrelaxedsimd-threads",
  "cnn-train-f32-prefetch": "cnn-train-f32-prefetch-wasmrelaxedsimd-threads",
  "cnn-train-f32-single": "cnn-train-f32-wasmrelaxedsimd",
  "cnn-train-f32-single-ts-pool-backward": "cnn-train-f32-ts-maxpool-backward-wasmrelaxedsimd",
  "collatz-steps-js": "collatz-steps-ts",
  "collatz-steps-js-interleaved": "collatz-steps-interleaved-ts",
  "collatz-steps-js-workers": "collatz-steps-ts-threads",
  "conv2d-f32-im2col-gemm-wasm": "conv2d-f32-im2col-gemm-wasmrelaxedsimd",
  "conv2d-f32-im2col-gemm-wasm-threads": "conv2d-f32-im2col-gemm-wasmrelaxedsimd-threads",
  "conv2d-f32-ort-wasm-simd-threaded": "conv2d-f32-ort-wasmsimd-threads",
  "conv2d-f32-separable": "conv2d-f32-separable-ts",
  "conv2d-f32-shifted": "conv2d-f32-shifted-ts",
  "conv2d-f32-tfjs-wasm-simd": "conv2d-f32-tfjs-wasmsimd",
  "conv2d-f32-tfjs-wasm-threaded-simd": "conv2d-f32-tfjs-wasmsimd-threads",
  "conv2d-f32-winograd2x2-3x3-wasm": "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd",
  "conv2d-f64-nested-arrays": "conv2d-f64-nested-arrays-ts",
  "fork-join-empty-threads": "fork-join-empty-ts-threads",
  "fused-normalize-gamma-u8-js": "fused-normalize-gamma-u8-ts",
  "fused-normalize-gamma-u8-unfused": "normalize-gamma-u8-passes-ts",
  "gemm-f32-6x8-packed-wasm": "gemm-f32-6x8-packed-wasmrelaxedsimd",
  "gemm-f32-6x8-packed-wasm-threads": "gemm-f32-6x8-packed-wasmrelaxedsimd-threads",
  "gemm-f32-6x8-wasm": "gemm-f32-6x8-wasmrelaxedsimd",
  "gemm-f32-blocked": "gemm-f32-blocked-ts",
  "gemm-f32-ikj": "gemm-f32-ikj-ts",
  "gemm-f32-ort-wasm-simd-threaded": "gemm-f32-ort-wasmsimd-threads",
  "gemm-f32-tfjs-wasm-simd": "gemm-f32-tfjs-wasmsimd",
  "gemm-f32-tfjs-wasm-threaded-simd": "gemm-f32-tfjs-wasmsimd-threads",
  "gemm-i8-4x8-wasm-threads": "gemm-i8-4x8-wasmrelaxedsimd-threads",
  "histogram-u8-atomic-js": "histogram-u8-atomic-ts-threads",
  "histogram-u8-loop-js": "histogram-u8-loop-ts",
  "histogram-u8-private-merge-js": "histogram-u8-private-merge-ts-threads",
  "infer-f32-batch1-wasm": "infer-f32-batch1-wasmrelaxedsimd",
  "infer-f32-batch256-wasm": "infer-f32-batch256-wasmrelaxedsimd",
  "infer-f32-batch64-wasm": "infer-f32-batch64-wasmrelaxedsimd",
  "infer-f32-batch8-wasm": "infer-f32-batch8-wasmrelaxedsimd",
  "infer-f32-ort-wasm-simd-threaded": "infer-f32-ort-wasmsimd-threads",
  "infer-f32-split-wasm-threads": "infer-f32-split-wasmrelaxedsimd-threads",
  "map-box3-f32-chunk1-js": "map-box3-f32-chunk1-ts-threads",
  "map-box3-f32-chunk16-js": "map-box3-f32-chunk16-ts-threads",
  "map-box3-f32-chunk256-js": "map-box3-f32-chunk256-ts-threads",
  "map-box3-f32-chunk4-js": "map-box3-f32-chunk4-ts-threads",
  "map-box3-f32-chunk64-js": "map-box3-f32-chunk64-ts-threads",
  "map-box3-f32-loop-js": "map-box3-f32-loop-ts",
  "median3x3-u8-js": "median3x3-u8-ts",
  "median3x3-u8-wasm-scalar": "median3x3-u8-wasm",
  "median3x3-u8-wasmsimd-x16": "median3x3-u8-x16-wasmsimd",
  "median3x3-u8-wasmsimd-x16-threads": "median3x3-u8-x16-wasmsimd-threads",
  "pairwise-sqdist-f32-broadcast": "pairwise-sqdist-f32-broadcast-ts",
  "pairwise-sqdist-f32-fused": "pairwise-sqdist-f32-fused-ts",
  "peak-f32x4-fma-wasm": "peak-f32x4-fma-wasmrelaxedsimd",
  "peak-f32x4-muladd-wasm": "peak-f32x4-muladd-wasmsimd",
  "round-trip-copy-js": "round-trip-copy-ts",
  "round-trip-shared-js": "round-trip-shared-ts",
  "round-trip-transfer-js": "round-trip-transfer-ts",
  "triad-f32-wasm": "triad-f32-wasmrelaxedsimd",
  "triad-f32-wasm-threads": "triad-f32-wasmrelaxedsimd-threads",
};

/** Where one old id became different names in different benchmarks: by benchmark, then old id. */
export const LEGACY_VARIANT_IDS_BY_BENCH: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "machine-peak": {
    "peak-f32x4-fma-wasm": "peak-f32x4-fma-wasmrelaxedsimd-threads",
    "peak-f32x4-muladd-wasm": "peak-f32x4-muladd-wasmsimd-threads",
  },
};

/** The build ISA as env.kernelIsa spelled it before the rename. */
export const LEGACY_KERNEL_ISAS: Readonly<Record<string, string>> = {
  "wasm-relaxed": "wasmrelaxedsimd",
};
