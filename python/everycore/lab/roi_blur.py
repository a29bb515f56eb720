"""The site's "roi-blur" benchmark natively: blur the whole frame and crop, or only the region.

A 25×25 separable Gaussian wanted inside a square of a 512×512 gray image, centred where the
site's photo shows the astronaut's face (row 128, column 224): squares of 1/4, 1/16 and 1/64 of
the frame's area, the largest touching the top edge. The baseline blurs the whole frame and crops
(``everycore.roi.blur_whole_then_crop``); the other variant blurs the square and its 12-pixel halo
(``blur_region``), the functions the page shows. Both are ``conv2d_separable`` underneath.

As in ``blur_algorithms`` (whose input this reuses), the image is seeded 8-bit gray levels of the
photo's size, not the photo: the companion decodes no PNG, and no loop here branches on a pixel.
The id, cases, parameters and seed are the site's (``src/lab/benchmarks/roi-blur.ts``).
"""

from __future__ import annotations

from contextlib import contextmanager
from math import isqrt

import numpy as np

from everycore.lab.benchmark import Benchmark, Case, Params, Variant
from everycore.lab.blur_algorithms import BLUR_ALGORITHMS
from everycore.lab.conv2d_separable import SeparableInput
from everycore.lab.conv_vectorization import plane_params
from everycore.roi import blur_region, blur_whole_then_crop

SIZE = 512
K = 25
FACE = (128, 224)   # (row, column) of the face in the site's photo, found by eye


def roi_params(height: int, width: int, k: int, box: tuple[int, int, int, int]) -> Params:
    """An H×W frame, a k×k blur and a box (top, left, height, width), named as on the site."""
    top, left, box_height, box_width = box
    return {"height": height, "width": width, "k": k, "top": top, "left": left,
            "regionHeight": box_height, "regionWidth": box_width}


def _centred_on_face(share: int) -> Case:
    """A square of 1/share of the frame's area (share a square number), centred on the face."""
    side = SIZE // isqrt(share)
    params = roi_params(SIZE, SIZE, K, (FACE[0] - side // 2, FACE[1] - side // 2, side, side))
    return Case(f"1/{share} ({side}×{side})", params)


def _box(p: Params) -> tuple[int, int, int, int]:
    return p["top"], p["left"], p["regionHeight"], p["regionWidth"]


def _frame(p: Params) -> Params:
    """The whole frame's blur as blur-algorithms declares it, at this case's size."""
    return {**plane_params(p["k"]), "height": p["height"], "width": p["width"]}


def _input(p: Params, seed: int) -> SeparableInput:
    return BLUR_ALGORITHMS.input(_frame(p), seed)


def _reference(p: Params, inp: SeparableInput) -> np.ndarray:
    """blur-algorithms' float64 reference of the whole frame, cropped to the square."""
    top, left, height, width = _box(p)
    return BLUR_ALGORITHMS.reference(_frame(p), inp)[0, 0, top:top + height, left:left + width]


def _calling(blur):
    @contextmanager
    def prepare(p: Params, inp: SeparableInput, threads: int):
        image, taps, box = inp.x[0, 0], inp.u[0, 0], _box(p)
        yield lambda: blur(image, box, taps)
    return prepare


ROI_BLUR = Benchmark(
    id="roi-blur",
    baseline="blur-f32-full-crop-numpy",
    title="A 25×25 Gaussian wanted on a region of a 512×512 image: whole frame then crop vs "
          "the region and its halo",
    cases=tuple(_centred_on_face(share) for share in (4, 16, 64)),
    seed=0,
    input=_input,
    reference=_reference,
    # blur-algorithms' bound for its separable Gaussian, which both variants compute bit for bit.
    tolerance=lambda p: 2 * p["k"] * p["k"] * 2.0 ** -24 * 255,
    # The variants do different amounts of work (that is the point): compare times, not GFLOP/s.
    flops=lambda p: 0.0,
    variants=(
        Variant(id="blur-f32-full-crop-numpy",
                label="The whole frame blurred, then the region cropped (numpy)",
                prepare=_calling(blur_whole_then_crop)),
        Variant(id="blur-f32-region-numpy",
                label=f"The region alone, read with a {(K - 1) // 2}-pixel halo (numpy)",
                prepare=_calling(blur_region)),
    ),
)
