import { describe, expect, it } from "vitest";
import { ERROR_DEPTHS, quantizationErrorRows } from "./quant-error-rows.ts";

describe("quantizationErrorRows", () => {
  const rows = quantizationErrorRows(7);

  it("measures every depth, each error within its bound and far below it", () => {
    expect(rows.map((r) => r.k)).toEqual([...ERROR_DEPTHS]);
    for (const r of rows) {
      expect(r.maxAbs).toBeGreaterThan(0);
      expect(r.maxAbs).toBeLessThan(r.bound / 4);
      expect(r.meanRelative).toBeGreaterThan(0);
      expect(r.meanRelative).toBeLessThan(0.02);
    }
  });

  it("shows the relative error shrinking slowly with depth: independent rounding errors partly cancel", () => {
    // The sum grows like √k (random signs), its error too: their ratio stays roughly flat, never growing like k.
    const [first, , last] = rows;
    expect(last!.meanRelative).toBeLessThan(2 * first!.meanRelative);
  });
});
