import type { Benchmark } from "./benchmark.ts";
import type { Claim } from "./claims.ts";
import { blurAlgorithms } from "./benchmarks/blur-algorithms.ts";
import { broadcastTemporaries } from "./benchmarks/broadcast-temporaries.ts";
import { conv2dIm2col } from "./benchmarks/conv2d-im2col.ts";
import { convVectorization } from "./benchmarks/conv-vectorization.ts";
import { conv2dLayers } from "./benchmarks/conv2d-layers.ts";
import { conv2dSeparable } from "./benchmarks/conv2d-separable.ts";
import { gemm } from "./benchmarks/gemm.ts";
import { gemmThreads } from "./benchmarks/gemm-threads.ts";
import { gilWorkers } from "./benchmarks/gil-workers.ts";
import { machinePeak } from "./benchmarks/machine-peak.ts";
import { memoryBandwidth } from "./benchmarks/memory-bandwidth.ts";
import { passingData } from "./benchmarks/passing-data.ts";
import { poolMapImages } from "./benchmarks/pool-map-images.ts";
import { sharedHistogram } from "./benchmarks/shared-histogram.ts";
import { medianFilter } from "./benchmarks/median-filter.ts";
import { fusionChain } from "./benchmarks/fusion-chain.ts";
import { gemmInt8 } from "./benchmarks/gemm-int8.ts";
import { gemmDispatch } from "./benchmarks/gemm-dispatch.ts";
import { cnnInference } from "./benchmarks/cnn-inference.ts";
import { cnnTraining } from "./benchmarks/cnn-training.ts";
import { roiBlur } from "./benchmarks/roi-blur.ts";
import { dotPrecision } from "./benchmarks/dot-precision.ts";
import { forkJoin } from "./benchmarks/fork-join.ts";

/** Every benchmark of the site: the page islands, e2e and `npm run bench` all read this list. */
export const benchmarks: readonly Benchmark[] = [
  conv2dIm2col,
  conv2dLayers,
  conv2dSeparable,
  gemm,
  gemmThreads,
  gilWorkers,
  machinePeak,
  memoryBandwidth,
  blurAlgorithms,
  roiBlur,
  convVectorization,
  broadcastTemporaries,
  dotPrecision,
  medianFilter,
  fusionChain,
  gemmInt8,
  gemmDispatch,
  cnnInference,
  cnnTraining,
  poolMapImages,
  passingData,
  sharedHistogram,
  forkJoin,
];

/**
 * The benchmark whose id is `filter`; if none is, every one whose id contains it (all of them for
 * undefined). So `gemm` runs gemm alone and `conv` every convolution, as `python -m everycore`.
 */
export function selectBenchmarks(filter: string | undefined): Benchmark[] {
  const exact = benchmarks.filter((b) => b.id === filter);
  return exact.length > 0 ? exact : benchmarks.filter((b) => filter === undefined || b.id.includes(filter));
}

export function findBenchmark(id: string): Benchmark {
  const b = benchmarks.find((x) => x.id === id);
  if (!b) throw new RangeError(`invalid benchmark: ${id} (known: ${benchmarks.map((x) => x.id).join(", ")})`);
  return b;
}

export function findClaim(id: string): { claim: Claim; bench: Benchmark } {
  for (const bench of benchmarks) {
    const claim = bench.claims.find((c) => c.id === id);
    if (claim) return { claim, bench };
  }
  throw new RangeError(`invalid claim: ${id}`);
}
