import { describe, expect, it } from "vitest";
import type { Claim, ClaimResult } from "./claims.ts";
import { evaluateClaim, judgeWithCapacity, ratioTheCoresAllowed, spansThreadCounts } from "./evaluate-claim.ts";
import type { ResultV1 } from "./results.ts";

const failed: ClaimResult = { id: "gemm/threads-2", status: "fail", ratio: 1.15, firstRatio: 1.2, required: 1.5 };

describe("judgeWithCapacity", () => {
  it("leaves a failed claim failed when the cores could give the speed-up it needs", () => {
    expect(judgeWithCapacity(failed, 1.5)).toEqual({ ...failed, capacity: 1.5 });
    expect(judgeWithCapacity(failed, 1.98)).toEqual({ ...failed, capacity: 1.98 });
  });

  it("reports a failed claim as not judged when even pure arithmetic sped up less than it needs", () => {
    const judged = judgeWithCapacity(failed, 1.23);
    expect(judged).toMatchObject({ status: "unavailable", ratio: 1.15, firstRatio: 1.2, capacity: 1.23, required: 1.5 });
    expect(judged.reason).toContain("only 1.23×");
  });

  it("between two variants, bounds the ratio by the arithmetic's speed-up times the code's own factor", () => {
    // Arithmetic 1.2× on these cores, the faster code 1.1× as fast on one thread: at most 1.32×.
    const judged = judgeWithCapacity(failed, 1.2, 1.1);
    expect(judged).toMatchObject({ status: "unavailable", capacity: 1.2, codeFactor: 1.1 });
    expect(ratioTheCoresAllowed(judged)).toBeCloseTo(1.32, 10);
    expect(judged.reason).toContain("at most 1.32× was possible");
    // The faster code 1.3× as fast: 1.56× was possible, so the failure stands.
    expect(judgeWithCapacity(failed, 1.2, 1.3)).toMatchObject({ status: "fail", capacity: 1.2, codeFactor: 1.3 });
  });

  it("never lets faster-side code that is slower per thread excuse a failure: that is the code's, not the cores'", () => {
    // Full cores (2.1×), the data-parallel code 0.7× as fast as the single-thread one on one thread.
    const judged = judgeWithCapacity(failed, 2.1, 0.7);
    expect(judged).toMatchObject({ status: "fail", capacity: 2.1, codeFactor: 0.7 });
    expect(ratioTheCoresAllowed(judged)).toBe(2.1);
  });

  it("never changes a claim that passed or was not measured", () => {
    const passed: ClaimResult = { ...failed, status: "pass", ratio: 1.6 };
    expect(judgeWithCapacity(passed, 1.1).status).toBe("pass");
    const wrong: ClaimResult = { id: "x", status: "fail", required: 1.5, reason: "a result was not correct" };
    expect(judgeWithCapacity(wrong, 1.1).status).toBe("fail");
  });
});

describe("spansThreadCounts", () => {
  const claim = (faster: Claim["faster"], slower: Claim["slower"]): Claim => ({
    id: "c",
    bench: "b",
    case: "k",
    faster,
    slower,
    atLeast: 1.5,
    because: "",
  });
  it("is more threads on the faster side than on the slower", () => {
    expect(spansThreadCounts(claim({ variant: "v", threads: 2 }, { variant: "v" }))).toBe(true);
    expect(spansThreadCounts(claim({ variant: "v", threads: 4 }, { variant: "v", threads: 2 }))).toBe(true);
    expect(spansThreadCounts(claim({ variant: "v", threads: 2 }, { variant: "w" }))).toBe(true);
    expect(spansThreadCounts(claim({ variant: "v", threads: 2 }, { variant: "w", threads: 2 }))).toBe(false);
    expect(spansThreadCounts(claim({ variant: "v" }, { variant: "w" }))).toBe(false);
  });
});

describe("evaluateClaim", () => {
  const claim: Claim = {
    id: "b/fast",
    bench: "b",
    case: "n",
    faster: { variant: "fast" },
    slower: { variant: "slow" },
    atLeast: 1.5,
    because: "test",
  };
  // The faster side was slowed for most of its samples (a slow period of the host): its median is
  // 1.8 ms, its fastest run 1.0 ms; the slower side ran steadily at 2 ms.
  const side = (variant: string, median: number, min: number) =>
    ({ bench: "b", case: "n", variant, threads: 1, median, min, correctness: { ok: true, maxError: 0, tolerance: 0 } }) as ResultV1;
  const results = [side("slow", 2, 1.9), side("fast", 1.8, 1)];

  it("compares the medians by default", () => {
    expect(evaluateClaim(claim, results)).toEqual({ id: "b/fast", required: 1.5, ratio: 2 / 1.8, status: "fail" });
  });

  it("compares the fastest samples when asked, and says so", () => {
    expect(evaluateClaim(claim, results, "fastest")).toEqual({ id: "b/fast", required: 1.5, ratio: 1.9, status: "pass", by: "fastest" });
  });
});
