"""OpenBLAS, MKL or Accelerate: which BLAS your numpy calls, and what it delivers on your machine.

The same ``a @ b`` runs whichever library numpy was built with (pip wheels: OpenBLAS on Linux and
Windows, Accelerate on macOS 14+; conda's defaults channel: MKL). ``blas_report`` names the
library and measures its matrix-product rate, so two environments (a pip venv and a conda env,
say) can be compared on the same machine by running it in each.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import time

import numpy as np

from everycore.profiling import check_numpy_threads

__all__ = ["blas_report"]


# [start:blas_report]
def blas_report(n: int = 2048, dtype=np.float32, repeats: int = 3) -> dict:
    """The BLAS numpy uses (name, version, threads, as check_numpy_threads finds them) and the
    best GFLOP/s of an n × n × n product in ``dtype`` over ``repeats`` runs, after one warm-up."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be an integer >= 1, got {n!r}")
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n)).astype(dtype)
    b = rng.standard_normal((n, n)).astype(dtype)
    a @ b                                      # warm-up: the library starts its threads
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    info = check_numpy_threads()
    return {"blas": info["blas"], "version": info["version"], "threads": info["threads"],
            "dtype": np.dtype(dtype).name, "gflops": 2 * n**3 / best / 1e9}
# [end:blas_report]
