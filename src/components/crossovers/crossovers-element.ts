import type { ResultsV1 } from "../../lab/results.ts";
import { ms } from "../bench/format.ts";
import { measuredThresholds, sizeRows, thresholdText, type Column, type SizeRow } from "./crossovers.ts";
import { cell } from "../table-cell.ts";
import { ResultsListener } from "../results-listener.ts";

/** Column heads; the threaded ones name the thread count of the run. */
const COLUMNS: readonly { column: Column; head: (threads: number) => string }[] = [
  { column: "ts", head: () => "TypeScript" },
  { column: "simd", head: () => "SIMD, 1 thread" },
  { column: "threads", head: (t) => `SIMD, pool of ${t}` },
  { column: "dispatch", head: (t) => `dispatcher, ${t} cores` },
];
/** The backends the dispatcher chooses between (the dispatcher itself is not a candidate). */
const BACKENDS: readonly Column[] = ["ts", "simd", "threads"];

/**
 * <ec-crossovers data-bench="gemm-dispatch">: after a run of that benchmark on the page, a table of
 * each backend's median per size with the fastest marked, and the thresholds the run suggests for
 * the dispatcher, written as the code that passes them.
 */
class CrossoversElement extends ResultsListener {
  protected onResults(doc: ResultsV1): void {
    const rows = sizeRows(doc.results.filter((r) => r.bench === this.dataset.bench));
    if (rows.length === 0) return;
    const t = measuredThresholds(rows);
    this.find("table").replaceChildren(table(rows));
    this.find("code").textContent = `planGemm(shape, env, { thresholds: { simdFrom: ${thresholdText(t.simdFrom)}, threadsFrom: ${thresholdText(t.threadsFrom)} } })`;
    this.find("status").textContent =
      `${sentence("SIMD overtakes the TypeScript loops", t.simdFrom)} ${sentence(`${rows.at(-1)!.threads} threads overtake one`, t.threadsFrom)}`;
    this.find("result").hidden = false;
  }
}

function sentence(what: string, work: number): string {
  if (work === 0) return `${what} from the smallest size measured.`;
  if (!Number.isFinite(work)) return `${what} at no size measured.`;
  return `${what} at about ${Math.round(Math.cbrt(work))}³ (${work.toLocaleString("en")} multiply-adds).`;
}

function table(rows: readonly SizeRow[]): HTMLTableElement {
  const t = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent = "Median milliseconds per product, copies included; ★ marks the fastest backend at each size.";
  const head = document.createElement("tr");
  const threads = rows.at(-1)!.threads;
  head.append(cell("th", "size", { scope: "col" }), ...COLUMNS.map(({ head: h }) => cell("th", h(threads), { scope: "col" })));
  const body = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    const best = Math.min(...BACKENDS.map((c) => row.ms[c] ?? Infinity));
    tr.append(cell("th", row.label, { scope: "row" }));
    for (const { column } of COLUMNS) {
      const v = row.ms[column];
      tr.append(cell("td", v === undefined ? "—" : `${ms(v)}${v === best && column !== "dispatch" ? " ★" : ""}`));
    }
    body.append(tr);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  t.append(caption, thead, body);
  return t;
}

customElements.define("ec-crossovers", CrossoversElement);
