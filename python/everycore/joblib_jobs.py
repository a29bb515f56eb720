"""joblib: a process pool in one line, which caps its workers' native threads for you.

``joblib.Parallel`` runs ``delayed(f)(x)`` calls on its default backend, loky: worker processes
kept alive between calls, started cleanly (not forked from a threaded parent), which large numpy
arguments reach as memory-mapped files instead of pickles. Each loky worker is started with
OMP_NUM_THREADS and the BLAS variables set to max(1, cpus // n_jobs), so the workers' BLAS and
OpenMP threads fill the cores without oversubscribing them.

joblib is an optional extra: ``pip install "./python[joblib]"``.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

__all__ = ["map_images", "worker_threads", "NEEDS_JOBLIB"]

NEEDS_JOBLIB = 'this needs joblib: pip install "./python[joblib]"'


def _joblib():
    try:
        import joblib
    except ImportError:
        raise ImportError(NEEDS_JOBLIB) from None
    return joblib


# [start:map_images]
def map_images(fn: Callable, images: Iterable, n_jobs: int = -1) -> list:
    """``[fn(image) for image in images]`` on ``n_jobs`` loky worker processes (-1: one per CPU),
    in order. ``fn`` must be importable by the workers: a module-level function, not a lambda
    defined in a notebook cell."""
    joblib = _joblib()
    return joblib.Parallel(n_jobs=n_jobs)(joblib.delayed(fn)(image) for image in images)
# [end:map_images]


def _thread_settings(_) -> tuple[str | None, int]:
    """In a worker: its OMP_NUM_THREADS, and the BLAS thread count threadpoolctl sees (0 without it)."""
    import numpy  # noqa: F401  load BLAS as a task would
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        blas = 0
    else:
        blas = max((p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"), default=0)
    return os.environ.get("OMP_NUM_THREADS"), blas


# [start:worker_threads]
def worker_threads(n_jobs: int, inner_threads: int | None = None) -> list[tuple[str | None, int]]:
    """What each of ``n_jobs`` loky workers was given: (OMP_NUM_THREADS, BLAS threads). joblib's
    default is cpus // n_jobs; ``inner_threads`` sets it yourself."""
    joblib = _joblib()
    with joblib.parallel_config(backend="loky", inner_max_num_threads=inner_threads):
        return joblib.Parallel(n_jobs=n_jobs)(joblib.delayed(_thread_settings)(i) for i in range(n_jobs))
# [end:worker_threads]
