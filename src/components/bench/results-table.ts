import type { Benchmark } from "../../lab/benchmark.ts";
import { baselineOf, type ResultV1 } from "../../lab/results.ts";
import { gflops, ms, ratio } from "./format.ts";

function cell(tag: "td" | "th", text: string, title?: string): HTMLTableCellElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (title) el.title = title;
  return el;
}

/**
 * The results as a table: one row per case × variant × thread count, with the speedup against the
 * benchmark's baseline. Built with textContent only, so no value is ever parsed as HTML.
 */
export function renderResultsTable(bench: Benchmark, results: readonly ResultV1[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "ec-results";
  const head = table.createTHead().insertRow();
  for (const h of ["Case", "Variant", "Threads", "Median (ms)", "IQR (ms)", "n", "GFLOP/s", "Speedup", "Correct"]) {
    const th = cell("th", h);
    th.scope = "col";
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of results) {
    const row = body.insertRow();
    const variant = bench.variants.find((v) => v.id === r.variant);
    const base = baselineOf(results, r, bench.baseline);
    const th = cell("th", r.case);
    th.scope = "row";
    row.append(
      th,
      cell("td", variant?.label ?? r.variant, r.variant),
      cell("td", String(r.threads)),
      cell("td", ms(r.median) + (r.noisy ? " ⚠" : ""), r.noisy ? `noisy run: CV ${(r.cv * 100).toFixed(0)}%` : `95% CI ${ms(r.ci95[0])}–${ms(r.ci95[1])}`),
      cell("td", ms(r.iqr)),
      cell("td", String(r.n)),
      cell("td", gflops(r.gflops)),
      cell("td", base ? ratio(base.median / r.median) : "—"),
      cell("td", r.correctness.ok ? "✓" : "✗", `max error ${r.correctness.maxError.toExponential(2)} (tolerance ${r.correctness.tolerance.toExponential(2)})`),
    );
    if (!r.correctness.ok) row.classList.add("ec-wrong");
  }
  return table;
}
