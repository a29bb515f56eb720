"""Oversubscription: your processes × each one's native threads must not exceed the cores.

numpy's BLAS (OpenBLAS, MKL), OpenMP code (Numba's parallel loops, scikit-learn) and OpenCV each
start a thread per core in every process that loads them. A pool of N worker processes then runs
N × cores threads on the cores: they take turns, evict each other's caches and wait at each
other's barriers. The cure is a budget: split the cores between the layers, once, at the start of
each worker.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import os
import sys

from everycore.pools import pool_size, process_pool, usable_cpus

__all__ = ["thread_budget", "cap_native_threads", "budgeted_pool", "native_threads"]

# Read by OpenMP, OpenBLAS, MKL and Accelerate when they load: a child process started after
# these are set in its environment starts every library at the budget. (Numba's own variable,
# NUMBA_NUM_THREADS, must not change once Numba is loaded: cap_native_threads treats it apart.)
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS")


# [start:thread_budget]
def thread_budget(workers: int, cpus: int | None = None) -> int:
    """Native threads each of ``workers`` processes may use so that together they fill the
    ``cpus`` usable CPUs (all of this process's by default) without exceeding them: at least 1."""
    cpus = usable_cpus() if cpus is None else cpus
    if isinstance(cpus, bool) or not isinstance(cpus, int) or cpus < 1:
        raise ValueError(f"cpus must be an integer >= 1, got {cpus!r}")
    return max(1, cpus // pool_size(workers))
# [end:thread_budget]


# [start:cap_native_threads]
def cap_native_threads(threads: int) -> None:
    """Run in each worker before its first task: every native thread pool of this process to at
    most ``threads``. The environment covers libraries not loaded yet; threadpoolctl the BLAS and
    OpenMP pools already loaded; Numba and OpenCV have their own calls."""
    for name in THREAD_VARIABLES:
        os.environ[name] = str(threads)
    if "numba" in sys.modules:        # loaded: its pool size is fixed, but its use can be capped
        import numba
        numba.set_num_threads(min(threads, numba.config.NUMBA_NUM_THREADS))
    else:
        os.environ["NUMBA_NUM_THREADS"] = str(threads)
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        pass                        # only the environment: enough for libraries loaded from now on
    else:
        threadpool_limits(limits=threads)      # no "with": for the rest of the worker's life
    try:
        import cv2
    except ImportError:
        pass
    else:
        cv2.setNumThreads(threads)
# [end:cap_native_threads]


# [start:budgeted_pool]
def budgeted_pool(workers: int):
    """A process pool of ``workers`` whose native threads share the cores: use it in a ``with``."""
    return process_pool(workers, initializer=cap_native_threads,
                        initargs=(thread_budget(workers),))
# [end:budgeted_pool]


def native_threads() -> dict[str, int]:
    """The thread count of each native pool threadpoolctl sees in this process, by library
    (e.g. {"openblas": 1}); empty without threadpoolctl. Imports numpy so BLAS is loaded."""
    import numpy  # noqa: F401
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return {}
    return {pool["internal_api"]: pool["num_threads"] for pool in threadpool_info()}
