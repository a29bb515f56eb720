import type { Comparison, Verdict } from "../../lab/compare.ts";
import { formatNumber } from "../../lab/i18n/format.ts";
import { pageLocale } from "../../lab/i18n/locale.ts";
import { pageMessages } from "../i18n/messages.ts";
import { cell } from "../table-cell.ts";

const x = (v: number) => (Number.isFinite(v) ? `${formatNumber(pageLocale(), v, v >= 10 ? 1 : 2)}×` : "∞");

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
  const t = pageMessages();
  const verdicts: Record<Verdict, string> = {
    faster: t.verdictFaster,
    slower: t.verdictSlower,
    "no significant difference": t.verdictSame,
  };
  const caption = document.createElement("p");
  if (rows.length === 0) {
    caption.textContent = t.nothingToCompare(first, second);
    return [caption];
  }
  caption.textContent = t.compareCaption(first, second);
  const table = document.createElement("table");
  table.className = "ec-comparison";
  const head = table.createTHead().insertRow();
  for (const h of [t.colCase, t.colVariant, t.colThreads, t.colRatio, t.colCi95, t.colVerdict])
    head.append(cell("th", h, { scope: "col" }));
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
      cell("td", verdicts[c.verdict], { className: "ec-text" }),
    );
  }
  const notes = [caption, table];
  if (rows.some((c) => c.method === "ci")) {
    const note = document.createElement("p");
    note.textContent = t.ciFromMedians;
    notes.push(note);
  } else {
    const note = document.createElement("p");
    note.textContent = t.ciFromBootstrap;
    notes.push(note);
  }
  return notes;
}
