import type { Comparison } from "../../lab/compare.ts";
import { cell } from "../table-cell.ts";

const x = (v: number) => (Number.isFinite(v) ? `${v >= 10 ? v.toFixed(1) : v.toFixed(2)}×` : "∞");

/**
 * The comparison as a table: per case, variant and threads, the second source's speedup over the
 * first (ratio of median times), its 95% CI and the verdict, with a note on how the CI was found.
 */
export function renderComparison(
  variantLabel: (id: string) => string,
  rows: readonly Comparison[],
  first: string,
  second: string,
): HTMLElement[] {
  const caption = document.createElement("p");
  if (rows.length === 0) {
    caption.textContent = `${first} and ${second} share no measurement (same case, variant and threads) to compare.`;
    return [caption];
  }
  caption.textContent = `Second (${second}) against first (${first}): the first's median time over the second's, so above 1× the second is faster.`;
  const table = document.createElement("table");
  table.className = "ec-comparison";
  const head = table.createTHead().insertRow();
  for (const h of ["Case", "Variant", "Threads", "Ratio", "95% CI", "Verdict"]) head.append(cell("th", h, { scope: "col" }));
  const body = table.createTBody();
  for (const c of rows) {
    const row = body.insertRow();
    row.dataset.verdict = c.verdict;
    row.append(
      cell("td", c.case, { className: "ec-text" }),
      cell("td", variantLabel(c.variant), { className: "ec-text", title: c.variant }),
      cell("td", String(c.threads)),
      cell("td", x(c.ratio)),
      cell("td", `${x(c.ci95[0])}–${x(c.ci95[1])}${c.method === "ci" ? " *" : ""}`),
      cell("td", c.verdict, { className: "ec-text" }),
    );
  }
  const notes = [caption, table];
  if (rows.some((c) => c.method === "ci")) {
    const note = document.createElement("p");
    note.textContent =
      "* One source has no samples (a link drops them when they would not fit), so this interval is bounded by the two medians' own 95% CIs — wider than a bootstrap, so a difference must be larger to count.";
    notes.push(note);
  } else {
    const note = document.createElement("p");
    note.textContent = "The 95% CIs come from 2000 bootstrap resamples of both runs' stored samples.";
    notes.push(note);
  }
  return notes;
}
