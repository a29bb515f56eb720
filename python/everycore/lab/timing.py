"""How a variant is timed, as the site's ``timing.ts`` does it.

Warm up until two successive calls agree (caches, lazy initialisation and BLAS's thread pool are
then settled), calibrate how many calls make one sample last well above the clock's step, then
take samples until both a minimum count and a time budget are reached.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TimingPlan:
    min_samples: int    # always taken, however long they last
    max_samples: int    # never exceeded
    budget_ms: float    # stop adding samples once this much time was spent (after min_samples)
    warmup_ms: float    # warm-up ends when steady or after this long
    min_sample_ms: float  # one sample lasts at least this long (many calls for fast kernels)


# The site's plans, so native and browser samples mean the same thing.
FULL_PLAN = TimingPlan(min_samples=10, max_samples=200, budget_ms=1500, warmup_ms=500,
                       min_sample_ms=20)
QUICK_PLAN = TimingPlan(min_samples=5, max_samples=50, budget_ms=250, warmup_ms=150,
                        min_sample_ms=10)

# Two successive warm-up calls within this fraction of each other count as steady.
STEADY = 0.05


def now_ms() -> float:
    """perf_counter: monotonic and high resolution, unlike time.time (coarse, and it can jump)."""
    return time.perf_counter() * 1e3


def _warm_up(run: Callable[[], object], plan: TimingPlan, clock: Callable[[], float]) -> float:
    """Calls ``run`` until two calls take the same time, or the warm-up time is spent; returns
    the last call's duration in ms."""
    start = clock()
    previous = None  # the first call is never "steady"
    while True:
        t0 = clock()
        run()
        elapsed = clock() - t0
        steady = previous is not None and abs(elapsed - previous) <= STEADY * previous
        if steady or clock() - start >= plan.warmup_ms:
            return elapsed
        previous = elapsed


def measure(run: Callable[[], object], plan: TimingPlan,
            clock: Callable[[], float] = now_ms) -> list[float]:
    """Times ``run`` and returns milliseconds per call, one entry per sample."""
    per_call = _warm_up(run, plan, clock)
    reps = max(1, math.ceil(plan.min_sample_ms / max(per_call, 1e-3)))
    samples: list[float] = []
    start = clock()
    while len(samples) < plan.min_samples or (
            len(samples) < plan.max_samples and clock() - start < plan.budget_ms):
        t0 = clock()
        for _ in range(reps):
            run()
        samples.append((clock() - t0) / reps)
    return samples


def timer_resolution_ms(spins: int = 200) -> float:
    """The smallest step perf_counter takes here, found by spinning until it changes (3 digits)."""
    best = float("inf")
    for _ in range(spins):
        t0 = time.perf_counter()
        t1 = t0
        while t1 == t0:
            t1 = time.perf_counter()
        best = min(best, t1 - t0)
    return float(f"{best * 1e3:.3g}")
