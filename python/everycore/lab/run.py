"""Runs a benchmark: every variant on every case at its thread counts, timed and checked."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field

import numpy as np

from everycore.blas_threads import blas_thread_limit, can_limit_blas_threads
from everycore.lab.benchmark import Benchmark, Threading, Variant
from everycore.lab.results import result_record
from everycore.lab.timing import FULL_PLAN, QUICK_PLAN, measure
from everycore.pools import usable_cpus


def blas_threads_from_env(env: dict) -> int | None:
    """The thread count a BLAS library would read from the thread variables, if one is set.
    A guess for when threadpoolctl cannot ask the library: library-specific variables first."""
    for name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
                 "OMP_NUM_THREADS"):
        value = (env.get(name) or "").strip()
        if value.isdigit() and int(value) >= 1:
            return int(value)
    return None


def thread_counts(cap: int) -> list[int]:
    """1, 2, 4… below ``cap``, then ``cap``: enough points for a speedup curve on 2 or 64 cores."""
    counts = []
    t = 1
    while t < cap:
        counts.append(t)
        t *= 2
    return counts + [cap]


@dataclass(frozen=True)
class ThreadControl:
    """What this process can do about threads: the cap the user chose, whether threadpoolctl can
    set BLAS's thread count, and the count BLAS uses when it cannot."""

    cap: int
    can_limit_blas: bool
    blas_default: int

    def counts(self, variant: Variant) -> list[int]:
        """Thread (or process) counts a variant is timed at: 1, 2, 4… and the cap, as the site
        times its parallel variants (threadCounts in src/lab/benchmark.ts)."""
        if variant.threading in (Threading.PROCESSES, Threading.THREADS):
            return thread_counts(self.cap)
        if variant.threading is Threading.BLAS:
            return thread_counts(self.cap) if self.can_limit_blas else [self.blas_default]
        return [1]

    @classmethod
    def detect(cls, cap: int, blas: dict) -> ThreadControl:
        """From ``--threads`` and profiling.check_numpy_threads()'s answer."""
        default = blas["threads"] or blas_threads_from_env(blas["env"]) or usable_cpus()
        return cls(cap=cap, can_limit_blas=can_limit_blas_threads(), blas_default=default)

    def one_blas_thread(self) -> AbstractContextManager:
        return blas_thread_limit(1) if self.can_limit_blas else nullcontext()

    def blas_limit(self, variant: Variant, threads: int) -> AbstractContextManager:
        """BLAS limited to the variant's threads here (a pool's workers limit their own)."""
        if variant.threading is Threading.PROCESSES or not self.can_limit_blas:
            return nullcontext()
        if variant.threading is Threading.BLAS:
            return blas_thread_limit(threads)
        return self.one_blas_thread()


@dataclass
class BenchRun:
    results: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)


def max_abs_diff(a: np.ndarray, b: np.ndarray) -> float:
    """Largest |a - b|; a shape mismatch or a NaN counts as infinitely wrong."""
    if a.shape != b.shape:
        return float("inf")
    diff = float(np.max(np.abs(a.astype(np.float64) - b.astype(np.float64)), initial=0.0))
    return diff if diff == diff else float("inf")


def run_benchmark(bench: Benchmark, *, quick: bool, threads: ThreadControl,
                  report: Callable[[dict], None] = lambda result: None) -> BenchRun:
    """Times every variant of ``bench`` on every case; ``report`` sees each result as it comes."""
    plan = QUICK_PLAN if quick else FULL_PLAN
    run = BenchRun()
    for case in bench.cases:
        todo = []
        for variant in bench.variants:
            reason = variant.skip(case.params, quick)
            if reason:
                run.skipped.append({"variant": variant.id, "case": case.label, "reason": reason})
            else:
                todo.append(variant)
        if not todo:
            continue
        inputs = bench.input(case.params, bench.seed)
        with threads.one_blas_thread():
            reference = bench.reference(case.params, inputs)
        for variant in todo:
            for count in threads.counts(variant):
                with threads.blas_limit(variant, count), \
                        variant.prepare(case.params, inputs, count) as call:
                    samples = measure(call, plan)
                    output = call()
                result = result_record(
                    bench=bench.id, case=case.label, variant=variant.id, params=case.params,
                    threads=count, samples=samples, flops=bench.flops(case.params),
                    max_error=max_abs_diff(output, reference),
                    tolerance=bench.tolerance(case.params))
                run.results.append(result)
                report(result)
    return run
