import { describe, expect, it } from "vitest";
import { benchmarkMeta } from "./benchmark-meta.ts";
import { benchmarks, findBenchmark } from "./registry.ts";

describe("benchmarkMeta (what the server renders into an island)", () => {
  it("is plain data that survives JSON: the declaration's title, cases, baseline and variants", () => {
    for (const bench of benchmarks) {
      const meta = benchmarkMeta(bench);
      expect(JSON.parse(JSON.stringify(meta))).toEqual(meta);
      expect(meta).toMatchObject({
        id: bench.id,
        title: bench.title,
        caseAxis: bench.caseAxis,
        baseline: bench.baseline,
        variants: bench.variants,
      });
      expect(meta.cases.map((c) => c.label)).toEqual(bench.cases.map((c) => c.label));
      expect(meta.claims.map((c) => c.id)).toEqual(bench.claims.map((c) => c.id));
    }
  });

  it("states each claim in one sentence from the variants' labels, with its reason beside it", () => {
    const claim = benchmarkMeta(findBenchmark("gemm")).claims.find((c) => c.id === "gemm/simd-vs-blocked");
    expect(claim?.sentence).toBe(
      "6×8 SIMD tile (WebAssembly) on 1 thread is at least 5× as fast as Cache-blocked, 4×4 registers (TypeScript) on 1 thread on 512³",
    );
    expect(claim?.because).toMatch(/^each fused multiply-add/);
  });
});
