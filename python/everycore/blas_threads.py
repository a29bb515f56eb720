"""Setting how many threads numpy's BLAS may use, while the program runs (threadpoolctl).

The thread variables (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS, MKL_NUM_THREADS…) are read once,
when the BLAS library loads, so they must be set before numpy is imported. To change the count
later, for one block of code, ask the library itself: that is what threadpoolctl does.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

from contextlib import contextmanager

__all__ = ["blas_thread_limit", "limit_blas_threads", "can_limit_blas_threads"]

NEEDS_THREADPOOLCTL = ("changing BLAS threads at run time needs threadpoolctl: "
                       "pip install threadpoolctl")


def _check_threads(threads) -> int:
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads must be an integer >= 1, got {threads!r}")
    return threads


def _threadpool_limits():
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        raise ImportError(NEEDS_THREADPOOLCTL) from None
    import numpy  # noqa: F401  threadpoolctl only sees libraries already loaded: load BLAS
    return threadpool_limits


def _blas_pools() -> list[dict]:
    """The BLAS thread pools threadpoolctl can see in this process (none for Accelerate)."""
    from threadpoolctl import threadpool_info
    return [pool for pool in threadpool_info() if pool.get("user_api") == "blas"]


def can_limit_blas_threads() -> bool:
    """True when threadpoolctl is installed and sees a BLAS library it can limit (on numpy's
    macOS 14+ wheels, which use Accelerate, it sees none)."""
    try:
        _threadpool_limits()
    except ImportError:
        return False
    return bool(_blas_pools())


# [start:blas_thread_limit]
@contextmanager
def blas_thread_limit(threads):
    """Inside ``with blas_thread_limit(4):``, numpy's matrix products use at most 4 threads;
    the previous limit comes back at the end of the block."""
    threadpool_limits = _threadpool_limits()
    with threadpool_limits(limits=_check_threads(threads), user_api="blas"):
        yield
# [end:blas_thread_limit]


# [start:limit_blas_threads]
def limit_blas_threads(threads) -> bool:
    """Limit BLAS to ``threads`` threads for the rest of this process (e.g. in each worker of a
    process pool, so N workers do not start N BLAS threads each). Returns True only when
    threadpoolctl found a BLAS library and it now uses at most ``threads`` threads; False when
    threadpoolctl is not installed or sees no BLAS it can limit (Apple's Accelerate, which
    numpy's macOS 14+ wheels use, is invisible to it)."""
    threads = _check_threads(threads)
    try:
        threadpool_limits = _threadpool_limits()
    except ImportError:
        return False
    threadpool_limits(limits=threads, user_api="blas")   # no "with": the limit stays
    pools = _blas_pools()
    return bool(pools) and all(pool["num_threads"] <= threads for pool in pools)
# [end:limit_blas_threads]
