import { describe, expect, it } from "vitest";
import { secondsToTarget } from "./training-table.ts";

describe("secondsToTarget", () => {
  it("is the first evaluation at or above the target, or undefined", () => {
    const tests = [
      { seconds: 1, accuracy: 0.9 },
      { seconds: 2, accuracy: 0.97 },
      { seconds: 3, accuracy: 0.96 },
      { seconds: 4, accuracy: 0.98 },
    ];
    expect(secondsToTarget(tests, 0.97)).toBe(2);
    expect(secondsToTarget(tests, 0.975)).toBe(4);
    expect(secondsToTarget(tests, 0.99)).toBeUndefined();
  });
});
