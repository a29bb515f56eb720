import { describe, expect, it } from "vitest";
import { MAX_SPIN_LOADS, SpinBudget, awaitChange } from "./pool-wait.ts";

describe("SpinBudget", () => {
  it("halves after a spin that had to sleep, down to a floor, and doubles back after ones that saw the change", () => {
    const budget = new SpinBudget();
    expect(budget.loads).toBe(MAX_SPIN_LOADS);
    for (let i = 0; i < 40; i++) budget.spun(false);
    const floor = budget.loads;
    expect(floor).toBeGreaterThan(0);
    expect(floor).toBeLessThan(MAX_SPIN_LOADS / 100);
    budget.spun(true);
    expect(budget.loads).toBe(2 * floor);
    for (let i = 0; i < 40; i++) budget.spun(true);
    expect(budget.loads).toBe(MAX_SPIN_LOADS);
  });
});

describe("awaitChange", () => {
  it("returns the new value at once when it has already changed, spinning or not, and counts that spin as seen", () => {
    const slots = new Int32Array(new SharedArrayBuffer(8));
    slots[1] = 7;
    const budget = new SpinBudget();
    budget.spun(false);
    const before = budget.loads;
    expect(awaitChange(slots, 1, 0, true, budget)).toBe(7);
    expect(budget.loads).toBe(2 * before);
    expect(awaitChange(slots, 1, 0, false, budget)).toBe(7);
  });

  it("after a spin that saw nothing, sleeps in slices and lets `check` give up", () => {
    const slots = new Int32Array(new SharedArrayBuffer(8));
    const budget = new SpinBudget();
    let checks = 0;
    const giveUp = () => {
      if (++checks === 3) throw new Error("gave up");
    };
    expect(() => awaitChange(slots, 0, 0, true, budget, 1, giveUp)).toThrow("gave up");
    expect(checks).toBe(3);
    expect(budget.loads).toBe(MAX_SPIN_LOADS / 2);
  });
});
