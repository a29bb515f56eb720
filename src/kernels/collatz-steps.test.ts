import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collatzSteps, wholeRange, type Slice } from "./collatz-steps.ts";

const PYTHON_PACKAGE = fileURLToPath(new URL("../../python/", import.meta.url));

/** gil.collatz_steps from the Python companion, run by CPython, as Pyodide runs it in the browser. */
function pythonCollatzSteps(ranges: readonly (readonly [number, number])[]): number[] {
  const calls = ranges.map(([start, stop]) => `collatz_steps(${start}, ${stop})`).join(", ");
  const script = `from everycore.gil import collatz_steps; print(${calls})`;
  return execFileSync("python3", ["-c", script], { cwd: PYTHON_PACKAGE, encoding: "utf8" }).trim().split(" ").map(Number);
}

describe("collatzSteps", () => {
  it("counts known trajectories", () => {
    expect(collatzSteps({ start: 1, stop: 2, step: 1 })).toBe(0);
    expect(collatzSteps({ start: 27, stop: 28, step: 1 })).toBe(111);
    // 0+1+7+2+5+8+16+3+19 for n = 1…9
    expect(collatzSteps(wholeRange(10))).toBe(61);
  });

  it("rejects a start below 1 (0 never reaches 1) and a step below 1", () => {
    expect(() => collatzSteps({ start: 0, stop: 5, step: 1 })).toThrow(/start must be a whole number ≥ 1, got 0/);
    expect(() => collatzSteps({ start: 1, stop: 5, step: 0 })).toThrow(/step must be/);
  });

  it("agrees exactly with the Python companion's loop, which the browser race runs", () => {
    const ranges = [
      [1, 5_001],
      [1, 1_667],
      [1_667, 3_334],
      [3_334, 5_001],
    ] as const;
    const js = ranges.map(([start, stop]): number => collatzSteps({ start, stop, step: 1 } satisfies Slice));
    expect(pythonCollatzSteps(ranges)).toEqual(js);
  });
});
