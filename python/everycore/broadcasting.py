"""Part 2: broadcasting patterns, each as explicit loops and as one broadcast expression, and
what the broadcast form costs in temporary memory.

numpy broadcasting compares shapes from the right; a dimension of size 1 is stretched (by a
zero stride, never a copy) to match the other operand. The result, though, is a real array.
"""

import numpy as np


# [start:per_channel]
def normalize_channels_loops(images, mean, std):
    """images (N, C, H, W); mean, std (C,): subtract and divide channel by channel."""
    out = np.empty_like(images, dtype=np.float64)
    for n in range(images.shape[0]):
        for c in range(images.shape[1]):
            out[n, c] = (images[n, c] - mean[c]) / std[c]
    return out


def normalize_channels_broadcast(images, mean, std):
    """(C,) becomes (1, C, 1, 1), which broadcasts against (N, C, H, W)."""
    mean = np.asarray(mean, dtype=np.float64).reshape(1, -1, 1, 1)
    std = np.asarray(std, dtype=np.float64).reshape(1, -1, 1, 1)
    return (images - mean) / std


def add_bias_loops(features, bias):
    """features (N, F, H, W); bias (F,): a per-filter bias, as a conv layer adds it."""
    out = np.array(features, dtype=np.float64)
    for f in range(features.shape[1]):
        out[:, f] += bias[f]
    return out


def add_bias_broadcast(features, bias):
    return features + np.asarray(bias, dtype=np.float64)[None, :, None, None]
# [end:per_channel]


# [start:outer]
def outer_loops(u, v):
    out = np.empty((len(u), len(v)))
    for i in range(len(u)):
        for j in range(len(v)):
            out[i, j] = u[i] * v[j]
    return out


def outer_broadcast(u, v):
    """A column (M, 1) times a row (1, N) is the (M, N) outer product: a separable 2D kernel."""
    return np.asarray(u, dtype=np.float64)[:, None] * np.asarray(v, dtype=np.float64)[None, :]
# [end:outer]


# [start:pairwise]
def pairwise_sq_distances_loops(a, b):
    """a (N, D), b (M, D) → (N, M) squared Euclidean distances."""
    out = np.empty((a.shape[0], b.shape[0]))
    for i in range(a.shape[0]):
        for j in range(b.shape[0]):
            d = a[i] - b[j]
            out[i, j] = float(d @ d)
    return out


def pairwise_sq_distances_broadcast(a, b):
    """(N, 1, D) - (1, M, D) materialises an (N, M, D) difference array before the sum."""
    diff = a[:, None, :] - b[None, :, :]
    return (diff * diff).sum(axis=-1)


def pairwise_sq_distances_fused(a, b):
    """|a - b|² = |a|² - 2 a·b + |b|²: only (N, M) temporaries, and the a·b part is a GEMM."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    sq = np.einsum("nd,nd->n", a, a)[:, None] - 2.0 * (a @ b.T) + np.einsum("md,md->m", b, b)[None, :]
    return np.maximum(sq, 0.0)  # rounding can push a zero distance slightly below 0
# [end:pairwise]


# [start:mask]
def clip_dark_loops(image, threshold):
    """Sets every pixel below threshold to 0, pixel by pixel."""
    out = np.array(image, dtype=np.float64)
    for y in range(out.shape[0]):
        for x in range(out.shape[1]):
            if out[y, x] < threshold:
                out[y, x] = 0.0
    return out


def clip_dark_mask(image, threshold):
    """A boolean mask of the same shape selects the pixels; np.where builds the result in one pass."""
    image = np.asarray(image, dtype=np.float64)
    return np.where(image < threshold, 0.0, image)
# [end:mask]


# [start:temporary_bytes]
def pairwise_temporary_bytes(n, m, d, itemsize=8):
    """Bytes of the largest temporaries each pairwise formulation allocates (float64 by default).

    The broadcast form builds diff (N, M, D) and then diff * diff, another (N, M, D), before the
    sum reduces them; the fused form never holds more than a few (N, M) arrays.
    """
    if min(n, m, d) < 1:
        raise ValueError(f"n, m and d must be >= 1, got {n}, {m}, {d}")
    return {
        "broadcast": 2 * n * m * d * itemsize,
        "fused": 2 * n * m * itemsize,
        "output": n * m * itemsize,
    }
# [end:temporary_bytes]
