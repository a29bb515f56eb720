import { describe, expect, it } from "vitest";
import { benchmarks, findBenchmark, findClaim, selectBenchmarks } from "./registry.ts";

describe("selectBenchmarks (npm run bench -- --filter)", () => {
  it("takes an exact id alone, so the gemm chapter's command runs gemm only", () => {
    expect(selectBenchmarks("gemm").map((b) => b.id)).toEqual(["gemm"]);
  });

  it("otherwise takes every benchmark whose id contains the text, and all for none", () => {
    const gemms = selectBenchmarks("gemm-").map((b) => b.id);
    expect(gemms.length).toBeGreaterThanOrEqual(2);
    expect(gemms).toEqual(benchmarks.filter((b) => b.id.includes("gemm-")).map((b) => b.id));
    expect(selectBenchmarks(undefined)).toEqual(benchmarks);
    expect(selectBenchmarks("no-such")).toEqual([]);
  });
});

describe("the registry", () => {
  it("has unique ids and finds benchmarks and claims by id, naming what it knows otherwise", () => {
    expect(new Set(benchmarks.map((b) => b.id)).size).toBe(benchmarks.length);
    expect(findBenchmark("gemm").id).toBe("gemm");
    expect(() => findBenchmark("gem")).toThrow(/invalid benchmark: gem \(known: .*gemm/);
    expect(findClaim("gemm/threads-2").bench.id).toBe("gemm");
    expect(() => findClaim("gemm/none")).toThrow(RangeError);
  });
});
