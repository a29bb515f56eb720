"""The GIL experiment: one CPU-bound pure-Python loop, run three ways.

Sequentially, in threads, and in processes (``concurrent.futures``). The threads share one
interpreter and therefore one GIL, so only one of them runs Python bytecode at a time; the
processes each have their own interpreter and GIL, so they run on separate cores.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

__all__ = ["collatz_steps", "split_range", "run_gil_experiment"]


def _check_positive(name, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
    return value


# [start:collatz_steps]
def collatz_steps(start, stop):
    """Total Collatz steps of every n in [start, stop): pure Python, no I/O, no numpy —
    the kind of loop the GIL serialises."""
    total = 0
    for n in range(start, stop):
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            total += 1
    return total
# [end:collatz_steps]


def split_range(stop, parts):
    """[1, stop) cut into ``parts`` contiguous (start, stop) pieces of near-equal length."""
    _check_positive("stop", stop)
    _check_positive("parts", parts)
    edges = [1 + (stop - 1) * i // parts for i in range(parts + 1)]
    return list(zip(edges[:-1], edges[1:]))


def _timed_map(executor: Executor, pieces) -> tuple[int, float]:
    begin = time.perf_counter()
    total = sum(executor.map(collatz_steps, *zip(*pieces)))
    return total, time.perf_counter() - begin


# [start:run_gil_experiment]
def run_gil_experiment(stop=300_000, workers=2):
    """Time collatz_steps over [1, stop): sequentially, in ``workers`` threads, and in
    ``workers`` processes. Returns {"sequential" | "threads" | "processes": (total, seconds)}."""
    pieces = split_range(stop, workers)
    begin = time.perf_counter()
    sequential = collatz_steps(1, stop)
    results = {"sequential": (sequential, time.perf_counter() - begin)}

    # Threads share one interpreter, so they take turns holding the GIL.
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results["threads"] = _timed_map(pool, pieces)

    # Each process has its own interpreter and GIL. Started outside the timer, so the time
    # is the work plus the cost of sending the arguments and results (pickling).
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(abs, range(workers)))          # start the workers before timing
        results["processes"] = _timed_map(pool, pieces)
    return results
# [end:run_gil_experiment]


def main() -> None:
    for way, (total, seconds) in run_gil_experiment().items():
        print(f"{way:>10}: {seconds:6.3f} s  (total steps {total})")


if __name__ == "__main__":
    main()
