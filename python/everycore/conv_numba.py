"""The direct convolution compiled by Numba: the nested loops, at the speed of C.

When Numba works: a function of numpy arrays and numbers whose body is loops, indexing and
scalar arithmetic, as below. ``@numba.njit`` reads the function's bytecode at its first call,
infers one machine type for every variable from the argument types (here float32 or float64
arrays and an int), and hands the loops to LLVM, which compiles them like C. No interpreter
runs inside: the loops cost nanoseconds per multiply-add instead of tens of nanoseconds.

When it does not: anything whose types Numba cannot infer stops compilation with a
``numba.core.errors.TypingError`` at the first call, for instance

* a call to a plain Python function (``njit(conv2d_naive)`` fails: it calls ``_check_weights``,
  an ordinary Python function, before its loops), or an object Numba does not model (a class
  instance, pandas, most of the standard library);
* a numpy function or option Numba does not implement (``np.pad`` is not supported at all);
* a big routine mixing all of the above: compile the small hot loop, keep the rest in Python.

So this module does the checking, padding and allocation in Python (direct_conv.py) and
compiles only the loops. The first call of each argument-type combination pays the compile
(about a second); later calls reuse the machine code. ``cache=False``: nothing is written to disk,
so every new process compiles again (``cache=True`` would keep it in ``__pycache__``).
``fastmath=False``: additions happen in the written order, so the results equal conv2d_naive's.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import numba
import numpy as np
from numba import prange

from everycore.direct_conv import direct_conv_args

__all__ = ["conv2d_numba", "conv2d_numba_parallel"]


# [start:direct_rows]
def direct_rows(xp, w, bias, stride, out):
    """out[n, f, oy, :] for every output row: bias, then the sum over c, ky, kx of w * xp.

    Each row is one iteration of the outer loop and no two iterations write the same element,
    so the rows can run on different threads (``prange``). The innermost loop runs along the
    row: its iterations are independent, so LLVM turns it into SIMD code without reordering any
    sum. Every output still adds its terms in conv2d_naive's order (c, then ky, then kx).
    """
    n_img, n_filters, h_out, w_out = out.shape
    channels, kh, kw = w.shape[1], w.shape[2], w.shape[3]
    for row in prange(n_img * n_filters * h_out):   # prange is plain range when not parallel
        n = row // (n_filters * h_out)
        f = (row // h_out) % n_filters
        oy = row % h_out
        out_row = out[n, f, oy]
        out_row[:] = bias[f]
        for c in range(channels):
            for ky in range(kh):
                x_row = xp[n, c, oy * stride + ky]
                for kx in range(kw):
                    weight = w[f, c, ky, kx]
                    for ox in range(w_out):
                        out_row[ox] += weight * x_row[ox * stride + kx]
# [end:direct_rows]


# [start:compile]
# One Python function, compiled twice: serial, and with its prange loop split across threads.
direct_rows_serial = numba.njit(cache=False, fastmath=False)(direct_rows)
direct_rows_parallel = numba.njit(cache=False, fastmath=False, parallel=True)(direct_rows)
# [end:compile]


# [start:conv2d_numba]
def conv2d_numba(x, w, b=None, stride=1, padding=0):
    """conv2d_naive's loops compiled by Numba, on one thread. Same arguments and result."""
    a = direct_conv_args(x, w, b, stride, padding)
    direct_rows_serial(a.xp, a.w, a.bias, a.stride, a.out)
    return a.out


def conv2d_numba_parallel(x, w, b=None, stride=1, padding=0, threads=None):
    """The same loops with the output rows shared among ``threads`` threads (default: Numba's
    default, one per CPU). The result is identical to conv2d_numba's: each output is still
    summed by one thread, in the same order."""
    a = direct_conv_args(x, w, b, stride, padding)
    before = numba.get_num_threads()
    numba.set_num_threads(_check_threads(threads, before))
    try:
        direct_rows_parallel(a.xp, a.w, a.bias, a.stride, a.out)
    finally:
        numba.set_num_threads(before)   # the setting belongs to the caller's thread: restore it
    return a.out
# [end:conv2d_numba]


def _check_threads(threads, default: int) -> int:
    if threads is None:
        return default
    most = numba.config.NUMBA_NUM_THREADS
    if isinstance(threads, bool) or not isinstance(threads, (int, np.integer)) \
            or not 1 <= threads <= most:
        raise ValueError(f"threads must be an integer from 1 to {most} (NUMBA_NUM_THREADS), "
                         f"got {threads!r}")
    return int(threads)
