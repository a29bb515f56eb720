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
      expect(meta.cases).toEqual(bench.cases.map((c) => ({ label: c.label, text: c.label })));
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

  it("in zh-TW: the same ids, cases and claims, with the text in Traditional Chinese", () => {
    const en = benchmarkMeta(findBenchmark("gemm-threads"));
    const zh = benchmarkMeta(findBenchmark("gemm-threads"), "zh-TW");
    expect(zh.cases.map((c) => c.label)).toEqual(en.cases.map((c) => c.label));
    expect(zh.variants.map((v) => v.id)).toEqual(en.variants.map((v) => v.id));
    expect(zh.claims.map((c) => c.id)).toEqual(en.claims.map((c) => c.id));
    expect(zh.title).toBe("矩陣乘法：1 … 全部執行緒");
    expect(zh.claims[0]?.sentence).toBe(
      "在 1024³ 上，以 2 個執行緒執行的打包的 SIMD 核心程式，在執行緒池上（WebAssembly），速度至少是以 1 個執行緒執行的打包的 SIMD 核心程式，在執行緒池上（WebAssembly）的 1.8 倍",
    );
    expect(zh.claims[0]?.because).toMatch(/^大型乘積受運算限制/);
  });

  it("in zh-TW: a space between Chinese and a Latin label or number, none inside Chinese", () => {
    const claim = benchmarkMeta(findBenchmark("gemm"), "zh-TW").claims.find((c) => c.id === "gemm/simd-vs-blocked");
    expect(claim?.sentence).toBe(
      "在 512³ 上，以 1 個執行緒執行的 6×8 SIMD 區塊（WebAssembly），速度至少是以 1 個執行緒執行的快取分塊，4×4 暫存器（TypeScript）的 5 倍",
    );
  });
});
