import { describe, expect, it } from "vitest";
import { PEAK_FMA, PEAK_MULADD } from "../../lab/benchmarks/machine-peak.ts";
import { speedOfLight as sol } from "../../lab/speed-of-light.ts";
import type { ResultV1 } from "../../lab/results.ts";
import {
  attainable,
  bandwidthGbps,
  boundBy,
  intensityRange,
  kernelPoints,
  peakGflops,
  roofLine,
  roofs,
  shareOfRoof,
  type Roof,
} from "./roofline-data.ts";

/** A result with only what the roofline reads filled in meaningfully. */
function result(bench: string, variant: string, threads: number, extra: Partial<ResultV1> = {}): ResultV1 {
  return {
    bench,
    case: "c",
    variant,
    params: {},
    threads,
    samples: [1],
    n: 1,
    median: 1,
    iqr: 0,
    min: 1,
    ci95: [1, 1],
    cv: 0,
    noisy: false,
    correctness: { ok: true, maxError: 0, tolerance: 0 },
    ...extra,
  };
}

const peak = (variant: string, threads: number, gflops: number, ok = true) =>
  result("machine-peak", variant, threads, { gflops, correctness: { ok, maxError: 0, tolerance: 0 } });
/** Working sets of the sweep's smallest case (in cache) and largest (main memory). */
const IN_CACHE = 3 * 32 * 1024;
const MAIN_MEMORY = 3 * 128 * 1024 * 1024;
const triad = (variant: string, threads: number, gbps: number, bytes = MAIN_MEMORY) =>
  result("memory-bandwidth", variant, threads, {
    case: `${bytes}`,
    median: bytes / (gbps * 1e6),
    gbps,
    gflops: gbps / 6,
    intensity: 1 / 6,
  });

const machine: ResultV1[] = [
  peak(PEAK_FMA, 1, 60),
  peak(PEAK_MULADD, 1, 40),
  peak(PEAK_FMA, 2, 118),
  peak(PEAK_MULADD, 2, 80),
  peak(PEAK_FMA, 4, 500, false), // a wrong result is no evidence of a peak
  triad("triad-f32-ref", 1, 8),
  triad("triad-f32-wasmrelaxedsimd", 1, 15),
  triad("triad-f32-wasmrelaxedsimd-threads", 1, 14),
  triad("triad-f32-wasmrelaxedsimd-threads", 2, 20),
  triad("triad-f32-wasmrelaxedsimd", 1, 120, IN_CACHE), // cache bandwidth is a step above the plateau, not the memory roof
];

describe("roofs", () => {
  it("takes the best correct peak and the best main-memory plateau of the triad at each thread count", () => {
    expect(peakGflops(sol, machine, 1)).toBe(60);
    expect(peakGflops(sol, machine, 1, PEAK_MULADD)).toBe(40);
    expect(peakGflops(sol, machine, 4)).toBeUndefined();
    expect(bandwidthGbps(sol, machine, 1)).toBe(15);
    expect(bandwidthGbps(sol, machine, 2)).toBe(20);
    expect(roofs(sol, machine)).toEqual([
      { threads: 1, peakGflops: 60, bandwidthGbps: 15, ridge: 4 },
      { threads: 2, peakGflops: 118, bandwidthGbps: 20, ridge: 5.9 },
    ]);
  });

  it("has no roof at a thread count where either limit is missing", () => {
    expect(roofs(sol, [peak(PEAK_FMA, 1, 60)])).toEqual([]);
    expect(roofs(sol, [triad("triad-f32-wasmrelaxedsimd", 1, 15)])).toEqual([]);
  });
});

describe("attainable, boundBy, shareOfRoof", () => {
  const roof: Roof = { threads: 1, peakGflops: 60, bandwidthGbps: 15, ridge: 4 };
  it("is bandwidth × intensity left of the ridge and the peak right of it", () => {
    expect(attainable(roof, 1 / 6)).toBeCloseTo(2.5, 12);
    expect(attainable(roof, 4)).toBe(60);
    expect(attainable(roof, 100)).toBe(60);
    expect(boundBy(roof, 1)).toBe("memory");
    expect(boundBy(roof, 4)).toBe("compute");
    expect(shareOfRoof({ intensity: 2, gflops: 15 }, roof)).toBe(0.5);
  });
});

describe("kernelPoints", () => {
  it("places every correct result with an intensity, with the roof at its thread count", () => {
    const conv = result("conv2d-im2col", "conv2d-f32-im2col-gemm-wasmrelaxedsimd-threads", 2, { gflops: 50, intensity: 16 });
    const noModel = result("conv2d-im2col", "x", 1, { gflops: 5 });
    const wrong = result("conv2d-im2col", "y", 1, { gflops: 5, intensity: 3, correctness: { ok: false, maxError: 1, tolerance: 0 } });
    const alone = result("conv2d-im2col", "z", 8, { gflops: 5, intensity: 3 });
    const points = kernelPoints(sol, [...machine, conv, noModel, wrong, alone]);
    const byVariant = new Map(points.map((p) => [`${p.variant}@${p.threads}`, p]));
    expect(byVariant.get("conv2d-f32-im2col-gemm-wasmrelaxedsimd-threads@2")).toMatchObject({
      intensity: 16,
      gflops: 50,
      roof: { threads: 2 },
    });
    expect(byVariant.get("z@8")?.roof).toBeUndefined();
    expect(byVariant.has("x@1")).toBe(false);
    expect(byVariant.has("y@1")).toBe(false);
    // The triads themselves are points too (they define the slanted roof); the peaks are not.
    expect(points.filter((p) => p.bench === "memory-bandwidth")).toHaveLength(5);
    expect(points.some((p) => p.bench === "machine-peak")).toBe(false);
  });
});

describe("roofLine and intensityRange", () => {
  const roof: Roof = { threads: 1, peakGflops: 60, bandwidthGbps: 15, ridge: 4 };
  it("runs up the memory roof to the ridge, then along the peak", () => {
    expect(roofLine(roof, 0.1, 100)).toEqual([
      { x: 0.1, y: 1.5 },
      { x: 4, y: 60 },
      { x: 100, y: 60 },
    ]);
  });

  it("clamps a ridge outside the range and rejects an empty or non-positive range", () => {
    expect(roofLine(roof, 10, 100)[1]).toEqual({ x: 10, y: 60 });
    expect(roofLine(roof, 0.1, 1)[1]).toEqual({ x: 1, y: 15 });
    expect(() => roofLine(roof, 0, 10)).toThrow(/invalid x range/);
    expect(() => roofLine(roof, 5, 5)).toThrow(/invalid x range/);
  });

  it("spans every point and ridge with a margin, and has a default when empty", () => {
    const points = kernelPoints(sol, machine);
    expect(intensityRange(points, [roof])).toEqual([1 / 12, 8]);
    expect(intensityRange([], [])).toEqual([0.1, 100]);
  });
});
