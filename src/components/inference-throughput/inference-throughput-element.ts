import type { ResultsV1 } from "../../lab/results.ts";
import { ms, threadsLabel } from "../bench/format.ts";
import { inferenceRows, type InferenceRow } from "./inference-rows.ts";
import { cell } from "../table-cell.ts";
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
    this.find("table").replaceChildren(table(rows));
    this.find("status").textContent = "Images per second (higher is better) against images per call, from your run.";
    const Plot = await import("@observablehq/plot");
    const points = rows.map((r) => ({ ...r, series: /split/.test(r.calling) ? `${r.network}, ${threadsLabel(r.threads)}` : r.network }));
    this.find("chart").replaceChildren(
      Plot.plot({
        marginLeft: 60,
        x: { type: "point", label: "images per call", domain: [...new Set(rows.map((r) => r.batch))].sort((a, b) => a - b) },
        y: { type: "log", label: "images per second", grid: true },
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
  caption.textContent = "Throughput and the time one call takes to return its images' labels (median of your run).";
  const head = document.createElement("tr");
  head.append(...["network", "images given", "images per second", "latency of one call"].map((h) => cell("th", h, { scope: "col" })));
  const thead = document.createElement("thead");
  thead.append(head);
  const body = document.createElement("tbody");
  for (const r of rows) {
    const tr = document.createElement("tr");
    tr.append(
      cell("th", r.network, { scope: "row" }),
      cell("td", r.calling),
      cell("td", Math.round(r.imagesPerSecond).toLocaleString("en")),
      cell("td", `${ms(r.latencyMs)} ms`),
    );
    body.append(tr);
  }
  t.append(caption, thead, body);
  return t;
}

customElements.define("ec-inference-throughput", InferenceThroughputElement);
