"""The site's "blur-algorithms" benchmark natively: a better algorithm before a faster loop.

A k×k Gaussian blur of a 512×512 gray image for k = 3, 9 and 25, done directly (k² shifted planes,
``everycore.shifted_conv.conv2d_shifted``) and separably (a row pass, then a column pass: 2k taps,
``conv2d_separable``): the same variants, by id, as conv2d-layers and conv2d-separable race.

The image is not the site's. The site blurs a photo (``public/images/astronaut.png``) that the
browser decodes to 8-bit gray; decoding a PNG needs a library the companion does not depend on, so
here the image is seeded 8-bit gray levels of the same size, drawn by mulberry32 from the site's
seed. The times do not depend on the pixel values: none of these loops branches on them. The id,
cases, parameters and seed are the site's.

No native counterpart: the site's integral-image box blur. A box is not a Gaussian, so the site
checks it against its own reference (the direct box sum), while the native harness checks every
variant against the benchmark's one reference.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from everycore.lab.benchmark import Benchmark, Case, Params
from everycore.lab.conv2d_layers import SHIFTED_NUMPY
from everycore.lab.conv2d_separable import SEPARABLE_NUMPY, SeparableInput
from everycore.lab.conv_vectorization import padded_plane, plane_params
from everycore.lab.mulberry32 import mulberry32
from everycore.vectorize import conv2d_vectorized


def gaussian_taps_f32(k: int) -> np.ndarray:
    """The site's gaussianTapsF32: k taps of a normalised Gaussian with σ = k / 6, so the window
    spans about ±3σ. Their outer product is the k×k Gaussian, a separable filter."""
    sigma, r = k / 6, (k - 1) / 2
    taps = np.exp(-((np.arange(k) - r) ** 2) / (2 * sigma * sigma))
    return (taps / taps.sum()).astype(np.float32)


def _input(p: Params, seed: int) -> SeparableInput:
    height, width, k = p["height"], p["width"], p["kernelH"]
    levels = np.floor(mulberry32(seed, height * width) * 256)   # 0 … 255, as 8-bit gray
    taps = gaussian_taps_f32(k).reshape(1, 1, k)
    # float32 · float32 rounded to float32, as the site's separableWeights builds the whole filter.
    return SeparableInput(x=levels.astype(np.float32).reshape(1, 1, height, width),
                          w=taps[:, :, :, None] * taps[:, :, None, :],
                          b=np.zeros(1, np.float32), u=taps, v=taps)


def _reference(p: Params, inp: SeparableInput) -> np.ndarray:
    """Every window times the whole filter, summed in float64 (the vectorization chapter's
    sliding-window einsum), as the site's reference sums in doubles. Not im2col: at k = 25 its
    matrix would take 1.3 GB."""
    image = padded_plane(p, inp).astype(np.float64)
    return conv2d_vectorized(image, inp.w[0, 0].astype(np.float64))[None, None] + inp.b


BLUR_ALGORITHMS = Benchmark(
    id="blur-algorithms",
    baseline="conv2d-f32-shifted-numpy",
    title="Blurring a 512×512 image: direct Gaussian vs separable Gaussian",
    cases=tuple(Case(f"k={k}", plane_params(k)) for k in (3, 9, 25)),
    seed=0,
    input=_input,
    reference=_reference,
    # The site's bound: pixels ≤ 255 and taps ≥ 0 summing to 1, so a float32 sum of k² terms errs
    # by at most about k²·u·255 (u = 2^-24); twice that covers the separable order of the sums
    # and the rounded outer-product weights.
    tolerance=lambda p: 2 * p["kernelH"] * p["kernelW"] * 2.0 ** -24 * 255,
    # The variants do different amounts of work (that is the point): compare times, not GFLOP/s.
    flops=lambda p: 0.0,
    variants=(
        replace(SHIFTED_NUMPY, label="Gaussian, direct: k² taps per pixel (shifted planes, numpy)"),
        replace(SEPARABLE_NUMPY,
                label="Gaussian, separable: a row pass and a column pass, 2k taps (numpy)"),
    ),
)
