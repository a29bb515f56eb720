"""Choosing a backend by problem size, with thresholds you measure on your machine.

Every fast path has a fixed cost per call: numpy allocates temporaries, a Numba function is
dispatched on its argument types, a thread pool has to wake its threads. For small inputs that
fixed cost is the whole time, for large ones it vanishes next to the arithmetic. So the fastest
backend depends on the size, and the sizes where the winner changes — the crossovers — depend on
the machine. A dispatcher measures them once and then picks by size on every call, as BLAS
libraries do inside ``a @ b``.

Here the operation is a 2-D convolution with three backends from the companion: numpy's im2col +
matrix product (conv2d_im2col), the direct loops compiled by Numba on one thread (conv2d_numba)
and on all threads (conv2d_numba_parallel). The size is the number of multiply-adds.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence

import numpy as np

__all__ = ["conv2d_work", "SizeDispatcher", "thresholds_from_timings", "measure_conv2d", "conv2d_backends"]


def conv2d_work(x_shape, w_shape, stride=1, padding=0) -> int:
    """Multiply-adds of a convolution: one per output value and weight it touches."""
    n, c, h, w = x_shape
    f, _, kh, kw = w_shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    return n * f * h_out * w_out * c * kh * kw


# [start:dispatcher]
class SizeDispatcher:
    """Calls the backend whose threshold is the largest one not above the call's size.

    thresholds: (smallest size, backend name) pairs; one of them must start at 0, so every size
    has a backend. Pass your own, measured with thresholds_from_timings, to replace the defaults.
    """

    def __init__(self, backends: Mapping[str, Callable], thresholds: Sequence[tuple[float, str]],
                 size: Callable[..., float]):
        ordered = sorted((float(start), name) for start, name in thresholds)
        for start, name in ordered:
            if name not in backends:
                raise ValueError(f"unknown backend {name!r} (have {sorted(backends)})")
            if math.isnan(start) or start < 0:
                raise ValueError(f"threshold {start!r} for {name!r} must be a size >= 0")
        if not ordered or ordered[0][0] != 0:
            raise ValueError(f"thresholds must include a backend from size 0, got {thresholds!r}")
        self.backends = dict(backends)
        self.thresholds = ordered
        self.size = size

    def choose(self, *args, **kwargs) -> str:
        work = self.size(*args, **kwargs)
        return [name for start, name in self.thresholds if start <= work][-1]

    def __call__(self, *args, **kwargs):
        return self.backends[self.choose(*args, **kwargs)](*args, **kwargs)
# [end:dispatcher]


# [start:thresholds]
def thresholds_from_timings(timings: Mapping[str, Mapping[float, float]]) -> list[tuple[float, str]]:
    """Thresholds from measured seconds per call, timings[backend][size]: the fastest backend at
    each size measured, switching at the geometric mean of the two sizes around each change (the
    true crossover lies somewhere between them)."""
    sizes = sorted(set.intersection(*(set(t) for t in timings.values())))
    if not sizes:
        raise ValueError("timings must share at least one size measured for every backend")
    winners = [min(timings, key=lambda name: timings[name][s]) for s in sizes]
    thresholds = [(0.0, winners[0])]
    for before, after, winner in zip(sizes, sizes[1:], winners[1:]):
        if winner != thresholds[-1][1]:
            thresholds.append((math.sqrt(before * after), winner))
    return thresholds
# [end:thresholds]


def conv2d_backends() -> dict[str, Callable]:
    """The three convolution backends (imports Numba, which compiles on first call)."""
    from everycore.conv_numba import conv2d_numba, conv2d_numba_parallel
    from everycore.im2col import conv2d_im2col
    return {"numpy": conv2d_im2col, "numba": conv2d_numba, "numba_parallel": conv2d_numba_parallel}


def _seconds(fn, args, repeats: int) -> float:
    fn(*args)                                   # warm up: compile, fill caches
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best


# [start:measure]
def measure_conv2d(sides=(4, 8, 16, 32, 64, 128), channels=8, filters=8, repeats=5, seed=0):
    """Seconds per call of each backend on (1, channels, side, side) images with 3x3 filters:
    {backend: {work: seconds}}. Feed it to thresholds_from_timings."""
    rng = np.random.default_rng(seed)
    w = rng.standard_normal((filters, channels, 3, 3)).astype(np.float32)
    timings: dict[str, dict[float, float]] = {}
    for name, fn in conv2d_backends().items():
        timings[name] = {}
        for side in sides:
            x = rng.standard_normal((1, channels, side, side)).astype(np.float32)
            work = conv2d_work(x.shape, w.shape, 1, 1)
            timings[name][work] = _seconds(fn, (x, w, None, 1, 1), repeats)
    return timings
# [end:measure]
