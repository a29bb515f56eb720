import { describe, expect, it } from "vitest";
import { summarizeWarmup } from "./warmup-summary.ts";

describe("summarizeWarmup", () => {
  it("compares the first call with the median of the last half", () => {
    const times = [40, 9, 5, 3, 2, 2, 1, 2, 3, 2];
    const s = summarizeWarmup(times);
    expect(s.firstMs).toBe(40);
    expect(s.steady.n).toBe(5);
    expect(s.steady.median).toBe(2); // of [2, 1, 2, 3, 2]
    expect(s.steady.iqr).toBe(0);
    expect(s.coldFactor).toBe(20);
  });

  it("rejects too few calls and non-durations by name", () => {
    expect(() => summarizeWarmup([1, 2, 3])).toThrow(/invalid times: 3 calls/);
    expect(() => summarizeWarmup([1, 2, Number.NaN, 4])).toThrow(/invalid times: NaN/);
    expect(() => summarizeWarmup([1, 2, -1, 4])).toThrow(/invalid times: -1/);
  });
});
