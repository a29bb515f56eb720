"""The site's "broadcast-temporaries" benchmark natively: what broadcasting's temporaries cost.

Pairwise squared distances between N and M points of dimension D. The baseline is the broadcasting
chapter's expression, ``((a[:, None, :] - b[None, :, :]) ** 2).sum(-1)`` in float32: numpy writes
the (N, M, D) difference, then its (N, M, D) square, then sums, which is exactly the three passes
with two temporaries that the site's broadcast kernel imitates. Against it:

- a Python loop over the pairs with one numpy dot product each: no temporary, but the interpreter
  runs once per pair;
- the algebra rewritten, |a|² − 2 a·b + |b|²: one BLAS matrix product in float64, (N, M)
  temporaries only;
- the site's fused loop, one accumulator per pair, compiled by Numba (where it is installed): in
  Python a fused loop only pays once it is compiled.

The first three are the chapter's own functions (``everycore.broadcasting``). Same id, cases,
parameters, seed and input as ``src/lab/benchmarks/broadcast-temporaries.ts``. The site's GB/s
column has no native counterpart: the native results carry no byte model.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import cache

import numpy as np

from everycore.broadcasting import (
    pairwise_sq_distances_broadcast,
    pairwise_sq_distances_fused,
    pairwise_sq_distances_loops,
)
from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant
from everycore.lab.mulberry32 import random_f32
from everycore.lab.optional_numba import needs_numba

Points = tuple[np.ndarray, np.ndarray]   # a (N, D) and b (M, D), float32 in [-1, 1)


def _shape(n: int, m: int, d: int) -> Params:
    return {"n": n, "m": m, "d": d}


def _label(p: Params) -> str:
    return f"N={p['n']}, M={p['m']}, D={p['d']}"


def _input(p: Params, seed: int) -> Points:
    return (random_f32(p["n"] * p["d"], seed).reshape(p["n"], p["d"]),
            random_f32(p["m"] * p["d"], seed + 1).reshape(p["m"], p["d"]))


def _reference(p: Params, points: Points) -> np.ndarray:
    """The broadcast expression in float64, as the site's reference sums in doubles."""
    a, b = points
    return pairwise_sq_distances_broadcast(a.astype(np.float64), b.astype(np.float64))


@cache
def _fused_numba():
    """The site's fused loop compiled by Numba (imported here: it is an optional extra)."""
    from numba import njit

    @njit(cache=False)
    def pairwise_sq_distances_fused_loop(a, b, out):
        for i in range(a.shape[0]):
            for j in range(b.shape[0]):
                acc = 0.0
                for k in range(a.shape[1]):
                    diff = a[i, k] - b[j, k]
                    acc += diff * diff
                out[i, j] = acc
    return pairwise_sq_distances_fused_loop


def _calling(pairwise):
    @contextmanager
    def prepare(p: Params, points: Points, threads: int):
        # BLAS threads, where the function uses BLAS, are set by the runner (threadpoolctl).
        yield lambda: pairwise(*points)
    return prepare


@contextmanager
def _fused_numba_loop(p: Params, points: Points, threads: int):
    fused = _fused_numba()
    out = np.empty((p["n"], p["m"]), np.float32)

    def call() -> np.ndarray:
        fused(*points, out)
        return out
    call()   # the first call compiles: keep it out of the warm-up and the samples
    yield call


BROADCAST_TEMPORARIES = Benchmark(
    id="broadcast-temporaries",
    baseline="pairwise-sqdist-f32-broadcast-numpy",
    title="Pairwise distances: broadcast temporaries vs loops, BLAS and a fused loop",
    cases=tuple(Case(_label(p), p) for p in (_shape(64, 64, 16), _shape(256, 256, 64))),
    seed=20261125,
    input=_input,
    reference=_reference,
    # The site's bound: inputs in [-1, 1], so distances are at most 4·D, and the float32
    # temporaries add at most 4u relative (u = 2^-24).
    tolerance=lambda p: 4 * 2.0 ** -24 * 4 * p["d"],
    # A subtraction, a multiply and an add per (i, j, k), as the site counts them.
    flops=lambda p: 3 * p["n"] * p["m"] * p["d"],
    variants=(
        Variant(id="pairwise-sqdist-f32-broadcast-numpy",
                label="Broadcast: two (N, M, D) temporaries, then the sum (numpy)",
                prepare=_calling(pairwise_sq_distances_broadcast)),
        Variant(id="pairwise-sqdist-f32-loops-python",
                label="A Python loop over the pairs, a numpy dot product each",
                prepare=_calling(pairwise_sq_distances_loops)),
        Variant(id="pairwise-sqdist-f64-gemm-numpy",
                label="|a|² − 2a·b + |b|²: one matrix product (numpy, BLAS, float64)",
                prepare=_calling(pairwise_sq_distances_fused), threading=Threading.BLAS),
        Variant(id="pairwise-sqdist-f32-fused-numba",
                label="Fused loop: one accumulator per pair, no temporary (Numba)",
                prepare=_fused_numba_loop, skip=needs_numba),
    ),
)
