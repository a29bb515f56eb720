import { describe, expect, it } from "vitest";
import { benchmarkIds, loadBenchmark } from "./benchmark-loaders.ts";
import { benchmarks } from "./registry.ts";

describe("loadBenchmark (what the runner worker loads)", () => {
  it("finds exactly the registry's benchmarks, each in the file named after its id", async () => {
    expect([...benchmarkIds].sort()).toEqual(benchmarks.map((b) => b.id).sort());
    for (const bench of benchmarks) expect(await loadBenchmark(bench.id)).toBe(bench);
  });

  it("names the known ids for an unknown one", async () => {
    await expect(loadBenchmark("gem")).rejects.toThrow(/invalid benchmark: gem \(known: .*gemm/);
    await expect(loadBenchmark("toString")).rejects.toThrow(RangeError);
    await expect(loadBenchmark("conv2d-variants")).rejects.toThrow(RangeError);
  });
});
