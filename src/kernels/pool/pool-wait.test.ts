import { describe, expect, it } from "vitest";
import { MAX_SPIN_US, MIN_SPIN_US, SpinBudget, awaitChange, awaitChangeWithin } from "./pool-wait.ts";

describe("SpinBudget", () => {
  it("spins twice a short wait, halves after a long one, within its bounds", () => {
    const budget = new SpinBudget();
    expect(budget.us).toBe(MAX_SPIN_US);
    budget.waited(3);
    expect(budget.us).toBe(6);
    budget.waited(0);
    expect(budget.us).toBe(MIN_SPIN_US);
    budget.waited(MAX_SPIN_US);
    expect(budget.us).toBe(MAX_SPIN_US);
    for (let i = 0; i < 40; i++) budget.waited(10_000);
    expect(budget.us).toBe(MIN_SPIN_US);
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
    let checks = 0;
    const giveUp = () => {
      if (++checks === 3) throw new Error("gave up");
    };
    expect(() => awaitChange(slots, 0, 0, true, new SpinBudget(), 1, giveUp)).toThrow("gave up");
    expect(checks).toBe(3);
  });

  it("within a time limit, returns undefined when nothing changed", () => {
    const slots = new Int32Array(new SharedArrayBuffer(8));
    expect(awaitChangeWithin(slots, 0, 0, true, new SpinBudget(), 1)).toBeUndefined();
    slots[0] = 2;
    expect(awaitChangeWithin(slots, 0, 0, true, new SpinBudget(), 1)).toBe(2);
  });
});
