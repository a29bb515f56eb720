"""Results as JSON in the site's schema, "every-core/results/v1" (``src/lab/results.ts``).

A native file differs from a browser's only in its ``env``: no WebAssembly or isolation, the
BLAS library as ``kernelIsa``, and an added ``env.native`` object (CPU, cores, Python, numpy,
BLAS and the thread variables).
"""

from __future__ import annotations

import math

from everycore.lab.stats import summarize

RESULTS_SCHEMA = "every-core/results/v1"


def result_record(*, bench: str, case: str, variant: str, params, threads: int,
                  samples: list[float], flops: float, max_error: float,
                  tolerance: float) -> dict:
    """One ResultV1: a variant on a case at a thread count, its samples summarised and checked."""
    stats = summarize(samples)
    return {
        "bench": bench,
        "case": case,
        "variant": variant,
        "params": dict(params),
        "threads": threads,
        "samples": list(samples),
        "n": stats.n,
        "median": stats.median,
        "iqr": stats.iqr,
        "min": stats.min,
        "ci95": list(stats.ci95),
        "cv": stats.cv,
        "noisy": stats.noisy,
        "gflops": flops / (stats.median * 1e6),
        "correctness": {
            "ok": max_error <= tolerance,
            # JSON has no Infinity; the site reads null with ok=false as "output unusable".
            "maxError": max_error if math.isfinite(max_error) else None,
            "tolerance": tolerance,
        },
    }


def results_document(env: dict, results: list[dict], skipped: list[dict],
                     baselines: dict[str, str]) -> dict:
    """The whole file. ``claims`` stays empty: the site checks its claims itself. ``baselines``
    names each benchmark's baseline variant; only those with results are written (the site
    refuses a baseline the file did not measure)."""
    measured = {(r["bench"], r["variant"]) for r in results}
    return {"schema": RESULTS_SCHEMA, "env": env, "results": results, "claims": [],
            "skipped": skipped,
            "baselines": {bench: variant for bench, variant in baselines.items()
                          if (bench, variant) in measured}}
