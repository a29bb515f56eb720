"""The results document as Markdown, CSV and LaTeX, byte for byte as the site renders it.

``src/lab/results-formats.ts`` renders the same document; a test holds the two to the same bytes.
Numbers therefore follow JavaScript's formatting: ``Number.prototype.toString`` (the shortest
digits that read back as the same double, with JavaScript's switch to exponent form),
``toPrecision`` and ``toExponential`` (which round half away from zero on the exact value).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["js_number", "results_table", "to_markdown", "to_csv", "to_latex", "FORMATS", "render"]


def js_number(x: float) -> str:
    """``String(x)`` in JavaScript."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    mantissa, _, exponent = repr(abs(float(x))).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    n = len(whole) + int(exponent or 0) - (len(whole + fraction) - len(digits))
    digits = digits.rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = f"{digits[:n]}.{digits[n:]}"
    elif -6 < n <= 0:
        text = "0." + "0" * -n + digits
    else:
        e = n - 1
        text = digits[0] + (f".{digits[1:]}" if k > 1 else "") + f"e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + text


def _significant(x: float, digits: int) -> Decimal:
    """The exact value of ``x`` rounded to ``digits`` significant digits, half away from zero."""
    exact = Decimal(x)
    return exact.quantize(Decimal(1).scaleb(exact.adjusted() - digits + 1), rounding=ROUND_HALF_UP)


def _fmt(x: float | None, digits: int = 3) -> str:
    """``Number(x.toPrecision(digits)).toString()``; "—" when not finite."""
    if x is None or not math.isfinite(x):
        return "—"
    return "0" if x == 0 else js_number(float(_significant(x, digits)))


def _expo(x: float | None) -> str:
    """``x.toExponential(1)``; "∞" for an unusable output."""
    if x is None or not math.isfinite(x):
        return "∞"
    if x == 0:
        return "0.0e+0"
    rounded = _significant(x, 2)
    sign, digits, _ = rounded.as_tuple()
    digits = (digits + (0, 0))[:2]
    e = rounded.adjusted()
    return f"{'-' if sign else ''}{digits[0]}.{digits[1]}e{'+' if e >= 0 else '-'}{abs(e)}"


def _baseline_of(results: list[dict], r: dict, baseline: str) -> dict | None:
    return next((b for b in results if b["bench"] == r["bench"] and b["case"] == r["case"]
                 and b["variant"] == baseline and b["threads"] == 1), None)


def results_table(doc: dict) -> dict:
    """env line, head, align ("l"/"r" per column), rows and claim lines: what every format shows."""
    baselines = doc.get("baselines") or {}
    results = doc["results"]
    with_gbps = any(r.get("gbps") is not None for r in results)
    head = ["bench", "case", "variant", "threads", "median ms", "IQR ms", "n", "GFLOP/s",
            *(["GB/s"] if with_gbps else []), "speedup", "correct"]
    align = ["l" if h in ("bench", "case", "variant", "correct") else "r" for h in head]
    rows = []
    for r in results:
        base = _baseline_of(results, r, baselines.get(r["bench"], ""))
        ok = "yes" if r["correctness"]["ok"] else f"NO (err {_expo(r['correctness']['maxError'])})"
        rows.append([
            r["bench"], r["case"], r["variant"], js_number(r["threads"]), _fmt(r["median"]),
            _fmt(r["iqr"], 2), js_number(r["n"]),
            "—" if r.get("gflops") is None else _fmt(r["gflops"]),
            *([("—" if r.get("gbps") is None else _fmt(r["gbps"]))] if with_gbps else []),
            f"{_fmt(base['median'] / r['median'])}×" if base else "—",
            ok + (" (noisy)" if r["noisy"] else ""),
        ])
    e = doc["env"]
    env = (f"{e['date']} · {js_number(e['hardwareConcurrency'])} threads · isolated: "
           f"{js_number(e['crossOriginIsolated'])} · timer {js_number(e['timerResolutionMs'])} ms · "
           f"{e['kernelIsa']} · {e['userAgent']}")
    claims = []
    for c in doc["claims"]:
        fastest = " (fastest runs)" if c.get("by") == "fastest" else ""
        again = "" if c.get("firstRatio") is None else f"{_fmt(c['firstRatio'])}×, then after a pause{fastest} "
        measured = ("" if c.get("ratio") is None else
                    f" (measured {again}{_fmt(c['ratio'])}×, needs ≥ {js_number(c['required'])}×)")
        claims.append(f"{c['id']}: {c['status']}{measured}" + (f" — {c['reason']}" if c.get("reason") else ""))
    return {"env": env, "head": head, "align": align, "rows": rows, "claims": claims}


def to_markdown(doc: dict) -> str:
    t = results_table(doc)

    def line(cells):
        return f"| {' | '.join(cells)} |"

    rule = line(["---:" if a == "r" else "---" for a in t["align"]])
    claims = ["Claims:", *(f"- {c}" for c in t["claims"]), ""] if t["claims"] else []
    return "\n".join([t["env"], "", line(t["head"]), rule, *map(line, t["rows"]), "", *claims])


def to_csv(doc: dict) -> str:
    def quote(s):
        return '"' + s.replace('"', '""') + '"'

    def cell(x):
        return "" if x is None else js_number(x)

    rows = [",".join([quote(r["bench"]), quote(r["case"]), quote(r["variant"]), cell(r["threads"]),
                      cell(r["median"]), cell(r["iqr"]), cell(r["min"]), cell(r["n"]),
                      cell(r.get("gflops")), cell(r["correctness"]["ok"]),
                      cell(r["correctness"]["maxError"])])
            for r in doc["results"]]
    head = "bench,case,variant,threads,median_ms,iqr_ms,min_ms,n,gflops,correct,max_error"
    return "\n".join([head, *rows]) + "\n"


_LATEX = {
    "\\": "\\textbackslash{}", "&": "\\&", "%": "\\%", "$": "\\$", "#": "\\#", "_": "\\_",
    "{": "\\{", "}": "\\}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}",
    "×": "\\texttimes{}", "→": "\\textrightarrow{}", "²": "\\textsuperscript{2}",
    "³": "\\textsuperscript{3}", "≥": "\\ensuremath{\\geq}", "≤": "\\ensuremath{\\leq}",
    "µ": "\\textmu{}", "·": "\\textperiodcentered{}", "—": "---", "–": "--", "…": "\\dots{}",
    "∞": "\\ensuremath{\\infty}",
}


def latex_text(s: str) -> str:
    return "".join(_LATEX.get(ch, ch) for ch in s)


def to_latex(doc: dict) -> str:
    """A booktabs table (needs \\usepackage{booktabs}) with the environment as its note."""
    t = results_table(doc)

    def row(cells):
        return "    " + " & ".join(map(latex_text, cells)) + " \\\\"

    return "\n".join([
        "\\begin{table}[htbp]",
        "  \\centering",
        f"  \\begin{{tabular}}{{{''.join(t['align'])}}}",
        "    \\toprule",
        row(t["head"]),
        "    \\midrule",
        *map(row, t["rows"]),
        "    \\bottomrule",
        "  \\end{tabular}",
        "  \\par\\smallskip",
        f"  {{\\footnotesize Measured with Every Core: {latex_text(t['env'])}.}}",
        "\\end{table}",
        "",
    ])


FORMATS = {"md": to_markdown, "csv": to_csv, "tex": to_latex}


def render(doc: dict, fmt: str) -> str:
    """The document in ``fmt`` ("md", "csv" or "tex")."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    return FORMATS[fmt](doc)
