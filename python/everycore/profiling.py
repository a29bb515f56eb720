"""Look before you optimise: where the time goes (cProfile), and how many threads numpy's BLAS uses.

Profile first. The function you suspect is rarely the one that dominates, and a speedup of a part
that takes 5% of the run can never save more than 5%. ``profile_function`` runs one call under
cProfile and hands back the table of where its time went; ``check_numpy_threads`` says which
BLAS library numpy's matrix products run on and how many threads it may use, which decides how
much of your CPU ``A @ B`` (and therefore im2col convolution) can use.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats

__all__ = ["THREAD_ENV_VARS", "profile_function", "check_numpy_threads"]

# The variables BLAS and OpenMP libraries read once, when they are loaded: set them before
# numpy is first imported (in the shell, or at the very top of the script).
THREAD_ENV_VARS = (
    "OMP_NUM_THREADS",          # OpenMP: most BLAS builds and many other libraries
    "OPENBLAS_NUM_THREADS",     # OpenBLAS (numpy's pip wheels)
    "MKL_NUM_THREADS",          # Intel MKL (e.g. conda's numpy)
    "VECLIB_MAXIMUM_THREADS",   # Apple Accelerate (numpy on macOS arm64)
    "NUMEXPR_NUM_THREADS",      # numexpr (pandas uses it)
)

INSTALL_THREADPOOLCTL = ("install threadpoolctl (pip install threadpoolctl) to see how many "
                         "threads BLAS uses, and to change it while the program runs")


def _check_report_options(top, sort) -> None:
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be an integer >= 1, got {top!r}")
    if sort not in pstats.Stats.sort_arg_dict_default:
        known = ", ".join(sorted(pstats.Stats.sort_arg_dict_default))
        raise ValueError(f"sort must be one of {known}; got {sort!r}")


# [start:profile_function]
def profile_function(func, *args, top=20, sort="cumulative", print_report=False, **kwargs):
    """Call ``func(*args, **kwargs)`` under cProfile; return ``(result, report)``.

    ``report`` is pstats' table of the ``top`` functions ordered by ``sort``: "cumulative" (time
    inside a function and everything it calls: finds the expensive branch) or "tottime" (time in
    the function's own code: finds the hot loop). Nothing is printed unless ``print_report``.
    (``top``, ``sort`` and ``print_report`` are taken by this function, not passed to ``func``.)

    Profiling slows every Python-level call down, so read the table for proportions, and time
    the result without the profiler.
    """
    _check_report_options(top, sort)
    profiler = cProfile.Profile()
    result = profiler.runcall(func, *args, **kwargs)   # enable, call, disable (even if it raises)

    report = io.StringIO()
    stats = pstats.Stats(profiler, stream=report)
    stats.strip_dirs()            # "im2col.py:150(im2col)" instead of the full path
    stats.sort_stats(sort).print_stats(top)
    if print_report:
        print(report.getvalue())
    return result, report.getvalue()
# [end:profile_function]


def _blas_from_numpy_build(np) -> tuple[str | None, str | None]:
    """BLAS name and version as numpy was built (no thread count: only threadpoolctl knows it)."""
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    except (TypeError, KeyError):   # numpy < 1.26 has no mode="dicts"
        return None, None
    return blas.get("name"), blas.get("version")


# [start:check_numpy_threads]
def check_numpy_threads():
    """Which BLAS library numpy uses, its version, its thread count, and the thread variables.

    Returns a dict::

        {"blas": "openblas", "version": "0.3.27", "threads": 32,
         "env": {"OMP_NUM_THREADS": None, "OPENBLAS_NUM_THREADS": "8", ...},
         "note": None}

    Without threadpoolctl installed, "threads" is None (Python cannot ask the library otherwise),
    "blas" and "version" come from numpy's build configuration, and "note" says what to install.
    """
    import numpy as np  # imported here, so the thread variables above can be set before it

    info = {
        "blas": None,
        "version": None,
        "threads": None,
        "env": {name: os.environ.get(name) for name in THREAD_ENV_VARS},
        "note": None,
    }
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        info["blas"], info["version"] = _blas_from_numpy_build(np)
        info["note"] = INSTALL_THREADPOOLCTL
        return info

    # threadpoolctl finds the thread pools of every native library loaded in this process.
    blas_pools = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    if not blas_pools:
        info["note"] = "threadpoolctl found no BLAS library loaded by numpy"
        return info
    pool = blas_pools[0]
    info["blas"] = pool["internal_api"]           # "openblas", "mkl", "blis"…
    info["version"] = pool.get("version")
    info["threads"] = pool["num_threads"]
    return info
# [end:check_numpy_threads]
