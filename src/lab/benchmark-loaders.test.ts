import { describe, expect, it } from "vitest";
import { benchmarkLoaders, loadBenchmark } from "./benchmark-loaders.ts";
import { benchmarks } from "./registry.ts";

describe("benchmarkLoaders (what the runner worker loads)", () => {
  it("loads exactly the registry's benchmarks, in its order, each under its own id", async () => {
    expect(Object.keys(benchmarkLoaders)).toEqual(benchmarks.map((b) => b.id));
    for (const bench of benchmarks) expect(await loadBenchmark(bench.id)).toBe(bench);
  });

  it("names the known ids for an unknown one", () => {
    expect(() => loadBenchmark("gem")).toThrow(/invalid benchmark: gem \(known: .*gemm/);
    expect(() => loadBenchmark("toString")).toThrow(RangeError);
  });
});
