import { describe, expect, it } from "vitest";
import { measure, type TimingPlan } from "./timing.ts";

/** A fake clock advanced by the "kernel" itself, so the test is exact and instant. */
function fakeKernel(costs: (call: number) => number) {
  let t = 0;
  let calls = 0;
  return { now: () => t, run: () => void (t += costs(calls++)), calls: () => calls };
}

const plan: TimingPlan = { minSamples: 5, maxSamples: 8, budgetMs: 1000, warmupMs: 100, minSampleMs: 10 };

describe("measure", () => {
  it("warms up until steady, then batches fast calls into samples of at least minSampleMs", () => {
    // First calls are slow (JIT tiers), then each costs 1 ms.
    const k = fakeKernel((i) => (i < 3 ? 20 - i * 5 : 1));
    const samples = measure(k.run, plan, k.now);
    expect(samples.length).toBeGreaterThanOrEqual(plan.minSamples);
    expect(samples.length).toBeLessThanOrEqual(plan.maxSamples);
    expect(samples.every((s) => s === 1)).toBe(true);
    // 10 calls per sample (10 ms / 1 ms) plus the warm-up calls.
    expect(k.calls()).toBe(5 + samples.length * 10);
  });

  it("takes minSamples even when each call exceeds the budget", () => {
    const k = fakeKernel(() => 400);
    const samples = measure(k.run, plan, k.now);
    expect(samples).toEqual([400, 400, 400, 400, 400]);
  });

  it("stops warming up at warmupMs when timings never settle", () => {
    const k = fakeKernel((i) => (i % 2 ? 3 : 9));
    measure(k.run, { ...plan, minSamples: 1, maxSamples: 1 }, k.now);
    // Warm-up alternates 9, 3, 9, … and must end once 100 ms have passed.
    expect(k.calls()).toBeLessThan(40);
  });
});
