import { describe, expect, it } from "vitest";
import { splitRows } from "./pool-control.ts";

describe("splitRows", () => {
  it.each([
    [3136, 2, 4],
    [3136, 3, 4],
    [7, 4, 4],
    [1, 8, 1],
    [1023, 32, 8],
    [4, 1, 4],
  ])("covers %i rows exactly once over %i parts aligned to %i", (rows, parts, align) => {
    const seen = new Uint8Array(rows);
    let previousEnd = 0;
    for (let p = 0; p < parts; p++) {
      const [start, end] = splitRows(rows, p, parts, align);
      expect(start).toBe(previousEnd);
      expect(end).toBeGreaterThanOrEqual(start);
      if (end < rows) expect(end % align).toBe(0);
      for (let r = start; r < end; r++) seen[r]!++;
      previousEnd = end;
    }
    expect(previousEnd).toBe(rows);
    expect(seen.every((x) => x === 1)).toBe(true);
  });

  it("balances the work within one aligned block", () => {
    const sizes = Array.from({ length: 3 }, (_, p) => {
      const [s, e] = splitRows(3136, p, 3, 4);
      return e - s;
    });
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(4);
  });
});
