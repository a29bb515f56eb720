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

/** Every benchmark of the site: the page islands, e2e and `npm run bench` all read this list. */
export const benchmarks: readonly Benchmark[] = [conv2dIm2col, conv2dLayers, conv2dSeparable, gemm, gemmThreads, gilWorkers, machinePeak, memoryBandwidth, blurAlgorithms, convVectorization, broadcastTemporaries];

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
