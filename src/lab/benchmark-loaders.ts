import type { Benchmark } from "./benchmark.ts";

/**
 * Every benchmark of the registry, by id, as a dynamic import: the runner worker loads the one it
 * runs and no other (nor their kernels). The registry (src/lab/registry.ts) holds them all at once
 * for the CLI, e2e and the build; a test keeps the two lists the same.
 */
export const benchmarkLoaders: Readonly<Record<string, () => Promise<Benchmark>>> = {
  "conv2d-im2col": async () => (await import("./benchmarks/conv2d-im2col.ts")).conv2dIm2col,
  "conv2d-layers": async () => (await import("./benchmarks/conv2d-layers.ts")).conv2dLayers,
  "conv2d-separable": async () => (await import("./benchmarks/conv2d-separable.ts")).conv2dSeparable,
  gemm: async () => (await import("./benchmarks/gemm.ts")).gemm,
  "gemm-threads": async () => (await import("./benchmarks/gemm-threads.ts")).gemmThreads,
  "gil-workers": async () => (await import("./benchmarks/gil-workers.ts")).gilWorkers,
  "machine-peak": async () => (await import("./benchmarks/machine-peak.ts")).machinePeak,
  "memory-bandwidth": async () => (await import("./benchmarks/memory-bandwidth.ts")).memoryBandwidth,
  "blur-algorithms": async () => (await import("./benchmarks/blur-algorithms.ts")).blurAlgorithms,
  "roi-blur": async () => (await import("./benchmarks/roi-blur.ts")).roiBlur,
  "conv-vectorization": async () => (await import("./benchmarks/conv-vectorization.ts")).convVectorization,
  "broadcast-temporaries": async () => (await import("./benchmarks/broadcast-temporaries.ts")).broadcastTemporaries,
  "median-filter": async () => (await import("./benchmarks/median-filter.ts")).medianFilter,
  "fusion-chain": async () => (await import("./benchmarks/fusion-chain.ts")).fusionChain,
  "gemm-int8": async () => (await import("./benchmarks/gemm-int8.ts")).gemmInt8,
  "gemm-dispatch": async () => (await import("./benchmarks/gemm-dispatch.ts")).gemmDispatch,
  "cnn-inference": async () => (await import("./benchmarks/cnn-inference.ts")).cnnInference,
  "cnn-training": async () => (await import("./benchmarks/cnn-training.ts")).cnnTraining,
  "pool-map-images": async () => (await import("./benchmarks/pool-map-images.ts")).poolMapImages,
  "passing-data": async () => (await import("./benchmarks/passing-data.ts")).passingData,
  "shared-histogram": async () => (await import("./benchmarks/shared-histogram.ts")).sharedHistogram,
};

/** The benchmark `id`, loaded on demand; an unknown id is a RangeError naming the known ones. */
export function loadBenchmark(id: string): Promise<Benchmark> {
  const load = Object.hasOwn(benchmarkLoaders, id) ? benchmarkLoaders[id] : undefined;
  if (!load) throw new RangeError(`invalid benchmark: ${id} (known: ${Object.keys(benchmarkLoaders).join(", ")})`);
  return load();
}
