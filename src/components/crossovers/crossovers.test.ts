import { describe, expect, it } from "vitest";
import type { ResultV1 } from "../../lab/results.ts";
import { crossover, measuredThresholds, poolCrossovers, sizeRows, thresholdText } from "./crossovers.ts";
import { testResult } from "../../lab/test-result.ts";

function result(size: number, variant: string, median: number, threads = 1, ok = true): ResultV1 {
  const params = { m: size, n: size, k: size };
  return testResult({ bench: "gemm-dispatch", case: `${size}³`, variant, params, threads, median, ok });
}

// ts, simd, threads (at 1 and 2 threads) per size, in ms
const RUN: ResultV1[] = [
  [8, 0.001, 0.002, 0.002, 0.06],
  [16, 0.006, 0.003, 0.003, 0.07],
  [32, 0.05, 0.01, 0.01, 0.08],
  [64, 0.4, 0.03, 0.03, 0.09],
  [128, 3.2, 0.2, 0.2, 0.15],
].flatMap(([size, ts, simd, one, two]) => [
  result(size!, "gemm-f32-ikj-ts", ts!),
  result(size!, "gemm-f32-6x8-packed-wasmrelaxedsimd", simd!),
  result(size!, "gemm-f32-6x8-packed-wasmrelaxedsimd-threads", one!, 1),
  result(size!, "gemm-f32-6x8-packed-wasmrelaxedsimd-threads", two!, 2),
]);

describe("crossovers", () => {
  it("tabulates each size with the threaded backend at its most threads", () => {
    const rows = sizeRows(RUN);
    expect(rows.map((r) => r.label)).toEqual(["8³", "16³", "32³", "64³", "128³"]);
    expect(rows[0]).toMatchObject({ threads: 2, ms: { ts: 0.001, simd: 0.002, threads: 0.06 } });
  });

  it("puts each threshold between the last size lost and the first size won for good", () => {
    const t = measuredThresholds(sizeRows(RUN));
    expect(t.simdFrom).toBe(Math.round(Math.sqrt(8 ** 3 * 16 ** 3)));
    expect(t.threadsFrom).toBe(Math.round(Math.sqrt(64 ** 3 * 128 ** 3)));
  });

  it("ignores an early lucky win that does not last, and says 0 / Infinity at the ends", () => {
    const rows = sizeRows(RUN);
    rows[0]!.ms.threads = 0.0001; // wins at 8³, loses again at 16³
    expect(crossover(rows, "threads", "simd")).toBe(Math.round(Math.sqrt(64 ** 3 * 128 ** 3)));
    expect(crossover(rows, "simd", "threads")).toBe(Infinity);
    expect(crossover(rows.slice(1), "simd", "ts")).toBe(0);
  });

  it("finds a crossover per pool size, Infinity for a pool that never wins", () => {
    // ms of the pool of 4 per size (8³ … 128³): loses to one SIMD thread (0.2 ms at 128³) everywhere
    const four = [0.09, 0.1, 0.11, 0.12, 0.25].map((ms, i) => result(8 * 2 ** i, "gemm-f32-6x8-packed-wasmrelaxedsimd-threads", ms, 4));
    const rows = sizeRows([...RUN, ...four]);
    expect(rows[0]!.pool).toEqual({ 2: 0.06, 4: 0.09 });
    expect(poolCrossovers(rows)).toEqual([
      { threads: 2, from: Math.round(Math.sqrt(64 ** 3 * 128 ** 3)) },
      { threads: 4, from: Infinity },
    ]);
    expect(poolCrossovers(sizeRows(RUN.filter((r) => r.threads === 1)))).toEqual([]);
  });

  it("skips incorrect results", () => {
    const rows = sizeRows([result(8, "gemm-f32-ikj-ts", 1, 1, false), result(8, "gemm-f32-6x8-packed-wasmrelaxedsimd", 2)]);
    expect(rows[0]!.ms).toEqual({ simd: 2 });
  });

  it("writes thresholds as code", () => {
    expect(thresholdText(16 ** 3)).toBe("16 ** 3");
    expect(thresholdText(2048)).toBe("2048");
    expect(thresholdText(Infinity)).toBe("Infinity");
  });
});
