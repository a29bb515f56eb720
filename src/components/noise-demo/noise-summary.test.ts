import { describe, expect, it } from "vitest";
import { NOISY_CV } from "../../lab/stats.ts";
import { summarizePhase } from "./noise-summary.ts";

describe("summarizePhase", () => {
  it("keeps the median where the mean follows one interruption, and flags the spread", () => {
    const quiet = summarizePhase("quiet", 0, [1, 1, 1, 1, 1.02, 0.98, 1, 1]);
    expect(quiet.stats.median).toBe(1);
    expect(quiet.noisy).toBe(false);
    // One call preempted for a 16 ms time slice: the mean moves by 2 ms, the median not at all.
    const loaded = summarizePhase("with load", 2, [1, 1, 1, 1, 1.02, 0.98, 1, 17]);
    expect(loaded.stats.median).toBe(1);
    expect(loaded.stats.mean).toBeCloseTo(3, 12);
    expect(loaded.stats.min).toBe(0.98);
    expect(loaded.stats.cv).toBeGreaterThan(NOISY_CV);
    expect(loaded.noisy).toBe(true);
    expect(loaded.load).toBe(2);
  });

  it("names bad samples", () => {
    expect(() => summarizePhase("quiet", 0, [1])).toThrow("invalid samples: 1 (expected at least 2)");
    expect(() => summarizePhase("quiet", 0, [1, Number.POSITIVE_INFINITY])).toThrow("invalid samples: Infinity is not a duration");
  });
});
