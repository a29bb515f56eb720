import { describe, expect, it } from "vitest";
import type { ResultV1 } from "../../lab/results.ts";
import { bestPlateau, sweepSeries } from "./sweep-series.ts";

const MiB = 1024 * 1024;

function triad(variant: string, threads: number, bytes: number, gbps: number): ResultV1 {
  const median = bytes / (gbps * 1e6);
  return {
    bench: "memory-bandwidth",
    case: `${bytes}`,
    variant,
    params: {},
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
    correctness: { ok: true, maxError: 0, tolerance: 1 },
  };
}

describe("sweep series", () => {
  // This machine's quick run (2-core EPYC, 32 MiB L3), rounded: SIMD on one thread, the pool on two
  const run = [
    ...[102, 76, 84, 84, 52, 13.7, 15.2].map((g, i) => triad("simd", 1, 0.09375 * MiB * 4 ** i, g)),
    ...[72, 48, 12.9, 13.3].map((g, i) => triad("threads", 2, 6 * MiB * 4 ** i, g)),
  ];

  it("has a curve per variant and thread count, each with its plateau past the last step", () => {
    const series = sweepSeries(run, "memory-bandwidth");
    expect(series.map((s) => [s.variant, s.threads, s.plateau.steps])).toEqual([
      ["simd", 1, 3],
      ["threads", 2, 2],
    ]);
    expect(series[0]!.plateau.gbps).toBeCloseTo(14.45, 10);
    expect(series[1]!.plateau.gbps).toBeCloseTo(13.1, 10);
  });

  it("calls the highest plateau over the thread counts the machine's", () => {
    expect(bestPlateau(run, "memory-bandwidth")).toEqual({ gbps: expect.closeTo(14.45, 10), threads: 1 });
    expect(bestPlateau([], "memory-bandwidth")).toBeUndefined();
  });
});
