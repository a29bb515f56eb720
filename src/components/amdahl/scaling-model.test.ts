import { describe, expect, it } from "vitest";
import { bandwidthFloorMs, fitScalingModel, predictScaling } from "./scaling-model.ts";

const THREADS = [4, 8, 16, 32];

describe("the scaling model", () => {
  it("is Amdahl's curve when no ceiling binds: s = 0.1 from 10 ms on one thread", () => {
    const p = predictScaling({ oneThreadMs: 10, serialFraction: 0.1 }, THREADS);
    expect(p.map((x) => x.bound)).toEqual(["amdahl", "amdahl", "amdahl", "amdahl"]);
    // 1 / (0.1 + 0.9 / n)
    expect(p.map((x) => x.speedup)).toEqual([1 / 0.325, 1 / 0.2125, 1 / 0.15625, 1 / 0.128125].map((x) => expect.closeTo(x, 12)));
    expect(p[3]!.ms).toBeCloseTo(1.28125, 12);
  });

  it("flattens at the bandwidth floor once Amdahl's time falls below it", () => {
    // 100 MB per call at 20 GB/s: 5 ms; a perfectly parallel 40 ms job would reach it at 8 threads
    const floorMs = bandwidthFloorMs(100e6, 20);
    expect(floorMs).toBe(5);
    const p = predictScaling({ oneThreadMs: 40, serialFraction: 0, floorMs }, THREADS);
    expect(p.map((x) => [x.threads, x.ms, x.bound])).toEqual([
      [4, 10, "amdahl"],
      [8, 5, "amdahl"],
      [16, 5, "bandwidth"],
      [32, 5, "bandwidth"],
    ]);
    expect(p[3]!.speedup).toBe(8);
  });

  it("fits s from the 1- and 2-thread times and keeps the ceiling only where it holds", () => {
    // 10 ms → 5.5 ms on two threads: s = 2 / 1.818… − 1 = 0.1
    expect(fitScalingModel(10, 5.5, undefined, 20)).toEqual({
      model: { oneThreadMs: 10, serialFraction: expect.closeTo(0.1, 12) },
      noCeiling: "no-byte-model",
    });
    expect(fitScalingModel(10, 5.5, 40e6, undefined).noCeiling).toBe("no-bandwidth");
    expect(fitScalingModel(10, 5.5, 40e6, 20)).toEqual({ model: { oneThreadMs: 10, serialFraction: expect.closeTo(0.1, 12), floorMs: 2 } });
    // 400 MB at 20 GB/s would take 20 ms, yet a call took 10: it ran from cache, not memory
    expect(fitScalingModel(10, 5.5, 400e6, 20).noCeiling).toBe("in-cache");
  });

  it("names bad arguments", () => {
    expect(() => bandwidthFloorMs(1, 0)).toThrow(/invalid gbps: 0/);
    expect(() => predictScaling({ oneThreadMs: 0, serialFraction: 0 }, [2])).toThrow(/invalid oneThreadMs: 0/);
  });
});
