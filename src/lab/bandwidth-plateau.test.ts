import { describe, expect, it } from "vitest";
import { bandwidthPlateau, cacheSteps, type SweepPoint } from "./bandwidth-plateau.ts";

const KiB = 1024;
const MiB = 1024 * KiB;
/** A synthetic sweep: ×4 sizes from 96 KiB, GB/s per size. */
const sweep = (gbps: readonly number[]): SweepPoint[] => gbps.map((g, i) => ({ bytes: 96 * KiB * 4 ** i, gbps: g }));

describe("the bandwidth plateau", () => {
  it("finds L2 → L3 → DRAM as steps and takes the median past the last one", () => {
    // 96 KiB, 384 KiB in L2; 1.5, 6 MiB in L3; 24, 96, 384 MiB in DRAM
    const points = sweep([120, 118, 60, 55, 14, 12, 13]);
    expect(cacheSteps(points)).toEqual([2, 4]);
    const p = bandwidthPlateau(points)!;
    expect(p.gbps).toBe(13);
    expect(p.steps).toBe(2);
    expect(p.points.map((x) => x.bytes)).toEqual([24 * MiB, 96 * MiB, 384 * MiB]);
  });

  it("does not count noise under a quarter as a step, and reads sizes in any order", () => {
    const points = sweep([100, 90, 40, 36, 30, 33]).reverse();
    expect(cacheSteps(points)).toEqual([2]);
    expect(bandwidthPlateau(points)!.gbps).toBe(34.5); // median of 40, 36, 30, 33
  });

  it("moves with a large L3: on a part whose cache holds 96 MiB, only the last size is memory", () => {
    const p = bandwidthPlateau(sweep([120, 118, 60, 58, 57, 55, 15]))!;
    expect(p.gbps).toBe(15);
    expect(p.points).toHaveLength(1);
  });

  it("says when the sweep never stepped, and is undefined without points", () => {
    expect(bandwidthPlateau(sweep([20, 21, 19]))).toMatchObject({ gbps: 20, steps: 0 });
    expect(bandwidthPlateau([])).toBeUndefined();
    expect(bandwidthPlateau([{ bytes: 1, gbps: Number.NaN }])).toBeUndefined();
  });
});
