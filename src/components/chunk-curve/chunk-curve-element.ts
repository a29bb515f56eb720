import type { ResultsV1 } from "../../lab/results.ts";
import { pageMessages } from "../i18n/messages.ts";
import { ResultsListener } from "../results-listener.ts";
import { readMeta } from "../island-meta.ts";
import { chunkCurve, type ChunkVariants } from "./chunk-curve-points.ts";

/** What the server renders: the variants, and each batch's (case's) name in the page's language. */
export interface ChunkCurveMeta extends ChunkVariants {
  caseText: Readonly<Record<string, string>>;
}

/**
 * <ec-chunk-curve data-meta>: after a run of that benchmark on the page, its
 * time against the chunk size (both on log axes), one panel per batch and one line per thread
 * count, with the one-thread loop dashed across: the granularity curve of Pool.map's chunksize.
 */
class ChunkCurveElement extends ResultsListener {
  /** Bumped per update, so a slow chart render never overwrites a newer one. */
  #generation = 0;

  protected async onResults(doc: ResultsV1): Promise<void> {
    const meta = readMeta<ChunkCurveMeta>(this);
    const { points, loops } = chunkCurve(doc.results, meta);
    if (points.length === 0) return;
    const generation = ++this.#generation;
    const Plot = await import("@observablehq/plot");
    if (generation !== this.#generation) return;
    const t = pageMessages();
    this.find("status").textContent = t.chunkDrawn;
    this.find("chart").replaceChildren(
      Plot.plot({
        marginLeft: 60,
        marginBottom: 40,
        fx: { label: null, tickFormat: (batch: string) => meta.caseText[batch] ?? batch },
        x: { type: "log", base: 2, label: t.axisChunk, ticks: [...new Set(points.map((p) => p.chunk))] },
        y: { type: "log", label: t.axisMsPerBatch, grid: true },
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
