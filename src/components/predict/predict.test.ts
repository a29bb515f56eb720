import { describe, expect, it } from "vitest";
import { compareGuess, parseGuess, storageKey } from "./predict.ts";

describe("parseGuess", () => {
  it.each([
    ["3", 3],
    [" 2.5 ", 2.5],
    ["0.8", 0.8],
    ["1e1", 10],
  ])("reads %j as %d", (text, value) => {
    expect(parseGuess(text)).toBe(value);
  });

  it.each(["", "  ", "0", "-2", "abc", "Infinity", "NaN"])("rejects %j", (text) => {
    expect(parseGuess(text)).toBeUndefined();
  });
});

describe("compareGuess", () => {
  it("calls a guess within a factor of 1.25 either way close", () => {
    expect(compareGuess(4, { ratio: 4 })).toEqual({ verdict: "close", text: "You guessed 4.0×; your machine measured 4.0×: close." });
    expect(compareGuess(5, { ratio: 4 }).verdict).toBe("close");
    expect(compareGuess(3.2, { ratio: 4 }).verdict).toBe("close");
  });

  it("says by what factor a guess was too high or too low", () => {
    expect(compareGuess(8, { ratio: 2 })).toEqual({
      verdict: "high",
      text: "You guessed 8.0×; your machine measured 2.0×: your guess was 4.0× too high.",
    });
    expect(compareGuess(2, { ratio: 30 })).toEqual({
      verdict: "low",
      text: "You guessed 2.0×; your machine measured 30×: your guess was 15× too low.",
    });
  });

  it("shows the measurement without a guess, and the reason when nothing was measured", () => {
    expect(compareGuess(undefined, { ratio: 1.5 })).toEqual({ verdict: "none", text: "No guess entered; your machine measured 1.5×." });
    expect(compareGuess(3, { reason: "fewer than 2 threads available" })).toEqual({
      verdict: "unmeasured",
      text: "Not measured on this machine: fewer than 2 threads available.",
    });
  });
});

describe("storageKey", () => {
  it("is one key per claim, under the site's prefix", () => {
    expect(storageKey("gemm/threads-2")).toBe("every-core:predict:gemm/threads-2");
  });
});
