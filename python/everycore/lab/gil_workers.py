"""The site's "gil-workers" benchmark natively: the GIL experiment itself.

The site runs the Collatz loop in JavaScript on one thread, as two tasks taking turns on one thread,
and split over workers. Here CPython runs the loop of the GIL chapter (``everycore.gil``) on one
thread; split over N threads, which take turns holding the one GIL and so finish no sooner (the
native form of the site's tasks taking turns); and split over N processes, each with its own
interpreter and GIL, which run at once (the native form of the site's workers).

Same id, case, parameters and seed as ``src/lab/benchmarks/gil-workers.ts``. There is no random
input: the range of numbers is the input.
"""

from __future__ import annotations

from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager

import numpy as np

from everycore.gil import collatz_steps, split_range
from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant


def _count(total: int) -> np.ndarray:
    return np.array([total], dtype=np.float64)   # exact: the totals stay far below 2**53


def _reference(p: Params, _: None) -> np.ndarray:
    """Every number at once, in numpy: each round drops the numbers that reached 1 and takes one
    step for all the others. A different route to the count than the loop the variants run."""
    m = np.arange(1, p["stop"], dtype=np.int64)
    total = 0
    while m.size:
        m = m[m != 1]
        total += m.size
        m = np.where(m % 2 == 0, m // 2, 3 * m + 1)
    return _count(total)


@contextmanager
def _one_thread(p: Params, _: None, threads: int):
    yield lambda: _count(collatz_steps(1, p["stop"]))


def _split_over(executor: type[Executor]):
    """[1, stop) in one contiguous piece per worker, as the chapter's run_gil_experiment cuts it."""
    @contextmanager
    def prepare(p: Params, _: None, workers: int):
        starts, stops = zip(*split_range(p["stop"], workers))
        with executor(max_workers=workers) as pool:
            list(pool.map(abs, range(workers)))   # workers started before the timing
            yield lambda: _count(sum(pool.map(collatz_steps, starts, stops)))
    return prepare


GIL_WORKERS = Benchmark(
    id="gil-workers",
    baseline="collatz-steps-python",
    title="A CPU-bound Python loop: one thread, threads taking turns on the GIL, processes",
    cases=(Case("300,000", {"stop": 300_000}),),
    seed=0,   # no random input
    input=lambda p, seed: None,
    reference=_reference,
    # A count of integer steps: every way must get it exactly.
    tolerance=lambda p: 0.0,
    # Integer work, not floating point: GFLOP/s does not apply.
    flops=lambda p: 0.0,
    variants=(
        Variant(id="collatz-steps-python", label="One thread, one loop (Python)",
                prepare=_one_thread),
        Variant(id="collatz-steps-python-threads",
                label="Split over a ThreadPoolExecutor: one GIL, threads take turns (Python)",
                prepare=_split_over(ThreadPoolExecutor), threading=Threading.THREADS),
        Variant(id="collatz-steps-python-processes",
                label="Split over a ProcessPoolExecutor: a GIL per process (Python)",
                prepare=_split_over(ProcessPoolExecutor), threading=Threading.PROCESSES),
    ),
)
