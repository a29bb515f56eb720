import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_INTERPRETERS, defaultWorkers } from "./workers-input.ts";

describe("defaultWorkers", () => {
  it("is every hardware thread, capped for memory", () => {
    expect(defaultWorkers(2)).toBe(2);
    expect(defaultWorkers(32)).toBe(DEFAULT_MAX_INTERPRETERS);
    expect(defaultWorkers(0)).toBe(1);
  });
});
