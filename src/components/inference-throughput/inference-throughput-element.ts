import type { ResultsV1 } from "../../lab/results.ts";
import { ms, threadsLabel } from "../bench/format.ts";
import { inferenceRows, type InferenceRow } from "./inference-rows.ts";
import { cell } from "../table-cell.ts";
import { pageLocale } from "../../lab/i18n/locale.ts";
import { pageMessages } from "../i18n/messages.ts";
import { readMeta } from "../island-meta.ts";
import { ResultsListener } from "../results-listener.ts";

/**
 * <ec-inference-throughput data-bench="cnn-inference" data-images="256">: after a run of that
 * benchmark on the page, images per second against images per call for each network (Observable
 * Plot, loaded on the first results), and a table with the latency of one call beside it.
 */
class InferenceThroughputElement extends ResultsListener {
  protected async onResults(doc: ResultsV1): Promise<void> {
    const rows = inferenceRows(doc.results, this.dataset.bench ?? "", Number(this.dataset.images));
    if (rows.length === 0) return;
    // Network names in the page's language (the server's table; a network it does not know keeps its own).
    const networks = readMeta<Record<string, string>>(this);
    for (const r of rows) r.network = networks[r.network] ?? r.network;
    const t = pageMessages();
    this.find("table").replaceChildren(table(rows));
    this.find("status").textContent = t.inferDrawn;
    const Plot = await import("@observablehq/plot");
    const points = rows.map((r) => ({ ...r, series: /-split-/.test(r.variant) ? `${r.network}, ${threadsLabel(r.threads)}` : r.network }));
    this.find("chart").replaceChildren(
      Plot.plot({
        marginLeft: 60,
        x: { type: "point", label: t.axisImagesPerCall, domain: [...new Set(rows.map((r) => r.batch))].sort((a, b) => a - b) },
        y: { type: "log", label: t.axisImagesPerSecond, grid: true },
        color: { legend: true },
        marks: [
          Plot.line(points, { x: "batch", y: "imagesPerSecond", stroke: "series", z: "series" }),
          Plot.dot(points, { x: "batch", y: "imagesPerSecond", fill: "series", r: 4, tip: true }),
        ],
      }),
    );
  }
}

function table(rows: readonly InferenceRow[]): HTMLTableElement {
  const t = document.createElement("table");
  const caption = document.createElement("caption");
  const m = pageMessages();
  caption.textContent = m.inferTableCaption;
  const head = document.createElement("tr");
  head.append(...[m.inferColNetwork, m.inferColGiven, m.inferColRate, m.inferColLatency].map((h) => cell("th", h, { scope: "col" })));
  const thead = document.createElement("thead");
  thead.append(head);
  const body = document.createElement("tbody");
  for (const r of rows) {
    const tr = document.createElement("tr");
    tr.append(
      cell("th", r.network, { scope: "row" }),
      cell("td", r.calling),
      cell("td", Math.round(r.imagesPerSecond).toLocaleString(pageLocale())),
      cell("td", `${ms(r.latencyMs)} ms`),
    );
    body.append(tr);
  }
  t.append(caption, thead, body);
  return t;
}

customElements.define("ec-inference-throughput", InferenceThroughputElement);
