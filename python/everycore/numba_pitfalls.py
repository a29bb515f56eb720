"""Where Numba pays, and the four ways it does not: each as code that the tests run.

Numba pays on a per-pixel loop that numpy cannot express as whole-array operations, such as the
3x3 median below: numpy's only way is to materialise every window and sort it. Numba does not
pay, or does not work, when

1. the function touches objects Numba has no machine type for (a settings object, a dict of
   mixed values, most of the standard library): the first call raises a TypingError;
2. the input is small: the first call compiles (a fraction of a second to seconds), which can
   dwarf microseconds of work, and without ``cache=True`` every new process compiles again;
3. one big routine is jitted whole: it mixes I/O, logging and objects with the loops, so it
   fails to type, while jitting only the hot loop works;
4. the code is already one numpy call on whole arrays (a matrix product, a sort): numpy already
   runs compiled, often threaded code for it, and Numba calls the same code.

Since Numba 0.59, ``@jit`` means ``@njit``: there is no silent fallback to the slow "object
mode" any more; the error in case 1 is what a silent fallback used to hide.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import time

import numba
import numpy as np
from numba import prange

__all__ = [
    "median3x3_numpy", "median3x3_numba", "median3x3_numba_parallel",
    "Levels", "apply_levels", "apply_levels_jit", "apply_levels_fixed",
    "first_and_steady_seconds", "denoise_and_report", "denoise_and_report_jit",
    "denoise_and_report_fixed",
    "matmul_jit",
]


# [start:median3x3_numpy]
def median3x3_numpy(img):
    """3x3 median of a 2-D uint8 image, edges replicated, the numpy way: a view of every 3x3
    window (no copy), then np.median over each, which copies and sorts nine values per pixel."""
    img = _check_image(img)
    padded = np.pad(img, 1, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, (3, 3))
    return np.median(windows, axis=(-2, -1)).astype(np.uint8)
# [end:median3x3_numpy]


# [start:median3x3_numba]
@numba.njit(cache=False, inline="always")
def _med3(a, b, c):
    return max(min(a, b), min(max(a, b), c))


def _median_rows(img, out):
    """The selection network of the site's WebAssembly kernels (median3x3-u8-ts.ts): sort each
    column of the window, then take the median of the largest column minimum, the median of
    the column medians and the smallest column maximum. Rows are independent: prange."""
    h, w = img.shape
    for y in prange(h):
        up, down = max(y - 1, 0), min(y + 1, h - 1)
        for x in range(w):
            lft, rgt = max(x - 1, 0), min(x + 1, w - 1)
            a0, a1, a2 = img[up, lft], img[y, lft], img[down, lft]
            b0, b1, b2 = img[up, x], img[y, x], img[down, x]
            c0, c1, c2 = img[up, rgt], img[y, rgt], img[down, rgt]
            lowest = max(min(a0, a1, a2), min(b0, b1, b2), min(c0, c1, c2))
            middle = _med3(_med3(a0, a1, a2), _med3(b0, b1, b2), _med3(c0, c1, c2))
            highest = min(max(a0, a1, a2), max(b0, b1, b2), max(c0, c1, c2))
            out[y, x] = _med3(lowest, middle, highest)


_median_rows_serial = numba.njit(cache=False)(_median_rows)
_median_rows_parallel = numba.njit(cache=False, parallel=True)(_median_rows)


def median3x3_numba(img):
    """The same median, compiled: one pass, nine loads and a few dozen min/max per pixel."""
    img = _check_image(img)
    out = np.empty_like(img)
    _median_rows_serial(img, out)
    return out


def median3x3_numba_parallel(img):
    """The same loops with the rows shared among Numba's threads (one per CPU by default)."""
    img = _check_image(img)
    out = np.empty_like(img)
    _median_rows_parallel(img, out)
    return out
# [end:median3x3_numba]


def _check_image(img):
    img = np.asarray(img)
    if img.dtype != np.uint8 or img.ndim != 2 or img.size == 0:
        raise ValueError(f"img must be a non-empty 2-D uint8 array, got {img.dtype} "
                         f"with shape {img.shape}")
    return np.ascontiguousarray(img)


# [start:typing_error]
class Levels:
    """Black and white levels as a plain Python object: natural in Python, opaque to Numba."""

    def __init__(self, black, white):
        self.black, self.white = black, white


def apply_levels(img, levels):
    out = np.empty(img.shape, np.float32)
    for i in range(img.shape[0]):
        for j in range(img.shape[1]):
            out[i, j] = (img[i, j] - levels.black) / (levels.white - levels.black)
    return out


# Compiles at the first call, and fails there: numba.core.errors.TypingError, because Numba
# has no machine type for a Levels instance.
apply_levels_jit = numba.njit(apply_levels)
# [end:typing_error]


# [start:typing_fixed]
@numba.njit(cache=False)
def _levels_loop(img, black, white):
    out = np.empty(img.shape, np.float32)
    scale = 1.0 / (white - black)
    for i in range(img.shape[0]):
        for j in range(img.shape[1]):
            out[i, j] = (img[i, j] - black) * scale
    return out


def apply_levels_fixed(img, levels):
    """Unpack the object in Python; hand the compiled loop only arrays and numbers."""
    return _levels_loop(img, float(levels.black), float(levels.white))
# [end:typing_fixed]


# [start:compile_time]
def first_and_steady_seconds(func, *args, repeats=5):
    """Seconds of the first call of a freshly jitted ``func`` (compile + run) and the best of
    ``repeats`` later calls (run only)."""
    fresh = numba.njit(cache=False)(func.py_func if hasattr(func, "py_func") else func)
    t0 = time.perf_counter()
    fresh(*args)
    first = time.perf_counter() - t0
    steady = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fresh(*args)
        steady = min(steady, time.perf_counter() - t0)
    return first, steady
# [end:compile_time]


# [start:huge_routine]
def denoise_and_report(images):
    """A whole pipeline step in one function: for each named image, the median's loops, then a
    line for the log. Correct in Python, and slow: the interpreter runs the loops."""
    report = {}
    for name, img in images.items():
        out = np.empty_like(img)
        _median_rows(img, out)
        report[name] = f"{name}: {int((out != img).sum())} pixels changed"
    return report


# Jitted whole, it fails at the first call: Numba cannot type a Python dict of arrays, nor call
# a plain Python function. Numba pays on the hot loop alone:
denoise_and_report_jit = numba.njit(denoise_and_report)


def denoise_and_report_fixed(images):
    """The same step with only the loops compiled (median3x3_numba); the rest stays Python."""
    report = {}
    for name, img in images.items():
        out = median3x3_numba(img)
        report[name] = f"{name}: {int((out != img).sum())} pixels changed"
    return report
# [end:huge_routine]


# [start:already_vectorised]
@numba.njit(cache=False)
def matmul_jit(a, b):
    """Nothing to gain: inside njit, a @ b calls a BLAS gemm (through SciPy, which must be
    installed: the "numba" extra brings it), the same kind of routine numpy's @ calls."""
    return a @ b
# [end:already_vectorised]
