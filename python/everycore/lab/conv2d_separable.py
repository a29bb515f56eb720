"""The site's "conv2d-separable" benchmark natively: a separable 9×9 filter, direct vs separable.

Same id, cases, seed and input as ``src/lab/benchmarks/conv2d-separable.ts``: a rank-1 filter
w[f, c] = u[f, c] ⊗ v[f, c] on a 256×256 image, gray (one channel, one filter) and with three
channels into three filters. The separable variant gets the factors u, v and runs two 1-D passes
(``everycore.shifted_conv.conv2d_separable``, 18 multiply-adds per pixel and channel); the
shifted-planes and im2col + BLAS variants get their product w, the same filter (81 of them).
The reference, tolerance and FLOPs are the convolution's (conv2d-im2col's), as on the site.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy as np

from everycore.lab.benchmark import Case, Params, Variant
from everycore.lab.conv2d_im2col import CONV2D_IM2COL, ConvInput, conv_label, conv_params
from everycore.lab.conv2d_layers import CONV2D_IM2COL_VARIANTS, SHIFTED_NUMPY
from everycore.lab.mulberry32 import random_f32
from everycore.shifted_conv import conv2d_separable

SIZE = 256
K = 9


@dataclass(frozen=True)
class SeparableInput(ConvInput):
    u: np.ndarray  # (F, C, kH): the column factors
    v: np.ndarray  # (F, C, kW): the row factors


def _blur(channels: int, filters: int) -> Params:
    padding = (K - 1) // 2   # the output keeps the image's size
    return {**conv_params(1, channels, SIZE, filters), "kernelH": K, "kernelW": K, "padding": padding}


def _input(p: Params, seed: int) -> SeparableInput:
    n, c, h, w, f = p["batch"], p["channels"], p["height"], p["width"], p["filters"]
    u = random_f32(f * c * p["kernelH"], seed + 1).reshape(f, c, p["kernelH"])
    v = random_f32(f * c * p["kernelW"], seed + 3).reshape(f, c, p["kernelW"])
    # float32 · float32 rounded to float32: the site's separableWeights, bit for bit.
    return SeparableInput(x=random_f32(n * c * h * w, seed).reshape(n, c, h, w),
                          w=u[:, :, :, None] * v[:, :, None, :],
                          b=random_f32(f, seed + 2), u=u, v=v)


@contextmanager
def _separable_numpy(p: Params, inp: SeparableInput, threads: int):
    yield lambda: conv2d_separable(inp.x, inp.u, inp.v, inp.b, p["stride"], p["padding"])


SEPARABLE_NUMPY = Variant(id="conv2d-f32-separable-numpy",
                          label="Separable: a row pass, then a column pass (numpy)",
                          prepare=_separable_numpy)


CONV2D_SEPARABLE = replace(
    CONV2D_IM2COL,
    id="conv2d-separable",
    baseline="conv2d-f32-shifted-numpy",
    title="A separable 9×9 filter on 1 and 3 channels: shifted planes vs separable vs im2col",
    cases=tuple(Case(f"{conv_label(p)}, {K}×{K}", p) for p in (_blur(1, 1), _blur(3, 3))),
    seed=20261202,
    input=_input,
    variants=(
        SHIFTED_NUMPY,
        CONV2D_IM2COL_VARIANTS["conv2d-f32-im2col-numpy"],
        SEPARABLE_NUMPY,
    ),
)
