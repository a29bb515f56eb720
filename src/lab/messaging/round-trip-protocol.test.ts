import { describe, expect, it } from "vitest";
import { sampledSum } from "./round-trip-protocol.ts";

describe("sampledSum", () => {
  it("adds one float per 4 KiB page, from the first, in order", () => {
    const data = new Float32Array(3 * 1024 + 1);
    data.fill(100);
    for (const i of [0, 1024, 2048, 3072]) data[i] = i;
    expect(sampledSum(data)).toBe(0 + 1024 + 2048 + 3072);
    expect(sampledSum(new Float32Array(0))).toBe(0);
    expect(sampledSum(Float32Array.of(0.5))).toBe(0.5);
  });
});
