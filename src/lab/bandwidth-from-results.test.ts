import { describe, expect, it } from "vitest";
import { mainMemoryPlateau, sweepOf } from "./bandwidth-from-results.ts";
import type { ResultV1 } from "./results.ts";

const MiB = 1024 * 1024;

function triad(variant: string, threads: number, bytes: number, gbps: number, ok = true): ResultV1 {
  const median = bytes / (gbps * 1e6);
  return {
    bench: "memory-bandwidth",
    case: `${bytes}`,
    variant,
    params: { elements: bytes / 12 },
    threads,
    samples: [median],
    n: 1,
    median,
    iqr: 0,
    min: median,
    ci95: [median, median],
    cv: 0,
    noisy: false,
    gbps,
    correctness: { ok, maxError: 0, tolerance: 1 },
  };
}

// SIMD: 100 GB/s in cache, 40 in L3, 12 in memory; the plain loop: 8 GB/s everywhere; 2 threads: 20 in memory
const RUN = [
  ...[100, 40, 12, 11, 13].map((g, i) => triad("simd", 1, 3 * MiB * 4 ** i, g)),
  ...[8, 8, 8, 8, 8].map((g, i) => triad("ref", 1, 3 * MiB * 4 ** i, g)),
  ...[50, 20, 21].map((g, i) => triad("threads", 2, 48 * MiB * 4 ** i, g)),
  triad("simd", 1, 3 * MiB, 999, false),
];

describe("main memory from a results document", () => {
  it("reads a variant's sweep from GB/s and medians, leaving out incorrect runs", () => {
    const points = sweepOf(RUN, "memory-bandwidth", "simd", 1);
    expect(points).toHaveLength(5);
    expect(points[0]!.bytes).toBeCloseTo(3 * MiB, 3);
  });

  it("takes the highest plateau among the variants at that thread count", () => {
    expect(mainMemoryPlateau(RUN, "memory-bandwidth", 1)).toMatchObject({ variant: "simd", gbps: 12, steps: 2 });
    expect(mainMemoryPlateau(RUN, "memory-bandwidth", 2)).toMatchObject({ variant: "threads", gbps: 20.5 });
    expect(mainMemoryPlateau(RUN, "memory-bandwidth", 4)).toBeUndefined();
  });
});
