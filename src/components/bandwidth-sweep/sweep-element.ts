import type { BenchmarkMeta } from "../../lab/benchmark-meta.ts";
import type { ResultsV1 } from "../../lab/results.ts";
import { gflops, threadsLabel } from "../bench/format.ts";
import { readMeta } from "../island-meta.ts";
import { ResultsListener } from "../results-listener.ts";
import { saveLastPlateau } from "./last-plateau.ts";
import { bestPlateau, sweepSeries, type SweepSeries } from "./sweep-series.ts";

const MiB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes >= MiB ? `${Math.round(bytes / MiB)} MiB` : `${Math.round(bytes / 1024)} KiB`);

/** GB/s against working-set size on log axes, a line per variant and thread count, each plateau a dashed rule over its points. */
async function renderSweep(series: readonly SweepSeries[], name: (s: SweepSeries) => string): Promise<Element> {
  const Plot = await import("@observablehq/plot");
  const dots = series.flatMap((s) => s.points.map((p) => ({ ...p, series: name(s), size: sizeText(p.bytes) })));
  const plateaus = series.flatMap((s) => s.plateau.points.map((p) => ({ bytes: p.bytes, gbps: s.plateau.gbps, series: name(s) })));
  return Plot.plot({
    width: 720,
    marginLeft: 50,
    ariaLabel: "Triad bandwidth against working-set size",
    x: { type: "log", label: "working set (three arrays, bytes) →", grid: true, tickFormat: sizeText },
    y: { type: "log", label: "↑ GB/s", grid: true },
    color: { legend: true },
    marks: [
      Plot.line(dots, { x: "bytes", y: "gbps", stroke: "series", z: "series" }),
      Plot.dot(dots, {
        x: "bytes",
        y: "gbps",
        fill: "series",
        r: 4,
        tip: true,
        title: (d: { series: string; size: string; gbps: number }) => `${d.series}, ${d.size}: ${gflops(d.gbps)} GB/s`,
      }),
      Plot.line(plateaus, {
        x: "bytes",
        y: "gbps",
        stroke: "series",
        z: "series",
        strokeDasharray: "4 3",
        strokeWidth: 3,
        strokeOpacity: 0.6,
      }),
    ],
  });
}

/**
 * <ec-bandwidth-sweep data-meta>: after a run of the triad's size sweep, draws GB/s against size,
 * where each cache level outgrown is a step down, and states the main-memory plateau (the median past
 * the last step) per variant and thread count. The highest plateau is remembered in this browser
 * for the scaling predictions of other pages.
 */
class BandwidthSweepElement extends ResultsListener {
  #generation = 0;

  protected onResults({ results: all }: ResultsV1): void {
    const bench = readMeta<BenchmarkMeta>(this);
    const results = all.filter((r) => r.bench === bench.id);
    const series = sweepSeries(results, bench.id);
    if (series.length === 0) return;
    const label = (id: string) => bench.variants.find((v) => v.id === id)?.label ?? id;
    const name = (s: SweepSeries) => `${label(s.variant)}, ${threadsLabel(s.threads)}`;
    const items = series.map((s) => {
      const li = document.createElement("li");
      const { plateau } = s;
      li.textContent =
        plateau.steps === 0
          ? `${name(s)}: ${gflops(plateau.gbps)} GB/s, with no cache step among the ${plateau.points.length} sizes it ran, so this may not be main memory.`
          : `${name(s)}: main memory ${gflops(plateau.gbps)} GB/s, the median of the ${plateau.points.length} size(s) from ${sizeText(plateau.points[0]!.bytes)} on, past ${plateau.steps} cache step(s).`;
      return li;
    });
    this.find("plateaus").replaceChildren(...items);
    const best = bestPlateau(results, bench.id);
    if (best) saveLastPlateau({ ...best, date: new Date().toISOString() });
    this.find("status").textContent = best ? `Main memory on this machine: ${gflops(best.gbps)} GB/s (${threadsLabel(best.threads)}).` : "";
    const generation = ++this.#generation;
    const chart = this.find("chart");
    void renderSweep(series, name).then(
      (svg) => generation === this.#generation && chart.replaceChildren(svg),
      (error: unknown) => (this.find("status").textContent = `The chart could not be drawn: ${String(error)}`),
    );
  }
}

customElements.define("ec-bandwidth-sweep", BandwidthSweepElement);
