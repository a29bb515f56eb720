"""float32 vs float64 in numpy: half the bytes, twice the SIMD lanes, and about 7 digits instead
of 16.

``precision_errors`` shows the accuracy side on the same data in both types; ``time_dot`` the
speed side (run it on your machine; the site measures the compiled kernels in your browser).

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import math
import time

import numpy as np

__all__ = ["precision_errors", "time_dot"]


def _check_length(n) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be an integer >= 1, got {n!r}")
    return n


# [start:precision_errors]
def precision_errors(n: int, seed: int = 0) -> dict[str, float]:
    """Relative error of a dot product of n values in [-1, 1) and of a running (cumulative) sum,
    computed in float32 and in float64, against the exact result (math.fsum of float64 products,
    which are exact for float32 inputs)."""
    rng = np.random.default_rng(seed)
    a = rng.uniform(-1, 1, _check_length(n)).astype(np.float32)
    b = rng.uniform(-1, 1, n).astype(np.float32)
    products = a.astype(np.float64) * b          # exact: 24 + 24 bits fit in 53
    exact_dot = math.fsum(products)
    exact_total = math.fsum(a.astype(np.float64))
    errors = {}
    for dtype in (np.float32, np.float64):
        x, y = a.astype(dtype), b.astype(dtype)
        name = np.dtype(dtype).name
        errors[f"dot {name}"] = abs(float(np.dot(x, y)) - exact_dot) / abs(exact_dot)
        # cumsum adds one value at a time, as a loop would: no pairwise summation to help.
        errors[f"running sum {name}"] = abs(float(np.cumsum(x)[-1]) - exact_total) / abs(exact_total)
    return errors
# [end:precision_errors]


# [start:time_dot]
def time_dot(n: int = 1 << 24, repeats: int = 5) -> dict[str, float]:
    """Best time of np.dot on two n-element vectors, in seconds, per dtype. At the default
    (64 MiB per float32 vector) both types stream from main memory: float32 moves half the bytes."""
    times = {}
    for dtype in (np.float32, np.float64):
        x = np.ones(_check_length(n), dtype)
        y = np.ones(n, dtype)
        best = math.inf
        for _ in range(repeats):
            start = time.perf_counter()
            np.dot(x, y)
            best = min(best, time.perf_counter() - start)
        times[np.dtype(dtype).name] = best
    return times
# [end:time_dot]
