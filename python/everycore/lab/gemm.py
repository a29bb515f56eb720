"""The site's "gemm" benchmark natively: the textbook loops to numpy's ``a @ b``.

Same id, cases, seed and input as ``src/lab/benchmarks/gemm.ts``, so both multiply the very same
matrices. The native ladder:

- the i-j-k and i-k-j loops in pure Python, on lists: the interpreter spends tens of nanoseconds
  on every step whatever memory it touches, so the loop order that matters so much in the browser
  changes almost nothing here;
- the same two functions compiled by Numba (where it is installed): now each step costs about a
  nanosecond, and the column walk of i-j-k misses the cache as it does in the browser;
- numpy's ``a @ b``, which hands the product to BLAS: the site's blocked, packed, SIMD and threaded
  rungs in one call, timed on one BLAS thread and on all of them;
- ``torch.matmul`` (where PyTorch is installed), the native peer of the site's tfjs rows: the
  same rungs in Intel's MKL, on PyTorch's own threads.

No native counterpart: the site's FMA peak probe (a WebAssembly loop of fused multiply-adds on
registers; numpy cannot issue bare instructions, and a native peak needs assembly), its blocked,
SIMD and packed rungs (they are what BLAS does inside ``@``; a blocked product written in numpy
only adds Python overhead between calls), and the tfjs peer (PyTorch stands in for it).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from functools import cache

import numpy as np

from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant
from everycore.lab.mulberry32 import random_f32
from everycore.lab.optional_numba import needs_numba
from everycore.lab.optional_torch import torch_variant


def gemm_cases(*sizes: int) -> tuple[Case, ...]:
    """Square products M = N = K, labelled "512³" as on the site."""
    return tuple(Case(f"{s}³", {"m": s, "n": s, "k": s}) for s in sizes)


def gemm_input(p: Params, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A (M×K) and B (K×N), float32 in [-1, 1), drawn as the site draws them."""
    m, n, k = p["m"], p["n"], p["k"]
    return random_f32(m * k, seed).reshape(m, k), random_f32(k * n, seed + 1).reshape(k, n)


def gemm_reference(p: Params, inputs: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The product in float64, as the site's reference sums in doubles."""
    a, b = inputs
    return a.astype(np.float64) @ b.astype(np.float64)


def gemm_tolerance(p: Params) -> float:
    # The site's bound: inputs lie in [-1, 1], so any order of summing K products errs by at most
    # about K·K·u in float32 (Higham's gamma_K, u = 2^-24), plus u·K for rounding the result.
    return p["k"] * (p["k"] + 1) * 2.0 ** -24


def gemm_ijk(a, b, c):
    """C = A·B by the textbook loops: each C[i][j] sums A[i][p]·B[p][j], walking down a column
    of B. For lists of lists in Python and for 2-D arrays in Numba alike."""
    for i in range(len(a)):
        a_i, c_i = a[i], c[i]
        for j in range(len(c_i)):
            acc = 0.0
            for p in range(len(b)):
                acc += a_i[p] * b[p][j]
            c_i[j] = acc


def gemm_ikj(a, b, c):
    """The same product with the two inner loops swapped: A[i][p] times row p of B, added into
    row i of C, so the innermost loop runs along rows."""
    for i in range(len(a)):
        a_i, c_i = a[i], c[i]
        for j in range(len(c_i)):
            c_i[j] = 0.0
        for p in range(len(b)):
            a_ip, b_p = a_i[p], b[p]
            for j in range(len(c_i)):
                c_i[j] += a_ip * b_p[j]


def multiply_adds(p: Params) -> int:
    return p["m"] * p["n"] * p["k"]


# CPython takes about 30 ns per step of these loops: 128³ (2 million steps) in well under a
# second, 256³ (17 million) in about half a second, 512³ in several seconds per call.
PYTHON_QUICK_MAX = 128 ** 3
PYTHON_FULL_MAX = 256 ** 3
# Compiled, i-j-k reads a new cache line of B at every step once B outgrows the cache: at 1,024³,
# rows 4 KiB apart also share one cache set, and a call takes seconds (i-k-j: a tenth of one).
IJK_COMPILED_MAX = 512 ** 3


def _skip_python(p: Params, quick: bool) -> str | None:
    work = multiply_adds(p)
    if work > PYTHON_FULL_MAX:
        return "pure-Python loops take seconds per call on this case"
    if quick and work > PYTHON_QUICK_MAX:
        return ("pure-Python loops take about half a second per call on this case; "
                "run without --quick")
    return None


def _skip_ijk_compiled(p: Params, quick: bool) -> str | None:
    if multiply_adds(p) > IJK_COMPILED_MAX:
        return "the column walk down B misses the cache at every step: seconds per call here"
    return needs_numba(p, quick)


@cache
def _jit(loop: Callable) -> Callable:
    """``loop`` compiled by Numba, once per process (its variants run only where Numba is)."""
    import numba
    return numba.njit(cache=False)(loop)


def _python(loop: Callable):
    @contextmanager
    def prepare(p: Params, inputs, threads: int):
        a, b = (x.tolist() for x in inputs)   # lists of Python floats: what plain Python loops on
        c = [[0.0] * p["n"] for _ in range(p["m"])]

        def call() -> np.ndarray:
            loop(a, b, c)
            return np.array(c)
        yield call
    return prepare


def _numba(loop: Callable):
    @contextmanager
    def prepare(p: Params, inputs, threads: int):
        compiled = _jit(loop)
        a, b = inputs
        c = np.empty((p["m"], p["n"]), np.float32)

        def call() -> np.ndarray:
            compiled(a, b, c)
            return c
        call()   # the first call compiles: keep it out of the warm-up and the samples
        yield call
    return prepare


@contextmanager
def _matmul(p: Params, inputs, threads: int):
    # BLAS threads are set by the runner around this call (threadpoolctl), not here.
    a, b = inputs
    yield lambda: a @ b


MATMUL_NUMPY = Variant(id="gemm-f32-matmul-numpy", label="a @ b (numpy, BLAS)",
                       prepare=_matmul, threading=Threading.BLAS)


def _torch_matmul(p: Params, inputs):
    import torch
    a, b = (torch.from_numpy(x) for x in inputs)   # views of the numpy arrays: nothing copied
    return lambda: torch.matmul(a, b).numpy()


MATMUL_TORCH = torch_variant(
    "gemm-f32-torch",
    "torch.matmul (PyTorch, MKL) on the inputs as tensors; the result allocated per call",
    _torch_matmul)

GEMM = Benchmark(
    id="gemm",
    baseline="gemm-f32-ijk-python",
    title="Matrix multiplication: naive loops to numpy's BLAS",
    cases=gemm_cases(128, 256, 512, 1024),
    seed=20261207,
    input=gemm_input,
    reference=gemm_reference,
    tolerance=gemm_tolerance,
    flops=lambda p: 2 * multiply_adds(p),
    variants=(
        Variant(id="gemm-f32-ijk-python", label="Naive i-j-k loops (Python)",
                prepare=_python(gemm_ijk), skip=_skip_python),
        Variant(id="gemm-f32-ikj-python", label="i-k-j loop order (Python)",
                prepare=_python(gemm_ikj), skip=_skip_python),
        Variant(id="gemm-f32-ijk-numba", label="Naive i-j-k loops (Numba)",
                prepare=_numba(gemm_ijk), skip=_skip_ijk_compiled),
        Variant(id="gemm-f32-ikj-numba", label="i-k-j loop order (Numba)",
                prepare=_numba(gemm_ikj), skip=needs_numba),
        MATMUL_NUMPY,
        MATMUL_TORCH,
    ),
)
