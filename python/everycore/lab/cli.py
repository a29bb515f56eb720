"""``python -m everycore bench [--filter ID] [--threads N] [--quick] [--out FILE] [--format F,…]``

Runs the native benchmarks and writes results JSON in the site's schema; drop the file on a
chapter's results table ("Import JSON") to see this machine next to the browser's run.
``python -m everycore list [--json]`` names the benchmarks, their cases and variants.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from everycore.lab.formats import FORMATS, render
from everycore.lab.machine import capture_env
from everycore.lab.registry import BENCHMARKS, select
from everycore.lab.results import results_document
from everycore.lab.run import ThreadControl, run_benchmark
from everycore.pools import usable_cpus
from everycore.profiling import check_numpy_threads

# More threads than CPUs is allowed (oversubscribed: correct, not faster), as on the site.
MAX_THREADS = 256


def _threads(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
    if not 1 <= value <= MAX_THREADS:
        raise argparse.ArgumentTypeError(f"{value} is not between 1 and {MAX_THREADS}")
    return value


def _formats(text: str) -> tuple[str, ...]:
    known = ("json", *FORMATS)
    chosen = tuple(dict.fromkeys(f.strip() for f in text.split(",")))
    unknown = [f for f in chosen if f not in known]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown) or text!r} "
                                         f"(known: {', '.join(known)})")
    return chosen


def build_parser() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The program's parser and its ``bench`` subcommand's (which reports bad bench options)."""
    parser = argparse.ArgumentParser(
        prog="python -m everycore",
        description="The Python companion of Every Core. Commands: bench, list.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    known = ", ".join(b.id for b in BENCHMARKS)
    bench = commands.add_parser(
        "bench", help="run the native benchmarks and write results JSON",
        description="Time the site's benchmarks with CPython and numpy on this machine and "
                    "write results JSON (schema every-core/results/v1).")
    bench.add_argument("--filter", metavar="ID",
                       help="run only the benchmark with this id, or if none has it, every one "
                            f"whose id contains ID (known: {known})")
    bench.add_argument("--threads", type=_threads, metavar="N",
                       help="most threads BLAS and process pools may use "
                            f"(default: the {usable_cpus()} CPUs this process may use; up to "
                            f"{MAX_THREADS}, oversubscribed past them); BLAS needs threadpoolctl")
    bench.add_argument("--quick", action="store_true",
                       help="fewer, shorter samples, and no nested loops on the 128x128 case")
    bench.add_argument("--out", metavar="FILE", default="results.json",
                       help="where to write the results (default: results.json)")
    bench.add_argument("--format", type=_formats, default=("json",), metavar="F,…",
                       help="what to write: json, csv, md, tex, comma-separated (default: json); "
                            "each beside --out with its own extension, as the site renders it")
    listing = commands.add_parser(
        "list", help="name the benchmarks, their cases and variants",
        description="Name the native benchmarks with their cases and variants.")
    listing.add_argument("--json", action="store_true",
                         help="as JSON: id, title, seed, cases (label, params), variant ids "
                              "and the baseline variant")
    return parser, bench


def _declarations() -> list[dict]:
    """What a native benchmark shares with the site's declaration of the same id."""
    return [{"id": b.id, "title": b.title, "seed": b.seed,
             "cases": [{"label": c.label, "params": dict(c.params)} for c in b.cases],
             "variants": [v.id for v in b.variants], "baseline": b.baseline} for b in BENCHMARKS]


def _list(as_json: bool) -> int:
    if as_json:
        print(json.dumps(_declarations(), indent=2, ensure_ascii=False))
        return 0
    for b in BENCHMARKS:
        print(f"{b.id}: {b.title}")
        print(f"  cases:    {', '.join(c.label for c in b.cases)}")
        print(f"  variants: {', '.join(v.id for v in b.variants)} (baseline: {b.baseline})")
    return 0


def _line(result: dict) -> str:
    ok = "ok" if result["correctness"]["ok"] else "WRONG"
    return (f"  {result['case']:<22} {result['variant']:<32} {result['threads']:>3} thr "
            f"{result['median']:>11.3f} ms  IQR {result['iqr']:8.3f}  "
            f"{result['gflops']:8.3f} GFLOP/s  {ok}")


def main(argv: list[str] | None = None) -> int:
    parser, bench_parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "list":
        return _list(args.json)
    benches = select(args.filter)
    if not benches:
        bench_parser.error(f"argument --filter: no benchmark id contains {args.filter!r} "
                           f"(known: {', '.join(b.id for b in BENCHMARKS)})")
    out = Path(args.out)
    if not out.resolve().parent.is_dir():
        folder = str(out.resolve().parent)
        bench_parser.error(f"argument --out: the folder {folder!r} does not exist")

    blas = check_numpy_threads()
    if blas["note"]:
        print(f"note: {blas['note']}", file=sys.stderr)
    cpus = usable_cpus()
    if args.threads and args.threads > cpus:
        print(f"note: {args.threads} threads on {cpus} usable CPUs: oversubscribed, so the "
              "results show correctness and overhead, not the speed of more cores", file=sys.stderr)
    threads = ThreadControl.detect(args.threads or cpus, blas)
    env = capture_env(quick=args.quick, blas=blas)
    results, skipped = [], []
    for bench in benches:
        print(f"{bench.id}: {bench.title} ({'quick' if args.quick else 'full'} run, "
              f"up to {threads.cap} threads, BLAS: {env['kernelIsa']})", flush=True)
        run = run_benchmark(bench, quick=args.quick, threads=threads,
                            report=lambda r: print(_line(r), flush=True))
        results += run.results
        skipped += run.skipped
        for s in run.skipped:
            print(f"  {s['case']:<22} {s['variant']:<32} skipped: {s['reason']}")

    doc = results_document(env, results, skipped, {b.id: b.baseline for b in benches})
    for fmt in args.format:
        path = out.with_suffix(f".{fmt}")
        text = json.dumps(doc, indent=2, allow_nan=False) + "\n" if fmt == "json" else render(doc, fmt)
        path.write_text(text, encoding="utf-8")
        print(f"Wrote {path}")
    if any(not r["correctness"]["ok"] for r in results):
        print("Some results were NOT correct.", file=sys.stderr)
        return 1
    return 0
