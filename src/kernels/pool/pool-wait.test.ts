import { describe, expect, it } from "vitest";
import { MAX_SPIN_LOADS, SpinBudget, awaitChange } from "./pool-wait.ts";

describe("SpinBudget", () => {
  it("halves after a spin that had to sleep, down to a floor, and becomes twice what a spin that saw the change needed", () => {
    const budget = new SpinBudget();
    expect(budget.loads).toBe(MAX_SPIN_LOADS);
    for (let i = 0; i < 40; i++) budget.spun(undefined);
    const floor = budget.loads;
    expect(floor).toBeGreaterThan(0);
    expect(floor).toBeLessThan(MAX_SPIN_LOADS / 100);
    budget.spun(0);
    expect(budget.loads).toBe(floor);
    budget.spun(1000);
    expect(budget.loads).toBe(2000);
    budget.spun(MAX_SPIN_LOADS);
    expect(budget.loads).toBe(MAX_SPIN_LOADS);
  });
});

describe("awaitChange", () => {
  it("returns the new value at once when it has already changed, spinning or not", () => {
    const slots = new Int32Array(new SharedArrayBuffer(8));
    slots[1] = 7;
    const budget = new SpinBudget();
    expect(awaitChange(slots, 1, 0, true, budget)).toBe(7);
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
