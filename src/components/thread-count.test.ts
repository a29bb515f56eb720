import { describe, expect, it } from "vitest";
import { MAX_RUN_THREADS } from "../lab/run-threads.ts";
import { parseThreadCount } from "./thread-count.ts";

describe("parseThreadCount", () => {
  it("accepts 1 … MAX_RUN_THREADS, past any core count a browser reports", () => {
    expect(parseThreadCount("1", "Workers")).toBe(1);
    expect(parseThreadCount(" 4 ", "Workers")).toBe(4);
    expect(parseThreadCount("64", "Threads")).toBe(64);
    expect(parseThreadCount(String(MAX_RUN_THREADS), "Threads")).toBe(MAX_RUN_THREADS);
  });

  it.each(["", "0", "257", "2.5", "-1", "two"])("rejects %j, naming the field and the bound", (value) => {
    expect(() => parseThreadCount(value, "Workers")).toThrow(
      `Workers must be a whole number from 1 to ${MAX_RUN_THREADS} (the most threads a run may use); got "${value}".`,
    );
  });

  it("keeps a field's own minimum", () => {
    expect(parseThreadCount("2", "Workers", 2)).toBe(2);
    expect(() => parseThreadCount("1", "Workers", 2)).toThrow(`Workers must be a whole number from 2 to ${MAX_RUN_THREADS}`);
  });
});
