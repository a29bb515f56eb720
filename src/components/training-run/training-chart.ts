import { pageMessages } from "../i18n/messages.ts";
import type * as PlotModule from "@observablehq/plot";

/** One run's curves, as the worker reported them. */
export interface RunSeries {
  label: string;
  losses: { seconds: number; loss: number }[];
  tests: { seconds: number; accuracy: number }[];
}

type Plot = typeof PlotModule;

/**
 * Two charts against wall-clock seconds, one line per run: the training loss (each point the mean
 * of a few steps) and the accuracy on the held-out digits, with the target as a dashed rule. On
 * the same time axis, a faster run's curves reach any level further left: accuracy per second.
 */
export function trainingCharts(Plot: Plot, runs: readonly RunSeries[], target: number): (SVGSVGElement | HTMLElement)[] {
  const losses = runs.flatMap((r) => r.losses.map((p) => ({ run: r.label, ...p })));
  const tests = runs.flatMap((r) => r.tests.map((p) => ({ run: r.label, seconds: p.seconds, percent: 100 * p.accuracy })));
  const color = { legend: true, domain: runs.map((r) => r.label) };
  const t = pageMessages();
  const common = { width: 640, height: 240, x: { label: t.axisWallSeconds, grid: true } };
  const loss = Plot.plot({
    ...common,
    color,
    y: { label: t.axisLoss, grid: true, zero: true },
    marks: [Plot.line(losses, { x: "seconds", y: "loss", stroke: "run", tip: true })],
  });
  const accuracy = Plot.plot({
    ...common,
    color: { domain: color.domain },
    y: { label: t.axisAccuracy, grid: true },
    marks: [
      Plot.ruleY([100 * target], { stroke: "currentColor", strokeDasharray: "4 4", strokeOpacity: 0.6 }),
      Plot.line(tests, { x: "seconds", y: "percent", stroke: "run" }),
      Plot.dot(tests, { x: "seconds", y: "percent", fill: "run", r: 3, tip: true }),
    ],
  });
  return [loss, accuracy];
}
