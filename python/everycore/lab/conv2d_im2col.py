"""The site's "conv2d-im2col" benchmark, natively: nested Python loops vs im2col + numpy's GEMM,
and the same loops compiled by Numba (on one thread, and on N) and by Cython where those are installed.

Same id, case labels, parameters, seed and input generator as ``src/lab/benchmarks/
conv2d-im2col.ts``, so the numbers convolve the very same data as the browser's.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from types import ModuleType

import numpy as np

from everycore.im2col import conv2d_im2col as conv2d_im2col_numpy
from everycore.im2col import conv2d_naive
from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant
from everycore.lab.mulberry32 import random_f32
from everycore.lab.optional_numba import NEEDS_NUMBA


@dataclass(frozen=True)
class ConvInput:
    x: np.ndarray  # (N, C, H, W) float32 in [-1, 1)
    w: np.ndarray  # (F, C, kH, kW)
    b: np.ndarray  # (F,)


def conv_params(batch: int, channels: int, size: int, filters: int) -> Params:
    """A square NCHW layer with a 3×3 kernel, stride 1 and "same" padding, as the site's cases."""
    return {"batch": batch, "channels": channels, "height": size, "width": size,
            "filters": filters, "kernelH": 3, "kernelW": 3, "stride": 1, "padding": 1}


def conv_label(p: Params) -> str:
    """"(1,3,32,32)→16": the site's case label of a layer."""
    return f"({p['batch']},{p['channels']},{p['height']},{p['width']})→{p['filters']}"


def _out_size(size: int, kernel: int, p: Params) -> int:
    return (size + 2 * p["padding"] - kernel) // p["stride"] + 1


def patch_size(p: Params) -> int:
    """K = C·kH·kW: the length of each output's dot product (the GEMM depth)."""
    return p["channels"] * p["kernelH"] * p["kernelW"]


def multiply_adds(p: Params) -> int:
    """Multiply-adds of one call: N·F·H'·W'·K."""
    out_h, out_w = _out_size(p["height"], p["kernelH"], p), _out_size(p["width"], p["kernelW"], p)
    return p["batch"] * p["filters"] * out_h * out_w * patch_size(p)


# The syllabus sizes (3 channels, 16 filters) and a deep layer where GEMM pays off.
CASES = tuple(Case(conv_label(p), p) for p in (
    conv_params(1, 3, 32, 16), conv_params(1, 3, 64, 16), conv_params(1, 3, 128, 16), conv_params(1, 64, 56, 64)))

# The interpreter manages a few million multiply-adds per second, so the nested loops spend about
# a second on 2 million (the two smallest cases), several on the 128×128 case, and minutes, once
# repeated for warm-up and samples, on the deep layer's 116 million.
LOOPS_QUICK_MAX = 2_000_000
LOOPS_FULL_MAX = 10_000_000


def _input(p: Params, seed: int) -> ConvInput:
    n, c, h, w, f = p["batch"], p["channels"], p["height"], p["width"], p["filters"]
    kh, kw = p["kernelH"], p["kernelW"]
    return ConvInput(x=random_f32(n * c * h * w, seed).reshape(n, c, h, w),
                     w=random_f32(f * c * kh * kw, seed + 1).reshape(f, c, kh, kw),
                     b=random_f32(f, seed + 2))


def _reference(p: Params, inp: ConvInput) -> np.ndarray:
    """The nested loops in float64 where they take about a second; beyond that, the same sums in
    float64 through im2col (itself checked against the loops in tests/test_im2col.py)."""
    x, w, b = (a.astype(np.float64) for a in (inp.x, inp.w, inp.b))
    conv = conv2d_naive if multiply_adds(p) <= LOOPS_QUICK_MAX else conv2d_im2col_numpy
    return conv(x, w, b, p["stride"], p["padding"])


