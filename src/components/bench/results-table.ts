import type { BenchmarkMeta } from "../../lab/benchmark-meta.ts";
import type { ResultSource } from "../../lab/result-source.ts";
import { baselineOf } from "../../lab/results.ts";
import { gflops, ms, ratio } from "./format.ts";
import { cell } from "../table-cell.ts";

/** GB/s, to the same precision as GFLOP/s. */
const gbps = gflops;

/** A cell of a text column (source, case, variant): aligned left, where the numbers align right. */
function textCell(tag: "td" | "th", text: string, title?: string): HTMLTableCellElement {
  return cell(tag, text, { title, className: "ec-text" });
}

/** A variant by its label; one the benchmark does not declare (a native run's) by its id, kept on one line. */
function variantCell(label: string | undefined, id: string): HTMLTableCellElement {
  const el = textCell("td", label ?? id, id);
  if (label === undefined) el.classList.add("ec-id");
  return el;
}

const TEXT_COLUMNS = new Set(["Source", "Case", "Variant"]);

/**
 * The results as a table: one row per source × case × variant × thread count, with the speedup
 * against the baseline of the same source ("—" when that source measured none). A Source column
 * appears once anything is imported; the live run comes first. Built with textContent only, so no
 * value is ever parsed as HTML.
 */
export function renderResultsTable(bench: Pick<BenchmarkMeta, "variants">, sources: readonly ResultSource[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "ec-results";
  const showSource = sources.some((s) => s.imported);
  // A GB/s column only for benchmarks with a byte model (memory traffic), e.g. the STREAM triad.
  const showGbps = sources.some((s) => s.results.some((r) => r.gbps !== undefined));
  const head = table.createTHead().insertRow();
  // What a reader compares comes first (time, speedup, correct); the spread and rates after, where
  // a narrow page scrolls them.
  for (const h of [
    ...(showSource ? ["Source"] : []),
    "Case",
    "Variant",
    "Threads",
    "Median (ms)",
    "Speedup",
    "Correct",
    "IQR (ms)",
    "n",
    "GFLOP/s",
    ...(showGbps ? ["GB/s"] : []),
  ]) {
    const th = (TEXT_COLUMNS.has(h) ? textCell : cell)("th", h);
    th.scope = "col";
    head.append(th);
  }
  for (const source of sources) {
    // One row group per source; its Source cell spans the group, so a long label is written once.
    const body = table.createTBody();
    if (source.imported) body.className = "ec-imported";
    for (const [i, r] of source.results.entries()) {
      const row = body.insertRow();
      const variant = bench.variants.find((v) => v.id === r.variant);
      const base = source.baseline === undefined ? undefined : baselineOf(source.results, r, source.baseline);
      if (showSource && i === 0) {
        const group = textCell("th", source.label);
        group.scope = "rowgroup";
        group.rowSpan = source.results.length;
        group.classList.add("ec-source");
        row.append(group);
      }
      // One case header per run of rows on the same case (results arrive grouped by case).
      if (source.results[i - 1]?.case !== r.case) {
        const th = textCell("th", r.case);
        th.scope = "row";
        th.classList.add("ec-case");
        const end = source.results.findIndex((o, j) => j > i && o.case !== r.case);
        th.rowSpan = (end < 0 ? source.results.length : end) - i;
        row.append(th);
      }
      row.append(
        variantCell(variant?.label, r.variant),
        cell("td", String(r.threads)),
        cell("td", ms(r.median) + (r.noisy ? " ⚠" : ""), {
          title: r.noisy ? `noisy run: CV ${(r.cv * 100).toFixed(0)}%` : `95% CI ${ms(r.ci95[0])}–${ms(r.ci95[1])}`,
        }),
        cell("td", base && r.median > 0 ? ratio(base.median / r.median) : "—"),
        cell("td", r.correctness.ok ? "✓" : "✗", {
          title: `max error ${r.correctness.maxError.toExponential(2)} (tolerance ${r.correctness.tolerance.toExponential(2)})`,
        }),
        cell("td", ms(r.iqr)),
        cell("td", String(r.n)),
        cell("td", gflops(r.gflops)),
        ...(showGbps ? [cell("td", gbps(r.gbps))] : []),
      );
      if (!r.correctness.ok) row.classList.add("ec-wrong");
    }
  }
  return table;
}
