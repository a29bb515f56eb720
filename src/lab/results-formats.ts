import { baselineOf, type ResultsV1 } from "./results.ts";

/**
 * The results document as text a reader pastes elsewhere: Markdown, CSV and LaTeX (booktabs).
 * python/everycore/lab/formats.py renders the same document to the same bytes (a test compares
 * them), so numbers go through JavaScript's own formatting, which the Python side reproduces.
 */

/** `x` to `digits` significant digits, then JavaScript's shortest form ("0.2", "1.5e-7"). */
const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : "—");

/** An error in exponent form, "5.0e-1"; "∞" when the output was unusable (NaN, ∞, or absent). */
const expo = (x: number | null) => (x !== null && Number.isFinite(x) ? x.toExponential(1) : "∞");

/** The results table every text format shares: one row per measured variant. */
export interface ResultsTable {
  /** Where and when it was measured, in one line. */
  env: string;
  head: string[];
  /** "l" for text, "r" for numbers. */
  align: ("l" | "r")[];
  rows: string[][];
  /** One line per claim the run checked. */
  claims: string[];
}

export function resultsTable(doc: ResultsV1): ResultsTable {
  const baselines = doc.baselines ?? {};
  const withGbps = doc.results.some((r) => r.gbps !== undefined);
  const head = [
    "bench",
    "case",
    "variant",
    "threads",
    "median ms",
    "IQR ms",
    "n",
    "GFLOP/s",
    ...(withGbps ? ["GB/s"] : []),
    "speedup",
    "correct",
  ];
  const align = head.map((h) => (["bench", "case", "variant", "correct"].includes(h) ? "l" : "r") as "l" | "r");
  const rows = doc.results.map((r) => {
    const base = baselineOf(doc.results, r, baselines[r.bench] ?? "");
    const ok = r.correctness.ok ? "yes" : `NO (err ${expo(r.correctness.maxError)})`;
    return [
      r.bench,
      r.case,
      r.variant,
      String(r.threads),
      fmt(r.median),
      fmt(r.iqr, 2),
      String(r.n),
      r.gflops === undefined ? "—" : fmt(r.gflops),
      ...(withGbps ? [r.gbps === undefined ? "—" : fmt(r.gbps)] : []),
      base ? `${fmt(base.median / r.median)}×` : "—",
      `${ok}${r.noisy ? " (noisy)" : ""}`,
    ];
  });
  const e = doc.env;
  const env = `${e.date} · ${e.hardwareConcurrency} threads · isolated: ${e.crossOriginIsolated} · timer ${e.timerResolutionMs} ms · ${e.kernelIsa} · ${e.userAgent}`;
  const claims = doc.claims.map((c) => {
    const again =
      c.firstRatio === undefined ? "" : `${fmt(c.firstRatio)}×, then after a pause${c.by === "fastest" ? " (fastest runs)" : ""} `;
    const measured = c.ratio === undefined ? "" : ` (measured ${again}${fmt(c.ratio)}×, needs ≥ ${c.required}×)`;
    return `${c.id}: ${c.status}${measured}${c.reason ? ` — ${c.reason}` : ""}`;
  });
  return { env, head, align, rows, claims };
}

/** A Markdown table, speedups against each bench's baseline, the environment above, claims below. */
export function toMarkdown(doc: ResultsV1): string {
  const t = resultsTable(doc);
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const rule = line(t.align.map((a) => (a === "r" ? "---:" : "---")));
  const claims = t.claims.length ? ["Claims:", ...t.claims.map((c) => `- ${c}`), ""] : [];
  return [t.env, "", line(t.head), rule, ...t.rows.map(line), "", ...claims].join("\n");
}

/** CSV with one row per measurement, every figure unrounded, for spreadsheets. */
export function toCsv(doc: ResultsV1): string {
  const head = "bench,case,variant,threads,median_ms,iqr_ms,min_ms,n,gflops,correct,max_error";
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const rows = doc.results.map((r) =>
    [
      quote(r.bench),
      quote(r.case),
      quote(r.variant),
      r.threads,
      r.median,
      r.iqr,
      r.min,
      r.n,
      r.gflops ?? "",
      r.correctness.ok,
      r.correctness.maxError,
    ].join(","),
  );
  return [head, ...rows].join("\n") + "\n";
}

/** Characters LaTeX reads as commands, and the symbols case labels use, as text-mode LaTeX. */
const LATEX: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  "×": "\\texttimes{}",
  "→": "\\textrightarrow{}",
  "²": "\\textsuperscript{2}",
  "³": "\\textsuperscript{3}",
  "≥": "\\ensuremath{\\geq}",
  "≤": "\\ensuremath{\\leq}",
  µ: "\\textmu{}",
  "·": "\\textperiodcentered{}",
  "—": "---",
  "–": "--",
  "…": "\\dots{}",
  "∞": "\\ensuremath{\\infty}",
};

export const latexText = (s: string) => Array.from(s, (ch) => LATEX[ch] ?? ch).join("");

/** A booktabs table (needs \usepackage{booktabs}) with the environment as its note. */
export function toLatex(doc: ResultsV1): string {
  const t = resultsTable(doc);
  const row = (cells: string[]) => `    ${cells.map(latexText).join(" & ")} \\\\`;
  return [
    "\\begin{table}[htbp]",
    "  \\centering",
    `  \\begin{tabular}{${t.align.join("")}}`,
    "    \\toprule",
    row(t.head),
    "    \\midrule",
    ...t.rows.map(row),
    "    \\bottomrule",
    "  \\end{tabular}",
    "  \\par\\smallskip",
    `  {\\footnotesize Measured with Every Core: ${latexText(t.env)}.}`,
    "\\end{table}",
    "",
  ].join("\n");
}
