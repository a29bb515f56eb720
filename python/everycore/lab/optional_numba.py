"""Numba is an optional extra: the variants that race a compiled loop run where it is installed and
are skipped, with the reason, where it is not.

The benchmarks that use it compile their loops inside a function that imports numba, so that
importing the benchmark (``python -m everycore list``) neither needs nor loads Numba.
"""

from __future__ import annotations

from contextlib import contextmanager

from everycore.lab.optional import requires

NEEDS_NUMBA = "needs numba: pip install numba"


needs_numba = requires("numba", NEEDS_NUMBA)  # a Variant.skip


@contextmanager
def numba_threads(count: int):
    """Numba's ``prange`` loops run on ``count`` threads inside the block. The setting belongs to
    the calling thread, so it is restored on the way out."""
    import numba
    before = numba.get_num_threads()
    numba.set_num_threads(count)
    try:
        yield
    finally:
        numba.set_num_threads(before)
