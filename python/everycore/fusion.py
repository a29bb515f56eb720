"""A memory-bound chain of element-wise steps, as numpy runs it: one full pass per step.

Turning a linear float32 image (a sensor's or a renderer's light values) into 8-bit pixels takes
four cheap steps per pixel: normalize (black level to 0, white to 1), gamma, clamp, round to a
byte. numpy runs each step over the WHOLE image before the next one starts, so every step reads
and writes an image-sized float32 temporary: about eight passes over memory for a few
arithmetic operations per pixel. Once the image is larger than the caches, the time goes to
moving those temporaries, not to arithmetic: the chain is memory-bound.

The fused version (``fused_normalize_gamma_u8`` in conv_cython.pyx, built by cython_build.py)
does all four steps in one loop: one read of 4 bytes and one write of 1 byte per pixel. That is
why a small Cython loop beats numpy here, while it cannot beat numpy's matrix product (compute-
bound, and already compiled and parallel).

The gamma is 2 (a square root; sRGB's is about 2.2): a general power costs tens of nanoseconds
per pixel, which would make the chain compute-bound and hide what fusion saves, and a square
root is correctly rounded everywhere, so both versions give the same bytes.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import numpy as np

__all__ = ["normalize_gamma_u8_numpy", "chain_args"]


def chain_args(img, black, white) -> tuple[np.ndarray, float, float]:
    """Check the chain's arguments; return the C-contiguous image, black and 1/(white - black),
    the last two rounded to float32 as numpy rounds a Python float combined with float32."""
    img = np.asarray(img)
    if img.dtype != np.float32:
        raise ValueError(f"img must be float32, got {img.dtype} (convert it once with "
                         "img.astype(np.float32))")
    black, white = float(black), float(white)
    if not np.isfinite([black, white]).all() or not white > black:
        raise ValueError(f"white must be greater than black (both finite), got black={black}, "
                         f"white={white}")
    return (np.ascontiguousarray(img), float(np.float32(black)),
            float(np.float32(1.0 / (white - black))))


# [start:normalize_gamma_u8_numpy]
def normalize_gamma_u8_numpy(img, black, white):
    """Linear float32 image -> 8-bit, gamma-2 pixels, the numpy way: one pass per operation.

    Each line below allocates and fills a new float32 image; on a 4000x3000 image that is
    48 MB written and read back per step.
    """
    img, black, scale = chain_args(img, black, white)
    y = (img - black) * scale                 # normalize: black -> 0, white -> 1
    y = np.sqrt(np.maximum(y, 0))             # gamma 2, noise below black clipped first
    y = np.minimum(y, 1)                      # clamp: brighter than white saturates
    return (y * 255 + 0.5).astype(np.uint8)   # round to the nearest byte
# [end:normalize_gamma_u8_numpy]
