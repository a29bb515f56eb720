import type { ResultsV1 } from "../../lab/results.ts";
import { ResultsListener } from "../results-listener.ts";
import { readMeta } from "../island-meta.ts";
import { chunkCurve, type ChunkVariants } from "./chunk-curve-points.ts";

/**
 * <ec-chunk-curve data-meta>: after a run of that benchmark on the page, its
 * time against the chunk size (both on log axes), one panel per batch and one line per thread
 * count, with the one-thread loop dashed across: the granularity curve of Pool.map's chunksize.
 */
class ChunkCurveElement extends ResultsListener {
  /** Bumped per update, so a slow chart render never overwrites a newer one. */
  #generation = 0;

  protected async onResults(doc: ResultsV1): Promise<void> {
    const { points, loops } = chunkCurve(doc.results, readMeta<ChunkVariants>(this));
    if (points.length === 0) return;
    const generation = ++this.#generation;
    const Plot = await import("@observablehq/plot");
    if (generation !== this.#generation) return;
    this.find("status").textContent =
      "Median time per batch against images per claim, from your run; dashed: the plain loop on one thread.";
    this.find("chart").replaceChildren(
      Plot.plot({
        marginLeft: 60,
        marginBottom: 40,
        fx: { label: null },
        x: { type: "log", base: 2, label: "chunk size (images per claim)", ticks: [...new Set(points.map((p) => p.chunk))] },
        y: { type: "log", label: "ms per batch", grid: true },
        color: { legend: true },
        marks: [
          Plot.ruleY(loops, { fx: "batch", y: "ms", strokeDasharray: "4 4", strokeOpacity: 0.7 }),
          Plot.line(points, { fx: "batch", x: "chunk", y: "ms", stroke: "series", z: "series" }),
          Plot.dot(points, { fx: "batch", x: "chunk", y: "ms", fill: "series", r: 4, tip: true }),
        ],
      }),
    );
  }
}

customElements.define("ec-chunk-curve", ChunkCurveElement);
