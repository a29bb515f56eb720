"""The site's "memory-bandwidth" benchmark natively: the STREAM triad a = b + 3·c.

Three arrays of 32 KiB, then ×4 up to 128 MiB (each cache level the arrays outgrow is a step down
in GB/s; main memory is the plateau past the last step), with the same id, cases, parameters, seed
and input as ``src/lab/benchmarks/memory-bandwidth.ts``:

- numpy with ``out=`` (the baseline): ``np.multiply(c, 3, out=a)`` then ``np.add(a, b, out=a)``.
  No temporary, but two passes: ``a`` is written, read back and written again, five arrays' worth
  of traffic where the triad needs three;
- numpy as one writes it, ``a = b + 3 * c``: a new array for ``3 * c`` and another for the sum on
  every call, the speed-of-light chapter's point about temporaries;
- the loop compiled by Numba: one pass, three arrays of traffic, on one thread;
- the same loop over N threads with ``prange``.

numpy runs every element-wise operation on one thread, so its variants are timed on one. For the
threads, Numba's ``prange`` is what one would write for a threaded element-wise loop; a process
pool over shared-memory slices would run the same loop with more code and a message round trip
per call. As on the site, the threaded loop runs on arrays of 2 MiB and more: on smaller ones a call lasts
microseconds, and waking the threads would be most of what is measured.

The site reports GB/s (12 bytes per element, as STREAM counts); the native results carry no byte
model, only GFLOP/s. With 2 FLOPs per 12 bytes, GB/s is 6 × GFLOP/s for every variant here.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import cache

import numpy as np

from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant
from everycore.lab.mulberry32 import random_f32
from everycore.lab.optional_numba import needs_numba, numba_threads

SCALAR = 3   # STREAM's
F32 = 4      # bytes
KIB = 1024
MIB = 1024 * KIB
# 32 KiB by ×4 while the three arrays fit in 7/8 of the site's 1 GiB WebAssembly memory.
SIZES = tuple(32 * KIB * 4 ** i for i in range(7))
CASES = tuple(Case(f"3 × {s // MIB} MiB" if s >= MIB else f"3 × {s // KIB} KiB", {"elements": s // F32})
              for s in SIZES)
THREADED_FROM = 2 * MIB // F32   # elements per array

Arrays = tuple[np.ndarray, np.ndarray]   # b and c, float32 in [-1, 1)


def _input(p: Params, seed: int) -> Arrays:
    return random_f32(p["elements"], seed), random_f32(p["elements"], seed + 1)


def _reference(p: Params, arrays: Arrays) -> np.ndarray:
    b, c = (x.astype(np.float64) for x in arrays)
    return b + SCALAR * c


@contextmanager
def _out_numpy(p: Params, arrays: Arrays, threads: int):
    b, c = arrays
    a = np.empty_like(b)

    def call() -> np.ndarray:
        np.multiply(c, SCALAR, out=a)
        np.add(a, b, out=a)
        return a
    yield call


@contextmanager
def _temporaries_numpy(p: Params, arrays: Arrays, threads: int):
    b, c = arrays
    yield lambda: b + SCALAR * c


@cache
def _triad_numba(parallel: bool):
    """The triad loop compiled by Numba (imported here: it is an optional extra). ``prange`` is a
    plain ``range`` unless ``parallel``, so one loop gives both variants."""
    from numba import njit, prange

    def triad(a, b, c, scalar):
        for i in prange(a.size):
            a[i] = b[i] + scalar * c[i]
    return njit(cache=False, parallel=parallel)(triad)


def _numba(parallel: bool):
    @contextmanager
    def prepare(p: Params, arrays: Arrays, threads: int):
        triad = _triad_numba(parallel)
        b, c = arrays
        a = np.empty_like(b)
        scalar = np.float32(SCALAR)   # float32 arithmetic, as the site's SIMD kernel does

        def call() -> np.ndarray:
            triad(a, b, c, scalar)
            return a
        with numba_threads(threads):
            call()   # the first call compiles: keep it out of the warm-up and the samples
            yield call
    return prepare


def _large_arrays_only(p: Params, quick: bool) -> str | None:
    if p["elements"] < THREADED_FROM:
        return "in cache a call lasts microseconds: waking the threads would be most of the time"
    return needs_numba(p, quick)


MEMORY_BANDWIDTH = Benchmark(
    id="memory-bandwidth",
    baseline="triad-f32-numpy",
    title="Memory bandwidth: the STREAM triad in numpy and Numba",
    cases=CASES,
    seed=20261201,
    input=_input,
    reference=_reference,
    # The site's bound: |a| ≤ 1 + 3; the float32 result rounds at most twice (multiply, add),
    # the float64 reference not at all, each by at most 2^-24 relative.
    tolerance=lambda p: 4 * 2.0 ** -24 * (1 + SCALAR),
    flops=lambda p: 2 * p["elements"],
    variants=(
        Variant(id="triad-f32-numpy", label="np.multiply, np.add with out=: two passes (numpy)",
                prepare=_out_numpy),
        Variant(id="triad-f32-temporaries-numpy",
                label="a = b + 3 * c: a new array for 3 * c and for a (numpy)",
                prepare=_temporaries_numpy),
        Variant(id="triad-f32-numba", label="One fused loop (Numba)", prepare=_numba(False),
                skip=needs_numba),
        Variant(id="triad-f32-numba-threads", label="One fused loop, prange threads (Numba)",
                prepare=_numba(True), threading=Threading.THREADS, skip=_large_arrays_only),
    ),
)
