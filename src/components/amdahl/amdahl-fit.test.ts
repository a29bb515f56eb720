import { describe, expect, it } from "vitest";
import { amdahlSpeedup, fitSerialFraction } from "./amdahl-fit.ts";

describe("Amdahl's law", () => {
  it("gives n for a fully parallel job, 1 for a serial one, and approaches 1/s", () => {
    expect(amdahlSpeedup(0, 8)).toBe(8);
    expect(amdahlSpeedup(1, 8)).toBe(1);
    expect(amdahlSpeedup(0.1, 1)).toBe(1);
    expect(amdahlSpeedup(0.05, 32)).toBeCloseTo(1 / (0.05 + 0.95 / 32), 12);
    expect(amdahlSpeedup(0.05, 1e9)).toBeCloseTo(20, 6);
  });

  it("recovers the serial fraction from speedups the law generated", () => {
    for (const s of [0, 0.02, 0.3, 1]) {
      const points = [1, 2, 4, 8].map((threads) => ({ threads, speedup: amdahlSpeedup(s, threads) }));
      expect(fitSerialFraction(points)).toBeCloseTo(s, 12);
    }
  });

  it("fits noisy points in between, clamps impossible ones, and needs more than one thread", () => {
    const s = fitSerialFraction([
      { threads: 2, speedup: 1.8 },
      { threads: 4, speedup: 2.9 },
    ])!;
    expect(s).toBeGreaterThan(0.1);
    expect(s).toBeLessThan(0.13);
    expect(fitSerialFraction([{ threads: 2, speedup: 2.1 }])).toBe(0); // faster than perfect: noise
    expect(fitSerialFraction([{ threads: 2, speedup: 0.7 }])).toBe(1); // slower than serial
    expect(fitSerialFraction([{ threads: 1, speedup: 1 }])).toBeUndefined();
  });

  it("names bad arguments", () => {
    expect(() => amdahlSpeedup(1.5, 2)).toThrow(/invalid serialFraction: 1.5/);
    expect(() => amdahlSpeedup(0.5, 0)).toThrow(/invalid threads: 0/);
  });
});
