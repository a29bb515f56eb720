import type { ResultV1, ResultsV1 } from "../../lab/results.ts";
import { addKeyboardTips } from "./keyboard-tips.ts";
import { renderRooflineChart } from "./roofline-chart.ts";
import { kernelPoints, roofs } from "./roofline-data.ts";
import type { VariantLabels } from "./roofline-labels.ts";
import { renderRooflineTables } from "./roofline-table.ts";
import type { SpeedOfLight } from "../../lab/speed-of-light.ts";
import { readMeta } from "../island-meta.ts";
import { ResultsListener } from "../results-listener.ts";

/** What the server renders into <ec-roofline data-meta>. */
export interface RooflineMeta {
  speedOfLight: SpeedOfLight;
  labels: VariantLabels;
}

/**
 * <ec-roofline data-meta>: collects every benchmark run on the page (the latest run of each benchmark) and
 * draws the roofs from the speed-of-light benchmarks with each kernel placed against them.
 */
class RooflineElement extends ResultsListener {
  /** The latest results of each benchmark, by benchmark id. */
  readonly #latest = new Map<string, readonly ResultV1[]>();
  /** Bumped per update, so a slow chart render never overwrites a newer one. */
  #generation = 0;

  protected onResults(doc: ResultsV1): void {
    for (const bench of new Set(doc.results.map((r) => r.bench))) {
      this.#latest.set(
        bench,
        doc.results.filter((r) => r.bench === bench),
      );
    }
    const { speedOfLight, labels } = readMeta<RooflineMeta>(this);
    const results = [...this.#latest.values()].flat();
    const roofList = roofs(speedOfLight, results);
    const points = kernelPoints(speedOfLight, results);
    this.find("status").textContent = statusText(roofList.length, points.length);
    const generation = ++this.#generation;
    const chart = this.find("chart");
    const empty = roofList.length === 0 && points.length === 0;
    this.find("details").hidden = empty;
    if (empty) {
      chart.replaceChildren();
      return;
    }
    this.find("tables").replaceChildren(renderRooflineTables(points, roofList, labels));
    void renderRooflineChart(points, roofList, labels, Math.max(360, chart.clientWidth)).then(
      (svg) => {
        if (generation !== this.#generation) return;
        chart.replaceChildren(svg);
        addKeyboardTips(chart, svg);
      },
      (error: unknown) => (this.find("status").textContent = `The roofline could not be drawn: ${String(error)}`),
    );
  }
}

function statusText(roofCount: number, pointCount: number): string {
  const roofsPart =
    roofCount === 0
      ? "No roof yet: run both the compute-peak and the memory-bandwidth benchmarks (or Measure peak in the machine panel)."
      : `Roofs measured at ${roofCount} thread count${roofCount === 1 ? "" : "s"}.`;
  const pointsPart =
    pointCount === 0
      ? "No kernel placed yet: run a benchmark with a byte model."
      : `${pointCount} kernel results placed; Tab moves through them.`;
  return `${roofsPart} ${pointsPart}`;
}

customElements.define("ec-roofline", RooflineElement);
