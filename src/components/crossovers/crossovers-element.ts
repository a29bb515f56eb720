import type { ResultsV1 } from "../../lab/results.ts";
import { ms } from "../bench/format.ts";
import { crossover, measuredThresholds, poolCrossovers, sizeRows, thresholdText, type Column, type SizeRow } from "./crossovers.ts";
import { cell } from "../table-cell.ts";
import { ResultsListener } from "../results-listener.ts";

/** A column of the table: its head, its median in a row, and the crossover its footer states. */
interface TableColumn {
  head: string;
  ms: (row: SizeRow) => number | undefined;
  /** A backend the dispatcher chooses between (★ for the fastest); the dispatcher itself is not one. */
  backend: boolean;
  /** Where it overtakes what it replaces, in multiply-adds; undefined: no footer. */
  from?: number;
}

/** TypeScript, SIMD on one thread, the pool at each thread count measured (1, 2, 4 … up to the pool), the dispatcher. */
function columns(rows: readonly SizeRow[]): TableColumn[] {
  const threads = rows.at(-1)!.threads;
  const column = (c: Column) => (row: SizeRow) => row.ms[c];
  return [
    { head: "TypeScript", ms: column("ts"), backend: true },
    { head: "SIMD, 1 thread", ms: column("simd"), backend: true, from: crossover(rows, "simd", "ts") },
    ...poolCrossovers(rows).map(({ threads: t, from }) => ({
      head: `SIMD, pool of ${t}`,
      ms: (row: SizeRow) => row.pool[t],
      backend: true,
      from,
    })),
    { head: `dispatcher, ${threads} cores`, ms: column("dispatch"), backend: false },
  ];
}

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
    this.find("code").textContent =
      `planGemm(shape, env, { thresholds: { simdFrom: ${thresholdText(t.simdFrom)}, threadsFrom: ${thresholdText(t.threadsFrom)} } })`;
    this.find("status").textContent =
      `${sentence("SIMD overtakes the TypeScript loops", t.simdFrom)} ${sentence(`${rows.at(-1)!.threads} threads overtake one`, t.threadsFrom)}`;
    this.find("result").hidden = false;
  }
}

/** A crossover as a table cell: "≈ 45³", "smallest", "never". */
function fromText(work: number): string {
  if (work === 0) return "smallest size";
  if (!Number.isFinite(work)) return "no size measured";
  return `≈ ${Math.round(Math.cbrt(work))}³`;
}

function sentence(what: string, work: number): string {
  if (work === 0) return `${what} from the smallest size measured.`;
  if (!Number.isFinite(work)) return `${what} at no size measured.`;
  return `${what} at about ${Math.round(Math.cbrt(work))}³ (${work.toLocaleString("en")} multiply-adds).`;
}

function table(rows: readonly SizeRow[]): HTMLTableElement {
  const t = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent =
    "Median milliseconds per product, copies included; ★ marks the fastest backend at each size. The last row: from which size each backend beats the one before it for good (SIMD the TypeScript loops; each pool one SIMD thread).";
  const cols = columns(rows);
  const head = document.createElement("tr");
  head.append(cell("th", "size", { scope: "col" }), ...cols.map((c) => cell("th", c.head, { scope: "col" })));
  const body = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    const best = Math.min(...cols.filter((c) => c.backend).map((c) => c.ms(row) ?? Infinity));
    tr.append(cell("th", row.label, { scope: "row" }));
    for (const c of cols) {
      const v = c.ms(row);
      tr.append(cell("td", v === undefined ? "—" : `${ms(v)}${v === best && c.backend ? " ★" : ""}`));
    }
    body.append(tr);
  }
  const foot = document.createElement("tr");
  foot.append(cell("th", "wins from", { scope: "row" }), ...cols.map((c) => cell("td", c.from === undefined ? "—" : fromText(c.from))));
  const thead = document.createElement("thead");
  thead.append(head);
  const tfoot = document.createElement("tfoot");
  tfoot.append(foot);
  t.append(caption, thead, body, tfoot);
  return t;
}

customElements.define("ec-crossovers", CrossoversElement);
