import type { BenchmarkMeta } from "../../lab/benchmark-meta.ts";
import type { ResultsV1, ResultV1 } from "../../lab/results.ts";
import { gflops, ms, ratio, threadsLabel } from "../bench/format.ts";
import { loadLastPlateau } from "../bandwidth-sweep/last-plateau.ts";
import { bestPlateau } from "../bandwidth-sweep/sweep-series.ts";
import { readMeta } from "../island-meta.ts";
import { ResultsListener } from "../results-listener.ts";
import { cell } from "../table-cell.ts";
import type { NoCeiling } from "../amdahl/scaling-model.ts";
import { expectRows, PREDICT_THREADS, type ExpectRow } from "./expect-rows.ts";

/** What the server renders: the benchmark to predict and which benchmark measures bandwidth. */
export interface ExpectMeta {
  bench: BenchmarkMeta;
  bandwidthBench: string;
}

/** Where the bandwidth figure came from, for the reader. */
interface Bandwidth {
  gbps: number;
  source: string;
}

const WHY_NO_CEILING: Record<NoCeiling, string> = {
  "no-byte-model": "no ceiling: this benchmark counts no memory traffic",
  "no-bandwidth": "no ceiling: no main-memory bandwidth measured in this browser yet",
  "in-cache": "no ceiling: your 1- and 2-thread calls already beat main-memory speed, so the data came from cache",
};

/** Predicted speedups as lines over 1 … 32 threads, measured ones as dots (log₂ threads). */
async function renderExpect(rows: readonly ExpectRow[], name: (r: ExpectRow) => string): Promise<Element> {
  const Plot = await import("@observablehq/plot");
  const lines = rows.flatMap((r) => r.predictions.map((p) => ({ series: name(r), threads: p.threads, speedup: p.speedup })));
  const dots = rows.flatMap((r) => r.measured.map((m) => ({ series: name(r), ...m })));
  const top = PREDICT_THREADS.at(-1)!;
  return Plot.plot({
    width: 720,
    marginLeft: 50,
    ariaLabel: "Predicted speedup (lines) and measured speedup (dots) against threads",
    x: { type: "log", base: 2, label: "threads →", domain: [1, top] },
    y: { type: "log", base: 2, label: "↑ speedup over 1 thread", grid: true, domain: [Math.min(0.5, ...dots.map((d) => d.speedup)), top] },
    color: { legend: true },
    marks: [
      Plot.line([{ t: 1 }, { t: top }], { x: "t", y: "t", stroke: "currentColor", strokeDasharray: "4 4", strokeOpacity: 0.5 }),
      Plot.line(lines, { x: "threads", y: "speedup", stroke: "series", z: "series" }),
      Plot.dot(dots, { x: "threads", y: "speedup", fill: "series", r: 4, tip: true }),
    ],
  });
}

/**
 * <ec-expect data-meta>: "what to expect on your cores". After a run of the page's benchmark on at
 * least 2 threads, predicts 4, 8, 16 and 32 threads per parallel variant from the reader's own 1- and
 * 2-thread times (Amdahl's serial fraction) and main-memory bandwidth (a ceiling), and draws the
 * prediction beside every thread count the reader measured.
 */
class ExpectElement extends ResultsListener {
  #generation = 0;
  /** The latest results of the page's benchmark and of the bandwidth benchmark, which may come in separate documents. */
  #bench: ResultV1[] = [];
  #bandwidth: ResultV1[] = [];

  protected onResults({ results }: ResultsV1): void {
    const meta = readMeta<ExpectMeta>(this);
    const mine = results.filter((r) => r.bench === meta.bench.id);
    const bandwidth = results.filter((r) => r.bench === meta.bandwidthBench);
    if (mine.length) this.#bench = mine;
    if (bandwidth.length) this.#bandwidth = bandwidth;
    if (mine.length || bandwidth.length) this.#update(meta);
  }

  /** The page's own bandwidth run first, else the last one remembered in this browser. */
  #bandwidthFigure(meta: ExpectMeta): Bandwidth | undefined {
    const here = bestPlateau(this.#bandwidth, meta.bandwidthBench);
    if (here) return { gbps: here.gbps, source: `measured on this page (${threadsLabel(here.threads)})` };
    const last = loadLastPlateau();
    if (last)
      return {
        gbps: last.gbps,
        source: `your last measurement in this browser (${threadsLabel(last.threads)}, ${new Date(last.date).toLocaleDateString("en")})`,
      };
    return undefined;
  }

  #update(meta: ExpectMeta): void {
    if (this.#bench.length === 0) return;
    const bandwidth = this.#bandwidthFigure(meta);
    const rows = expectRows(this.#bench, meta.bench, bandwidth?.gbps);
    const label = (id: string) => meta.bench.variants.find((v) => v.id === id)?.label ?? id;
    const name = (r: ExpectRow) => `${label(r.variant)} — ${r.case}`;
    this.find("bandwidth").textContent = bandwidth
      ? `Main-memory bandwidth: ${gflops(bandwidth.gbps)} GB/s, ${bandwidth.source}.`
      : "No main-memory bandwidth is available in this browser: run the memory-bandwidth benchmark on the speed-of-light page (or Measure peak in the machine panel) for a bandwidth ceiling. Until then the predictions are Amdahl's law alone.";
    this.find("status").textContent =
      rows.length === 0 ? "Run the benchmark above on at least 2 threads to predict more." : `Predicted from your 1- and 2-thread times.`;
    const body = this.querySelector("tbody")!;
    body.replaceChildren(...rows.map((r) => tableRow(r, name(r))));
    this.querySelector("table")!.hidden = rows.length === 0;
    const chart = this.find("chart");
    const generation = ++this.#generation;
    if (rows.length === 0) {
      chart.replaceChildren();
      return;
    }
    void renderExpect(rows, name).then(
      (svg) => generation === this.#generation && chart.replaceChildren(svg),
      (error: unknown) => (this.find("status").textContent = `The chart could not be drawn: ${String(error)}`),
    );
  }
}

function tableRow(r: ExpectRow, name: string): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const measured = (t: number) => r.measured.find((m) => m.threads === t);
  tr.append(
    cell("th", name, { scope: "row" }),
    cell("td", `${(100 * r.model.serialFraction).toFixed(1)}%`),
    cell("td", r.model.floorMs === undefined ? WHY_NO_CEILING[r.noCeiling!] : `${ms(r.model.floorMs)} ms`),
    ...PREDICT_THREADS.map((t) => {
      const p = r.predictions.find((x) => x.threads === t)!;
      const m = measured(t);
      const text = `${ratio(p.speedup)}${p.bound === "bandwidth" ? " (bandwidth)" : ""}${m ? `; measured ${ratio(m.speedup)}` : ""}`;
      return cell("td", text);
    }),
  );
  return tr;
}

customElements.define("ec-expect", ExpectElement);
