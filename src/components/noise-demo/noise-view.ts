import { NOISY_CV } from "../../lab/stats.ts";
import { ms } from "../bench/format.ts";
import type { PhaseSummary } from "./noise-summary.ts";

type Plot = typeof import("@observablehq/plot");

const phaseLabel = (p: PhaseSummary) => (p.load === 0 ? "quiet" : `with ${p.load} busy worker${p.load === 1 ? "" : "s"}`);

/**
 * Every sample of both phases as a strip (one dot per call, on a log axis so a preempted call
 * 10× slower stays on the chart), with each phase's median (solid) and mean (dashed).
 */
export function renderNoiseChart(Plot: Plot, phases: readonly PhaseSummary[]): SVGSVGElement | HTMLElement {
  const dots = phases.flatMap((p) => p.samples.map((t) => ({ phase: phaseLabel(p), ms: Math.max(t, 1e-3) })));
  const marks = (key: "median" | "mean") => phases.map((p) => ({ phase: phaseLabel(p), ms: p.stats[key] }));
  const figure = Plot.plot({
    width: 640,
    height: 200,
    marginLeft: 150,
    x: { type: "log", label: "time per call (ms, log scale)", grid: true },
    y: { label: null, domain: phases.map(phaseLabel) },
    marks: [
      Plot.dot(dots, { x: "ms", y: "phase", r: 2, fill: "currentColor", fillOpacity: 0.3, stroke: null }),
      Plot.tickX(marks("median"), { x: "ms", y: "phase", stroke: "var(--sl-color-accent)", strokeWidth: 3 }),
      Plot.tickX(marks("mean"), { x: "ms", y: "phase", stroke: "var(--sl-color-red)", strokeWidth: 2, strokeDasharray: "4 2" }),
    ],
  });
  figure.setAttribute("aria-label", "Time of every call in each run: dots are calls, the solid tick the median, the dashed tick the mean");
  return figure;
}

/** Each phase's statistics: the numbers a benchmark result reports, and its noisy flag. */
export function renderNoiseTable(phases: readonly PhaseSummary[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "ec-results";
  table.createCaption().textContent = "The same calls, summarized as every benchmark on this site summarizes its samples";
  const head = table.createTHead().insertRow();
  for (const [i, label] of [
    "Run",
    "Calls",
    "Min (ms)",
    "Median (ms)",
    "Mean (ms)",
    "IQR (ms)",
    "CV",
    `Flagged noisy (CV > ${NOISY_CV})`,
  ].entries()) {
    const th = document.createElement("th");
    th.textContent = label;
    if (i === 0) th.className = "ec-text";
    head.append(th);
  }
  const body = table.createTBody();
  for (const p of phases) {
    const row = body.insertRow();
    row.dataset.phase = p.phase;
    const th = document.createElement("th");
    th.scope = "row";
    th.className = "ec-text";
    th.textContent = phaseLabel(p);
    row.append(th);
    const s = p.stats;
    for (const text of [String(s.n), ms(s.min), ms(s.median), ms(s.mean), ms(s.iqr), s.cv.toFixed(2), p.noisy ? "yes" : "no"]) {
      row.insertCell().textContent = text;
    }
  }
  return table;
}
