import { threadsLabel } from "../bench/format.ts";
import { intensityRange, roofLine, type KernelPoint, type Roof } from "./roofline-data.ts";
import { describePoint, intensityText, type VariantLabels } from "./roofline-labels.ts";

/** The roofs worth drawing: one thread, and the most threads measured (one line each). */
export function roofsToDraw(roofList: readonly Roof[]): Roof[] {
  const first = roofList[0];
  const last = roofList.at(-1);
  if (!first || !last) return [];
  return first === last ? [first] : [first, last];
}

/**
 * The roofline on log–log axes: a line per drawn roof, its ridge point marked, and a dot per kernel
 * result at the thread counts of the drawn roofs (each variant's other thread counts are in the
 * table). Observable Plot is loaded on first use only.
 */
export async function renderRooflineChart(
  points: readonly KernelPoint[],
  roofList: readonly Roof[],
  labels: VariantLabels,
  width: number,
): Promise<Element> {
  const Plot = await import("@observablehq/plot");
  const drawn = roofsToDraw(roofList);
  const shownThreads = new Set(drawn.length ? drawn.map((r) => r.threads) : points.map((p) => p.threads));
  const shown = points.filter((p) => shownThreads.has(p.threads));
  const [xMin, xMax] = intensityRange(shown, drawn);
  const series = (threads: number) => threadsLabel(threads);
  const lines = drawn.flatMap((r) => roofLine(r, xMin, xMax).map((p) => ({ ...p, series: series(r.threads) })));
  // The first ridge is labelled below its roof, the second above, so the two never overlap.
  const ridges = drawn.map((r, i) => ({
    x: r.ridge,
    y: r.peakGflops,
    series: series(r.threads),
    text: `ridge ${intensityText(r.ridge)} FLOP/B`,
    dy: i === 0 ? 16 : -14,
  }));
  const dots = shown.map((p) => ({ x: p.intensity, y: p.gflops, series: series(p.threads), description: describePoint(labels, p) }));
  const domain = [...shownThreads].sort((a, b) => a - b).map(series);
  return Plot.plot({
    width,
    height: Math.round(Math.min(440, Math.max(300, width * 0.6))),
    marginLeft: 60,
    ariaLabel: "Roofline chart",
    ariaDescription: "Attainable GFLOP/s against arithmetic intensity; each kernel result is a focusable point.",
    x: { type: "log", domain: [xMin, xMax], label: "arithmetic intensity (FLOP per byte of memory traffic) →", grid: true },
    y: { type: "log", label: "↑ GFLOP/s", grid: true },
    color: { legend: true, domain },
    marks: [
      Plot.line(lines, { x: "x", y: "y", z: "series", stroke: "series", strokeWidth: 2 }),
      Plot.dot(ridges, { x: "x", y: "y", stroke: "series", symbol: "diamond", r: 6, strokeWidth: 2 }),
      ...ridges.map((ridge) =>
        Plot.text([ridge], { x: "x", y: "y", text: "text", dy: ridge.dy, dx: 8, textAnchor: "start", fill: "currentColor" }),
      ),
      Plot.dot(dots, {
        x: "x",
        y: "y",
        fill: "series",
        r: 5,
        stroke: "var(--sl-color-bg, white)",
        title: "description",
        ariaLabel: "description",
        tip: true,
      }),
    ],
  });
}
