import type { BenchmarkMeta } from "../../lab/benchmark-meta.ts";
import type { ResultV1 } from "../../lab/results.ts";
import { threadsLabel } from "./format.ts";

type PlotModule = typeof import("@observablehq/plot");

function seriesLabel(bench: BenchmarkMeta, r: ResultV1): string {
  const v = bench.variants.find((x) => x.id === r.variant);
  return (v?.label ?? r.variant) + (v?.parallel ? `, ${threadsLabel(r.threads)}` : "");
}

/** Per case, median time with its 95% CI, and GFLOP/s; parallel variants at the most threads run. */
function sizeRows(bench: BenchmarkMeta, results: readonly ResultV1[]) {
  const maxThreads = new Map<string, number>();
  for (const r of results) maxThreads.set(r.variant, Math.max(maxThreads.get(r.variant) ?? 1, r.threads));
  return results
    .filter((r) => r.threads === maxThreads.get(r.variant))
    .map((r) => ({ case: r.case, median: r.median, lo: r.ci95[0], hi: r.ci95[1], gflops: r.gflops ?? NaN, series: seriesLabel(bench, r) }));
}

/** `results` solid; `dashed` (a second source, when comparing) in the same colours, dashed. */
function bySize(
  Plot: PlotModule,
  bench: BenchmarkMeta,
  results: readonly ResultV1[],
  dashed: readonly ResultV1[],
  metric: "time" | "gflops",
): Element {
  const x = { type: "point", domain: bench.cases.map((c) => c.label), label: bench.caseAxis, padding: 0.3 } as const;
  const y = metric === "time" ? "median" : "gflops";
  const marks = (rows: ReturnType<typeof sizeRows>, strokeDasharray?: string) => [
    metric === "time" ? Plot.ruleX(rows, { x: "case", y1: "lo", y2: "hi", stroke: "series", strokeWidth: 3, strokeDasharray }) : null,
    Plot.line(rows, { x: "case", y, stroke: "series", z: "series", strokeDasharray }),
    strokeDasharray
      ? Plot.dot(rows, { x: "case", y, stroke: "series", tip: true })
      : Plot.dot(rows, { x: "case", y, fill: "series", tip: true }),
  ];
  return Plot.plot({
    marginLeft: 60,
    width: 720,
    x,
    y:
      metric === "time"
        ? { type: "log", label: "median time per call (ms)", grid: true }
        : { label: "GFLOP/s (higher is better)", grid: true, zero: true },
    color: { legend: true },
    marks: [...marks(sizeRows(bench, results)), ...(dashed.length ? marks(sizeRows(bench, dashed), "5 4") : [])],
  });
}

/** Speedup over the variant's own 1-thread time, against threads, on the last case; y = x is perfect scaling. */
function byThreads(Plot: PlotModule, bench: BenchmarkMeta, results: readonly ResultV1[]): Element | null {
  const parallel = new Set(bench.variants.filter((v) => v.parallel).map((v) => v.id));
  const last = [...bench.cases].reverse().find((c) => results.some((r) => r.case === c.label && parallel.has(r.variant) && r.threads > 1));
  if (!last) return null;
  const rows = results
    .filter((r) => r.case === last.label && parallel.has(r.variant))
    .flatMap((r) => {
      const one = results.find((o) => o.case === r.case && o.variant === r.variant && o.threads === 1);
      const label = bench.variants.find((v) => v.id === r.variant)?.label ?? r.variant;
      return one ? [{ threads: r.threads, speedup: one.median / r.median, series: label }] : [];
    });
  const maxT = Math.max(...rows.map((r) => r.threads));
  return Plot.plot({
    marginLeft: 60,
    width: 720,
    x: { label: `threads (on ${last.label})`, domain: [1, maxT], ticks: Math.min(maxT, 8) },
    y: { label: "speedup over 1 thread", grid: true, domain: [0, maxT] },
    color: { legend: true },
    marks: [
      Plot.line([{ t: 1 }, { t: maxT }], { x: "t", y: "t", stroke: "currentColor", strokeDasharray: "4 4", strokeOpacity: 0.5 }),
      Plot.line(rows, { x: "threads", y: "speedup", stroke: "series", z: "series" }),
      Plot.dot(rows, { x: "threads", y: "speedup", fill: "series", tip: true }),
    ],
  });
}

/**
 * The live run as pictures: time (log scale, 95% CI of the median as a bar) and GFLOP/s across the
 * cases, and, when a parallel variant ran on several thread counts, its speedup against threads.
 * When two sources are compared, `dashed` holds the second, drawn over the first in dashed lines.
 * Observable Plot is loaded on first use only.
 */
export async function renderCharts(
  bench: BenchmarkMeta,
  results: readonly ResultV1[],
  dashed: readonly ResultV1[] = [],
): Promise<Element[]> {
  const Plot = await import("@observablehq/plot");
  const charts = [bySize(Plot, bench, results, dashed, "time")];
  if (results.some((r) => r.gflops !== undefined)) charts.push(bySize(Plot, bench, results, dashed, "gflops"));
  const threads = byThreads(Plot, bench, results);
  if (threads) charts.push(threads);
  return charts;
}
