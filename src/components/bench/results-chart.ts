import type { Benchmark } from "../../lab/benchmark.ts";
import type { ResultV1 } from "../../lab/results.ts";
import { threadsLabel } from "./format.ts";

/**
 * Median time per case (log scale), one line per variant, with the IQR as a rule. Observable Plot
 * is loaded on first use only. Parallel variants are drawn at the most threads measured.
 */
export async function renderTimeChart(bench: Benchmark, results: readonly ResultV1[]): Promise<Element> {
  const Plot = await import("@observablehq/plot");
  const maxThreads = new Map<string, number>();
  for (const r of results) maxThreads.set(r.variant, Math.max(maxThreads.get(r.variant) ?? 1, r.threads));
  const rows = results
    .filter((r) => r.threads === maxThreads.get(r.variant))
    .map((r) => {
      const v = bench.variants.find((x) => x.id === r.variant);
      const series = (v?.label ?? r.variant) + (v?.parallel ? `, ${threadsLabel(r.threads)}` : "");
      return { case: r.case, median: r.median, q1: r.median - r.iqr / 2, q3: r.median + r.iqr / 2, series };
    });
  return Plot.plot({
    marginLeft: 60,
    width: 720,
    x: { type: "point", domain: bench.cases.map((c) => c.label), label: bench.caseAxis, padding: 0.3 },
    y: { type: "log", label: "median time per call (ms)", grid: true },
    color: { legend: true },
    marks: [
      Plot.ruleX(rows, { x: "case", y1: "q1", y2: "q3", stroke: "series", strokeWidth: 3 }),
      Plot.line(rows, { x: "case", y: "median", stroke: "series", z: "series" }),
      Plot.dot(rows, { x: "case", y: "median", fill: "series", tip: true }),
    ],
  });
}
