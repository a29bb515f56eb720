import { describe, expect, it } from "vitest";
import { collatzStepsRange, collatzStepsTask, runInterleaved } from "./collatz-steps-tasks.ts";

describe("collatzStepsRange", () => {
  it("agrees with python/everycore/gil.py on the GIL page's range", () => {
    // The total `python -m everycore.gil` prints for [1, 300000).
    expect(collatzStepsRange(1, 300_000)).toBe(35_669_673);
  });
});

describe("runInterleaved", () => {
  it("gives each task's total, whatever the chunk and however the tasks interleave", () => {
    const tasks = [
      collatzStepsTask(1, 1000, 7),
      collatzStepsTask(1000, 1013, 100),
      collatzStepsTask(1013, 2001, 1),
      collatzStepsTask(5, 5, 3),
    ];
    expect(runInterleaved(tasks)).toEqual([collatzStepsRange(1, 1000), collatzStepsRange(1000, 1013), collatzStepsRange(1013, 2001), 0]);
    expect(runInterleaved([])).toEqual([]);
  });

  it("rejects a bad chunk by name", () => {
    expect(() => collatzStepsTask(1, 10, 0).next()).toThrow(/invalid chunk/);
  });
});
