import { describe, expect, it } from "vitest";
import { toCsv, toLatex, toMarkdown } from "./results-formats.ts";
import type { ResultV1, ResultsV1 } from "./results.ts";
import { testResult } from "./test-result.ts";

const result = (variant: string, median: number, ok = true): ResultV1 => ({
  ...testResult({ bench: "b", case: "c", variant, median, params: { n: 1 }, ok, tolerance: 1e-3 }),
  gflops: 2 / median,
  correctness: { ok, maxError: ok ? 0 : 0.5, tolerance: 1e-3 },
});

const doc: ResultsV1 = {
  schema: "every-core/results/v1",
  env: {
    userAgent: "UA",
    hardwareConcurrency: 2,
    crossOriginIsolated: true,
    timerResolutionMs: 0.005,
    wasm: { simd: true, threads: true, relaxedSimd: true },
    kernelIsa: "wasmrelaxedsimd",
    siteVersion: "0.1.0",
    date: "2026-11-23T00:00:00.000Z",
    quick: true,
  },
  results: [result("slow", 10), result("fast", 2), result('bad, "quoted"', 1, false)],
  claims: [{ id: "b/fast", status: "pass", ratio: 5, required: 4 }],
  skipped: [],
  baselines: { b: "slow" },
};

describe("results exports", () => {
  it("renders a Markdown table with speedups against the baseline and the claims", () => {
    const md = toMarkdown(doc);
    expect(md).toContain("| b | c | fast | 1 | 2 | 0 | 1 | 1 | 5× | yes |");
    expect(md).toContain("| b | c | slow | 1 | 10 | 0 | 1 | 0.2 | 1× | yes |");
    expect(md).toContain("NO (err 5.0e-1)");
    expect(md).toContain("- b/fast: pass (measured 5×, needs ≥ 4×)");
    expect(md.split("\n")[0]).toContain("2 threads");
    // A file without baselines shows its times and no speedups.
    expect(toMarkdown({ ...doc, baselines: undefined })).toContain("| b | c | fast | 1 | 2 | 0 | 1 | 1 | — | yes |");
  });

  it("writes CSV with quoted text fields", () => {
    const lines = toCsv(doc).trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('"b","c","bad, ""quoted""",1,1,0,1,1,2,false,0.5');
  });

  it("writes a booktabs table, one row per result, text escaped, the environment as its note", () => {
    const tex = toLatex({ ...doc, results: [...doc.results, { ...doc.results[0]!, case: "512³ & 50%_x", variant: "a→b" }] });
    const lines = tex.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "\\begin{table}[htbp]",
      "  \\centering",
      "  \\begin{tabular}{lllrrrrrrl}",
      "    \\toprule",
      expect.stringContaining("bench & case & variant"),
    ]);
    expect(lines.filter((l) => l.endsWith("\\\\"))).toHaveLength(1 + 4);
    expect(tex).toContain("512\\textsuperscript{3} \\& 50\\%\\_x & a\\textrightarrow{}b");
    expect(tex).toContain("\\bottomrule");
    expect(tex).toMatch(/\\footnotesize Measured with Every Core: 2026-11-23T00:00:00\.000Z \\textperiodcentered\{\} 2 threads/);
  });
});
