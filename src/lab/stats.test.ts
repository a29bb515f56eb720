import { describe, expect, it } from "vitest";
import { bootstrapMedianCI, isNoisy, quantile, summarize } from "./stats.ts";

describe("stats", () => {
  it("computes quantiles like numpy's linear rule", () => {
    const xs = [1, 2, 3, 4, 10];
    expect(quantile(xs, 0.5)).toBe(3);
    expect(quantile(xs, 0.25)).toBe(2);
    expect(quantile(xs, 0.75)).toBe(4);
    expect(quantile([1, 2], 0.5)).toBe(1.5);
  });

  it("summarizes unsorted samples", () => {
    const s = summarize([4, 1, 3, 2, 10]);
    expect(s).toMatchObject({ n: 5, median: 3, q1: 2, q3: 4, iqr: 2, min: 1, mean: 4 });
    expect(s.cv).toBeCloseTo(Math.sqrt(12.5) / 4, 12);
  });

  it("brackets the median with a deterministic bootstrap interval", () => {
    const samples = Array.from({ length: 41 }, (_, i) => 10 + (i % 7) * 0.1);
    const [lo, hi] = bootstrapMedianCI(samples);
    const med = summarize(samples).median;
    expect(lo).toBeLessThanOrEqual(med);
    expect(hi).toBeGreaterThanOrEqual(med);
    expect(bootstrapMedianCI(samples)).toEqual([lo, hi]);
  });

  it("flags noisy runs by their coefficient of variation", () => {
    expect(isNoisy(summarize([10, 10.1, 9.9, 10]))).toBe(false);
    expect(isNoisy(summarize([10, 20, 5, 12]))).toBe(true);
  });

  it("rejects empty samples", () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });
});
