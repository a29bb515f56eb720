"""The site's "conv-vectorization" benchmark natively: Python loops vs one numpy expression.

One filter over one 512×512 channel, the race of the vectorization chapter on this machine:
the four nested loops over lists of lists (``everycore.vectorize.conv2d_loops``, the chapter's
listing), the same loops over a numpy array element by element, the chapter's vectorized
expression (a sliding-window view contracted by ``einsum``), whole shifted planes (the site's
"numpy formulation") and im2col + BLAS. Here the interpreter's cost per multiply-add is the whole
story, so the gaps are far wider than the browser's, whose JIT compiles even the naive loops.

Same id, cases, parameters, seed and input as ``src/lab/benchmarks/conv-vectorization.ts``. As the
site shares ``convModel`` between its convolution benchmarks, the input, reference, tolerance and
FLOP count are conv2d-im2col's; the element-by-element loops, shifted planes and im2col + BLAS are
the variants conv2d-im2col and conv2d-layers race.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace

import numpy as np

from everycore.lab.benchmark import Case, Params, Variant
from everycore.lab.conv2d_im2col import CONV2D_IM2COL, ConvInput
from everycore.lab.conv2d_layers import CONV2D_IM2COL_VARIANTS, SHIFTED_NUMPY
from everycore.vectorize import conv2d_loops, conv2d_vectorized


def plane_params(k: int) -> Params:
    """One k×k filter over one 512×512 channel, padded to keep its size (also blur-algorithms')."""
    return {"batch": 1, "channels": 1, "height": 512, "width": 512, "filters": 1,
            "kernelH": k, "kernelW": k, "stride": 1, "padding": (k - 1) // 2}


def padded_plane(p: Params, inp: ConvInput) -> np.ndarray:
    """The one channel, zero-padded: the chapter's functions compute "valid" windows only."""
    return np.pad(inp.x[0, 0], p["padding"])


@contextmanager
def _nested_python(p: Params, inp: ConvInput, threads: int):
    image, kernel = padded_plane(p, inp).tolist(), inp.w[0, 0].tolist()
    # Back to an array for the check: a few percent of the call, the price of leaving numpy.
    yield lambda: np.array(conv2d_loops(image, kernel))[None, None] + inp.b


@contextmanager
def _einsum_numpy(p: Params, inp: ConvInput, threads: int):
    image = padded_plane(p, inp).astype(np.float64)
    kernel = inp.w[0, 0].astype(np.float64)
    yield lambda: conv2d_vectorized(image, kernel)[None, None] + inp.b


CONV_VECTORIZATION = replace(
    CONV2D_IM2COL,
    id="conv-vectorization",
    baseline="conv2d-f64-nested-python",
    title="A 512×512 convolution: Python loops vs vectorized numpy",
    cases=tuple(Case(f"{k}×{k}", plane_params(k)) for k in (3, 5)),
    seed=20261124,
    variants=(
        Variant(id="conv2d-f64-nested-python", label="Nested loops over lists of lists (Python)",
                prepare=_nested_python),
        replace(CONV2D_IM2COL_VARIANTS["conv2d-f32-direct-python"],
                label="Nested loops over a numpy array, element by element (Python)"),
        Variant(id="conv2d-f64-einsum-numpy",
                label="Sliding-window view contracted by einsum (numpy, float64)",
                prepare=_einsum_numpy),
        SHIFTED_NUMPY,
        CONV2D_IM2COL_VARIANTS["conv2d-f32-im2col-numpy"],
    ),
)
