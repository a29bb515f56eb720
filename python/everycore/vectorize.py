"""Part 2: the same 2D convolution as Python for-loops and as one vectorized numpy expression.

Both compute a "valid" cross-correlation of a grayscale image (H, W) with a kernel (kh, kw), the
operation every deep-learning framework calls convolution: out[y, x] = sum of
image[y + i, x + j] * kernel[i, j]. The output is (H - kh + 1, W - kw + 1).
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .benchmarks import time_call


def _check(image_shape, kernel_shape):
    if len(image_shape) != 2 or len(kernel_shape) != 2:
        raise ValueError(f"image and kernel must be 2D, got shapes {image_shape} and {kernel_shape}")
    (h, w), (kh, kw) = image_shape, kernel_shape
    if kh < 1 or kw < 1 or kh > h or kw > w:
        raise ValueError(f"kernel {kh}x{kw} must be non-empty and fit inside the image {h}x{w}")


# [start:conv2d_loops]
def conv2d_loops(image, kernel):
    """Pure Python: lists of lists, four nested loops, one multiply-add per interpreted step."""
    _check((len(image), len(image[0])), (len(kernel), len(kernel[0])))
    h, w = len(image), len(image[0])
    kh, kw = len(kernel), len(kernel[0])
    out = []
    for y in range(h - kh + 1):
        row = []
        for x in range(w - kw + 1):
            acc = 0.0
            for i in range(kh):
                image_row, kernel_row = image[y + i], kernel[i]
                for j in range(kw):
                    acc += image_row[x + j] * kernel_row[j]
            row.append(acc)
        out.append(row)
    return out
# [end:conv2d_loops]


# [start:conv2d_vectorized]
def conv2d_vectorized(image, kernel):
    """numpy: a (H', W', kh, kw) view of every window (no copy), contracted with the kernel.

    sliding_window_view only changes strides, so the windows cost no memory; einsum then runs
    the whole sum in compiled code over contiguous float64 data.
    """
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    _check(image.shape, kernel.shape)
    windows = sliding_window_view(image, kernel.shape)
    return np.einsum("yxij,ij->yx", windows, kernel)
# [end:conv2d_vectorized]


# [start:compare_loops_and_numpy]
def compare_loops_and_numpy(size=128, k=3, seed=0, repeats=3):
    """Times both on the same random image; returns seconds and the speedup numpy gives here."""
    rng = np.random.default_rng(seed)
    image = rng.random((size, size))
    kernel = rng.random((k, k))
    loops = time_call(conv2d_loops, image.tolist(), kernel.tolist(), repeats=repeats)
    vectorized = time_call(conv2d_vectorized, image, kernel, repeats=repeats)
    if not np.allclose(loops["result"], vectorized["result"]):
        raise AssertionError("the loop and numpy convolutions disagree")
    return {
        "loops_s": loops["median_s"],
        "numpy_s": vectorized["median_s"],
        "speedup": loops["median_s"] / vectorized["median_s"],
    }
# [end:compare_loops_and_numpy]
