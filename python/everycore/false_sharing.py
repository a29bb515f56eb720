"""False sharing: threads that write to different variables on the same 64-byte cache line.

A core may only write a line it holds exclusively, so when two cores write neighbouring counters
the line moves back and forth between their caches on every write, and the threads run in turn
however many cores there are. Nothing is shared in the program; the hardware shares the line.

Three ways to count positive values with Numba's parallel loop, each thread keeping its own count:

- ``count_positive_adjacent``: the counts side by side in one array (8 bytes apart): false sharing;
- ``count_positive_padded``: the counts 128 bytes apart (a line, and the next one, which some
  prefetchers fetch in pairs): no sharing, same code;
- ``count_positive_local``: each thread counts in a local variable and writes once at the end,
  the usual cure, which also lets the compiler keep the count in a register.

All three return the same count. Numba is an optional extra: ``pip install "./python[numba]"``.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import time
from functools import cache

import numpy as np

__all__ = ["count_positive_adjacent", "count_positive_padded", "count_positive_local",
           "time_false_sharing"]

# int64 counters per 128 bytes: two cache lines of 64 bytes.
PADDING = 128 // np.dtype(np.int64).itemsize


@cache
def _kernels():
    from numba import njit, prange

    # [start:strided_counts]
    @njit(parallel=True, cache=False)
    def strided_counts(values, parts, stride):
        """Part p counts the positive values of its slice of ``values`` in counts[p·stride]."""
        counts = np.zeros(parts * stride, np.int64)
        size = (values.size + parts - 1) // parts
        for p in prange(parts):
            for i in range(p * size, min(values.size, (p + 1) * size)):
                if values[i] > 0:
                    counts[p * stride] += 1        # a write to memory at every step
        return counts[::stride].sum()
    # [end:strided_counts]

    # [start:local_counts]
    @njit(parallel=True, cache=False)
    def local_counts(values, parts):
        counts = np.zeros(parts, np.int64)
        size = (values.size + parts - 1) // parts
        for p in prange(parts):
            mine = 0                               # a local: a register, no shared line
            for i in range(p * size, min(values.size, (p + 1) * size)):
                if values[i] > 0:
                    mine += 1
            counts[p] = mine                       # one write per thread
        return counts.sum()
    # [end:local_counts]

    return strided_counts, local_counts


def _parts(parts) -> int:
    if isinstance(parts, bool) or not isinstance(parts, int) or parts < 1:
        raise ValueError(f"parts must be an integer >= 1, got {parts!r}")
    return parts


def count_positive_adjacent(values: np.ndarray, parts: int) -> int:
    parts = _parts(parts)
    return int(_kernels()[0](values, parts, 1))


def count_positive_padded(values: np.ndarray, parts: int) -> int:
    parts = _parts(parts)
    return int(_kernels()[0](values, parts, PADDING))


def count_positive_local(values: np.ndarray, parts: int) -> int:
    parts = _parts(parts)
    return int(_kernels()[1](values, parts))


# [start:time_false_sharing]
def time_false_sharing(n: int = 20_000_000, parts: int | None = None) -> dict[str, float]:
    """Best of three times of each way, in seconds, with one part per Numba thread."""
    from numba import get_num_threads
    parts = get_num_threads() if parts is None else parts
    values = np.random.default_rng(0).standard_normal(n).astype(np.float32)
    times = {}
    for count in (count_positive_adjacent, count_positive_padded, count_positive_local):
        count(values[:1000], parts)                       # compile outside the timing
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            count(values, parts)
            best = min(best, time.perf_counter() - start)
        times[count.__name__] = best
    return times
# [end:time_false_sharing]
