import { describe, expect, it } from "vitest";
import { SWEEP_BUDGET_BYTES, SWEEP_FACTOR, SWEEP_FROM_BYTES, sweepArrayBytes, sweepLabel } from "./triad-sweep.ts";

const KiB = 1024;
const MiB = 1024 * KiB;

describe("the triad's size sweep", () => {
  it("runs from 3 × 32 KiB by ×4 to the largest that fits in 7/8 of the 1 GiB WebAssembly memory", () => {
    const sizes = sweepArrayBytes(SWEEP_FROM_BYTES, SWEEP_FACTOR, SWEEP_BUDGET_BYTES);
    expect(sizes.map(sweepLabel)).toEqual([
      "3 × 32 KiB",
      "3 × 128 KiB",
      "3 × 512 KiB",
      "3 × 2 MiB",
      "3 × 8 MiB",
      "3 × 32 MiB",
      "3 × 128 MiB",
    ]);
    // the next one, 3 × 512 MiB, is more than the memory's whole 1 GiB
    expect(3 * sizes.at(-1)! * SWEEP_FACTOR).toBeGreaterThan(1024 * MiB);
  });

  it("stops at the budget and names bad arguments", () => {
    expect(sweepArrayBytes(1, 2, 3 * 8)).toEqual([1, 2, 4, 8]);
    expect(() => sweepArrayBytes(0, 2, 10)).toThrow(/invalid from: 0/);
    expect(() => sweepArrayBytes(1, 1, 10)).toThrow(/invalid factor: 1/);
  });
});
