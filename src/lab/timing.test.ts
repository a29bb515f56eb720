import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, measure, measureSteady, type TimingPlan } from "./timing.ts";

/** A fake clock advanced by the "kernel" itself, so the test is exact and instant. */
function fakeKernel(costs: (call: number) => number) {
  let t = 0;
  let calls = 0;
  return { now: () => t, run: () => void (t += costs(calls++)), calls: () => calls };
}

const plan: TimingPlan = { minSamples: 5, maxSamples: 8, budgetMs: 1000, warmupMs: 100, minSampleMs: 10 };

describe("measure", async () => {
  it("warms up until steady, then batches fast calls into samples of at least minSampleMs", async () => {
    // First calls are slow (JIT tiers), then each costs 1 ms.
    const k = fakeKernel((i) => (i < 3 ? 20 - i * 5 : 1));
    const samples = await measure(k.run, plan, k.now);
    expect(samples.length).toBeGreaterThanOrEqual(plan.minSamples);
    expect(samples.length).toBeLessThanOrEqual(plan.maxSamples);
    expect(samples.every((s) => s === 1)).toBe(true);
    // 10 calls per sample (10 ms / 1 ms) plus the warm-up calls.
    expect(k.calls()).toBe(5 + samples.length * 10);
  });

  it("takes minSamples even when each call exceeds the budget", async () => {
    const k = fakeKernel(() => 400);
    const samples = await measure(k.run, plan, k.now);
    expect(samples).toEqual([400, 400, 400, 400, 400]);
  });

  it("awaits a call that returns a promise, counting the time until it settles", async () => {
    let t = 0;
    let settled = 0;
    const run = () =>
      new Promise<void>((resolve) => {
        // The clock advances only once the promise settles: a time without the await would be 0.
        queueMicrotask(() => {
          t += 4;
          settled++;
          resolve();
        });
      });
    const samples = await measure(run, { ...plan, minSamples: 3, maxSamples: 3 }, () => t);
    expect(samples).toEqual([4, 4, 4]);
    expect(settled).toBe(2 + 3 * 3); // two warm-up calls, then 3 calls per 10 ms sample
  });

  it("stops warming up at warmupMs when timings never settle", async () => {
    const k = fakeKernel((i) => (i % 2 ? 3 : 9));
    await measure(k.run, { ...plan, minSamples: 1, maxSamples: 1 }, k.now);
    // Warm-up alternates 9, 3, 9, … and must end once 100 ms have passed.
    expect(k.calls()).toBeLessThan(40);
  });
});

describe("measureSteady", async () => {
  const steadyPlan: TimingPlan = { ...plan, minSamples: 8, maxSamples: 8, minSampleMs: 1 };

  it("keeps a steady first measurement without timing again", async () => {
    const k = fakeKernel(() => 2);
    expect(await measureSteady(k.run, steadyPlan, k.now)).toEqual(Array(8).fill(2));
    expect(k.calls()).toBe(2 + 8); // two warm-up calls (the second is steady), then the samples
  });

  it("times again after a hiccup and keeps the steady attempt", async () => {
    // Warm-up is calls 0–1; the first attempt's samples (calls 2–9) alternate 2 ms and 6 ms, as if
    // another process took the core half the time; the second attempt (calls 10–19) is steady.
    const k = fakeKernel((i) => (i >= 2 && i < 10 && i % 2 ? 6 : 2));
    const samples = await measureSteady(k.run, steadyPlan, k.now);
    expect(samples).toEqual(Array(8).fill(2));
    expect(k.calls()).toBe(20);
  });

  it("gives up after MAX_ATTEMPTS on a kernel that is erratic by nature, keeping the least spread", async () => {
    const k = fakeKernel((i) => (i % 2 ? 6 : 2));
    const samples = await measureSteady(k.run, steadyPlan, k.now);
    expect(samples).toHaveLength(8);
    expect(new Set(samples)).toEqual(new Set([2, 6]));
    expect(k.calls()).toBeLessThanOrEqual(MAX_ATTEMPTS * (8 + 100));
  });
});
