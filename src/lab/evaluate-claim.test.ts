import { describe, expect, it } from "vitest";
import type { Claim, ClaimResult } from "./claims.ts";
import { isThreadScaling, judgeWithCapacity } from "./evaluate-claim.ts";

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

  it("never changes a claim that passed or was not measured", () => {
    const passed: ClaimResult = { ...failed, status: "pass", ratio: 1.6 };
    expect(judgeWithCapacity(passed, 1.1).status).toBe("pass");
    const wrong: ClaimResult = { id: "x", status: "fail", required: 1.5, reason: "a result was not correct" };
    expect(judgeWithCapacity(wrong, 1.1).status).toBe("fail");
  });
});

describe("isThreadScaling", () => {
  const claim = (faster: Claim["faster"], slower: Claim["slower"]): Claim => ({
    id: "c",
    bench: "b",
    case: "k",
    faster,
    slower,
    atLeast: 1.5,
    because: "",
  });
  it("is one variant against itself at fewer threads", () => {
    expect(isThreadScaling(claim({ variant: "v", threads: 2 }, { variant: "v" }))).toBe(true);
    expect(isThreadScaling(claim({ variant: "v", threads: 4 }, { variant: "v", threads: 2 }))).toBe(true);
    expect(isThreadScaling(claim({ variant: "v", threads: 2 }, { variant: "w" }))).toBe(false);
    expect(isThreadScaling(claim({ variant: "v" }, { variant: "w" }))).toBe(false);
  });
});