def _tolerance(p: Params) -> float:
    # The site's bound: inputs lie in [-1, 1], so each output sums K products of magnitude <= 1
    # plus a bias; a float32 sum of K such terms is off by at most about K·u·K (u = 2^-24,
    # Higham's gamma_K bound). The same formula as in the browser, so both are judged alike.
    k = patch_size(p)
    return k * (k + 1) * 2.0 ** -24


def _skip_loops(p: Params, quick: bool) -> str | None:
    work = multiply_adds(p)
    if work > LOOPS_FULL_MAX:
        return "pure-Python loops take minutes on this case"
    if quick and work > LOOPS_QUICK_MAX:
        return "pure-Python loops take seconds per call on this case; run without --quick"
    return None


@contextmanager
def _direct_python(p: Params, inp: ConvInput, threads: int):
    yield lambda: conv2d_naive(inp.x, inp.w, inp.b, p["stride"], p["padding"])


@cache
def _compiled(name: str) -> ModuleType | str:
    """The compiled-kernel module (importing numba, or building the Cython one on first use),
    or why it cannot be had here: those variants are then skipped with that reason."""
    if name == "cython":
        try:
            from everycore.cython_build import load_conv_cython
            return load_conv_cython()
        except ImportError as error:   # no Cython or no C compiler: the message says which
            return str(error)
    try:
        return importlib.import_module("everycore.conv_numba")
    except ImportError:
        return NEEDS_NUMBA


def _needs(name: str) -> Callable[[Params, bool], str | None]:
    def skip(p: Params, quick: bool) -> str | None:
        module = _compiled(name)
        return module if isinstance(module, str) else None
    return skip


def _compiled_call(p: Params, inp: ConvInput, conv: Callable[..., np.ndarray]):
    call = lambda: conv(inp.x, inp.w, inp.b, p["stride"], p["padding"])  # noqa: E731
    call()   # the first call compiles (Numba) or loads: keep it out of the warm-up and samples
    return call


@contextmanager
def _direct_numba(p: Params, inp: ConvInput, threads: int):
    yield _compiled_call(p, inp, _compiled("numba").conv2d_numba)


@contextmanager
def _direct_numba_parallel(p: Params, inp: ConvInput, threads: int):
    conv = _compiled("numba").conv2d_numba_parallel
    yield _compiled_call(p, inp, lambda *args: conv(*args, threads=threads))


@contextmanager
def _direct_cython(p: Params, inp: ConvInput, threads: int):
    yield _compiled_call(p, inp, _compiled("cython").conv2d_cython)


@contextmanager
def _im2col_numpy(p: Params, inp: ConvInput, threads: int):
    # BLAS threads are set by the runner around this call (threadpoolctl), not here.
    yield lambda: conv2d_im2col_numpy(inp.x, inp.w, inp.b, p["stride"], p["padding"])


CONV2D_IM2COL = Benchmark(
    id="conv2d-im2col",
    baseline="conv2d-f32-direct-python",
    title="Convolution: direct loops vs im2col + GEMM",
    cases=CASES,
    seed=20261123,
    input=_input,
    reference=_reference,
    tolerance=_tolerance,
    flops=lambda p: 2 * multiply_adds(p),
    variants=(
        Variant(id="conv2d-f32-direct-python", label="Direct loops (Python)",
                prepare=_direct_python, skip=_skip_loops),
        Variant(id="conv2d-f32-im2col-numpy", label="im2col + GEMM (numpy, BLAS)",
                prepare=_im2col_numpy, threading=Threading.BLAS),
        # Compiled direct loops; each runs only where its extra is installed.
        Variant(id="conv2d-f32-direct-numba", label="Direct loops (Numba)",
                prepare=_direct_numba, skip=_needs("numba")),
        Variant(id="conv2d-f32-direct-numba-parallel", label="Direct loops (Numba, prange)",
                prepare=_direct_numba_parallel, threading=Threading.THREADS,
                skip=_needs("numba")),
        Variant(id="conv2d-f32-direct-cython", label="Direct loops (Cython)",
                prepare=_direct_cython, skip=_needs("cython")),
    ),
)
