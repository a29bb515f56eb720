import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_INTERPRETERS, defaultWorkers, parseWorkers } from "./workers-input.ts";

describe("defaultWorkers", () => {
  it("is every hardware thread, capped for memory", () => {
    expect(defaultWorkers(2)).toBe(2);
    expect(defaultWorkers(32)).toBe(DEFAULT_MAX_INTERPRETERS);
    expect(defaultWorkers(0)).toBe(1);
  });
});

describe("parseWorkers", () => {
  it("accepts 1 … hardware threads, above the default cap too", () => {
    expect(parseWorkers("1", 4)).toBe(1);
    expect(parseWorkers(" 4 ", 4)).toBe(4);
    expect(parseWorkers("12", 32)).toBe(12);
  });

  it.each(["", "0", "5", "2.5", "-1", "two"])("rejects %j on 4 threads, naming the range", (value) => {
    expect(() => parseWorkers(value, 4)).toThrow(
      `Workers must be a whole number from 1 to 4 (this machine's hardware threads); got "${value}".`,
    );
  });

  it("names the field it reads", () => {
    expect(() => parseWorkers("9", 8, "Threads")).toThrow(
      'Threads must be a whole number from 1 to 8 (this machine\'s hardware threads); got "9".',
    );
  });
});
