import type { BenchmarkMeta } from "../../lab/benchmark-meta.ts";
import type { ResultsV1 } from "../../lab/results.ts";
import { ratio } from "../bench/format.ts";
import { amdahlSpeedup, fitSerialFraction, type SpeedupPoint } from "./amdahl-fit.ts";
import { cell } from "../table-cell.ts";
import { ResultsListener } from "../results-listener.ts";
import { readMeta } from "../island-meta.ts";

const percent = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;

interface Fit {
  series: string;
  s: number;
  points: SpeedupPoint[];
}

/** Measured speedups as dots, each fit's Amdahl curve up to `predict` threads as a line (log₂ threads). */
async function renderFits(fits: readonly Fit[], predict: number): Promise<Element> {
  const Plot = await import("@observablehq/plot");
  const counts = Array.from({ length: Math.floor(Math.log2(predict)) + 1 }, (_, i) => 2 ** i);
  if (counts.at(-1) !== predict) counts.push(predict);
  const curves = fits.flatMap((f) => counts.map((threads) => ({ series: f.series, threads, speedup: amdahlSpeedup(f.s, threads) })));
  const measured = fits.flatMap((f) => f.points.map((p) => ({ series: f.series, ...p })));
  return Plot.plot({
    width: 720,
    marginLeft: 50,
    x: { type: "log", base: 2, label: "threads", domain: [1, predict] },
    y: {
      type: "log",
      base: 2,
      label: "speedup over 1 thread",
      grid: true,
      domain: [Math.min(0.5, ...measured.map((p) => p.speedup)), predict],
    },
    color: { legend: true },
    marks: [
      Plot.line([{ t: 1 }, { t: predict }], { x: "t", y: "t", stroke: "currentColor", strokeDasharray: "4 4", strokeOpacity: 0.5 }),
      Plot.line(curves, { x: "threads", y: "speedup", stroke: "series", z: "series", strokeOpacity: 0.7 }),
      Plot.dot(measured, { x: "threads", y: "speedup", fill: "series", r: 4, tip: true }),
    ],
  });
}

/**
 * <ec-amdahl data-meta data-predict>: after a run of the benchmark on this page, fits Amdahl's
 * serial fraction to each parallel variant's measured speedups (over its own 1-thread time) and
 * shows what the law then predicts for `data-predict` threads and for unlimited threads.
 */
class AmdahlElement extends ResultsListener {
  /** Bumped per update, so a slow chart render never overwrites a newer one. */
  #generation = 0;

  protected onResults({ results: all }: ResultsV1): void {
    const bench = readMeta<BenchmarkMeta>(this);
    const predict = Number(this.dataset.predict ?? 32);
    const results = all.filter((r) => r.bench === bench.id);
    if (results.length === 0) return;
    const rows: HTMLElement[] = [];
    const fits: Fit[] = [];
    for (const c of bench.cases) {
      for (const v of bench.variants.filter((x) => x.parallel)) {
        const runs = results.filter((r) => r.case === c.label && r.variant === v.id).sort((a, b) => a.threads - b.threads);
        const one = runs.find((r) => r.threads === 1);
        if (!one || runs.length < 2) continue;
        const points = runs.map((r) => ({ threads: r.threads, speedup: one.median / r.median }));
        const s = fitSerialFraction(points)!;
        fits.push({ series: `${v.label} — ${c.label}`, s, points });
        const tr = document.createElement("tr");
        tr.append(
          cell("th", `${v.label} — ${c.label}`),
          cell("td", points.map((p) => `${p.threads}: ${ratio(p.speedup)} (${percent(p.speedup / p.threads)})`).join(", ")),
          cell("td", points.map((p) => `${p.threads}: ${ratio(amdahlSpeedup(s, p.threads))}`).join(", ")),
          cell("td", percent(s)),
          cell("td", ratio(amdahlSpeedup(s, predict))),
          cell("td", s > 0 ? ratio(1 / s) : "unbounded"),
        );
        rows.push(tr);
      }
    }
    const status = this.find("status");
    const body = this.querySelector("tbody")!;
    body.replaceChildren(...rows);
    this.querySelector("table")!.hidden = rows.length === 0;
    status.textContent =
      rows.length === 0
        ? "Only one thread count was measured, so there is nothing to fit: run again with at least 2 threads."
        : `Fitted from your run (${new Set(results.map((r) => r.threads)).size} thread counts).`;
    const chart = this.find("chart");
    const generation = ++this.#generation;
    if (fits.length === 0) {
      chart.replaceChildren();
      return;
    }
    void renderFits(fits, predict).then(
      (svg) => generation === this.#generation && chart.replaceChildren(svg),
      (error: unknown) => (status.textContent = `The chart could not be drawn: ${String(error)}`),
    );
  }
}

customElements.define("ec-amdahl", AmdahlElement);
