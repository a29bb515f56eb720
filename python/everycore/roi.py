"""Blur only the region you need: a box of the image and the halo its windows read.

A blur's cost is proportional to the pixels it computes. When only a box of the result is wanted
(a detected face, a tile that changed, a thumbnail's crop), blurring the whole image and cropping
pays for every pixel outside the box. A k×k window centred on a pixel of the box reads up to
(k − 1) / 2 pixels beyond the box's edge: cut the box out with that halo, filter the cut with no
padding, and exactly the box's outputs are left.

The blur is the site's separable one: taps ⊗ taps as a row pass then a column pass
(``everycore.shifted_conv.conv2d_separable``), with pixels outside the image counting as zero. So
where the halo crosses the image's edge the cut holds zeros there, which is what the whole-image
blur reads; both then add the same products in the same order, and agree bit for bit.

A box is ``(top, left, height, width)`` in pixels. The ``# [start:NAME]`` / ``# [end:NAME]``
comment lines mark the regions the website shows.
"""

from __future__ import annotations

import operator

import numpy as np

from everycore.shifted_conv import conv2d_separable

__all__ = ["blur_region", "blur_whole_then_crop", "halo_window"]


def _checked(image: np.ndarray, box, taps: np.ndarray) -> tuple[int, int, int, int]:
    """The box as four ints, after checking the three arguments; a ValueError names the bad one."""
    if image.ndim != 2 or image.size == 0:
        raise ValueError(f"image must be a non-empty 2-D array (H, W), got shape {image.shape}")
    if taps.ndim != 1 or len(taps) % 2 == 0:
        raise ValueError(f"taps must be a 1-D array of an odd number k of weights, "
                         f"got shape {taps.shape}")
    try:
        top, left, height, width = (operator.index(v) for v in box)
    except (TypeError, ValueError):
        raise ValueError(f"box must be four integers (top, left, height, width), "
                         f"got {box!r}") from None
    if height < 1 or width < 1:
        raise ValueError(f"box is empty: height {height}, width {width}")
    H, W = image.shape
    if top < 0 or left < 0 or top + height > H or left + width > W:
        raise ValueError(f"box (top, left, height, width) = {(top, left, height, width)} "
                         f"leaves the {H}×{W} image")
    return top, left, height, width


# [start:blur_whole_then_crop]
def blur_whole_then_crop(image, box, taps):
    """What one writes first: blur every pixel, keep the box."""
    image, taps = np.asarray(image), np.asarray(taps)
    top, left, height, width = _checked(image, box, taps)
    t = taps[None, None]                     # one filter, one channel: (F, C, k)
    blurred = conv2d_separable(image[None, None], t, t, padding=(len(taps) - 1) // 2)[0, 0]
    return blurred[top:top + height, left:left + width]
# [end:blur_whole_then_crop]


# [start:blur_region]
def halo_window(image, box, radius):
    """The box grown by ``radius`` on every side. Past the image's edge it holds zeros: what
    the zero-padded blur of the whole image reads there. (``np.pad`` of the whole image would
    copy every pixel, the cost this avoids.)"""
    top, left, height, width = box
    H, W = image.shape
    window = np.zeros((height + 2 * radius, width + 2 * radius), image.dtype)
    y0, y1 = max(top - radius, 0), min(top + height + radius, H)
    x0, x1 = max(left - radius, 0), min(left + width + radius, W)
    oy, ox = top - radius, left - radius     # the window's top-left pixel in the image
    window[y0 - oy:y1 - oy, x0 - ox:x1 - ox] = image[y0:y1, x0:x1]
    return window


def blur_region(image, box, taps):
    """The blur inside the box alone: equal to blur_whole_then_crop, for the cost of the box
    and its halo of (k − 1) / 2 pixels on each side."""
    image, taps = np.asarray(image), np.asarray(taps)
    box = _checked(image, box, taps)
    window = halo_window(image, box, (len(taps) - 1) // 2)
    t = taps[None, None]
    # No padding: the window already holds every pixel (or zero) the box's windows read.
    return conv2d_separable(window[None, None], t, t)[0, 0]
# [end:blur_region]
