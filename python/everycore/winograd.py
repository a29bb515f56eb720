"""Winograd's minimal filtering F(2×2, 3×3): a 3×3, stride-1 convolution in 16 multiplies per
2×2 output tile and channel instead of 36 (Lavin & Gray, "Fast Algorithms for Convolutional
Neural Networks", 2016).

Each 2×2 output tile ``Y`` comes from its 4×4 input window ``d`` and the 3×3 filter ``g`` as

    Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A

with the constant matrices below. Summed over input channels, the elementwise product becomes
16 independent matrix products over the channel axis, one per position of the 4×4 transformed
tile: that is where the work goes, and why a fast GEMM makes Winograd fast. The site's
WebAssembly kernel (``src/kernels/wasm/assembly/conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd.ts``) does the same
three stages with SIMD; this is the readable version.

Layout as in ``everycore.im2col``: x is (N, C, H, W), w is (F, C, 3, 3), b is (F,), the output
(N, F, H', W') with H' = H + 2·padding − 2; convolution means cross-correlation.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import numpy as np

from everycore.im2col import _as_int

__all__ = ["B_T", "G", "A_T", "winograd_filters", "winograd_input_tiles", "conv2d_winograd_2x2_3x3"]


# [start:winograd_matrices]
# Interpolation at 0, 1, -1 and ∞: every coefficient is 0, ±1 or ±1/2, so the transforms are
# additions only and add little rounding error (larger tiles need ±2, ±1/6… and lose accuracy).
B_T = np.array([[1, 0, -1, 0],
                [0, 1, 1, 0],
                [0, -1, 1, 0],
                [0, 1, 0, -1]], dtype=np.float64)
G = np.array([[1, 0, 0],
              [0.5, 0.5, 0.5],
              [0.5, -0.5, 0.5],
              [0, 0, 1]], dtype=np.float64)
A_T = np.array([[1, 1, 1, 0],
                [0, 1, -1, -1]], dtype=np.float64)
# [end:winograd_matrices]


# [start:winograd_filters]
def winograd_filters(w):
    """U = G g Gᵀ for every (filter, channel): (F, C, 3, 3) → (4, 4, F, C). Done once per weights."""
    g = G.astype(w.dtype)  # in w's precision: float32 data stays float32, as in the kernel
    return np.einsum("ai,fcij,bj->abfc", g, w, g)
# [end:winograd_filters]


# [start:winograd_input_tiles]
def winograd_input_tiles(x, padding):
    """V = Bᵀ d B for every 4×4 window d at stride 2: (N, C, H, W) → (4, 4, C, N, tH, tW)."""
    n, c, h, w = x.shape
    t_h, t_w = -(-(h + 2 * padding - 2) // 2), -(-(w + 2 * padding - 2) // 2)
    # Zero padding: the image's own, plus enough at the bottom and right for whole tiles.
    xp = np.zeros((n, c, 2 * t_h + 2, 2 * t_w + 2), dtype=x.dtype)
    xp[:, :, padding:padding + h, padding:padding + w] = x
    # Overlapping 4×4 windows, two pixels apart, as a strided view (no copy).
    s_n, s_c, s_y, s_x = xp.strides
    d = np.lib.stride_tricks.as_strided(
        xp, shape=(n, c, t_h, t_w, 4, 4), strides=(s_n, s_c, 2 * s_y, 2 * s_x, s_y, s_x))
    b_t = B_T.astype(x.dtype)
    return np.einsum("ai,nctuij,bj->abcntu", b_t, d, b_t)
# [end:winograd_input_tiles]


# [start:conv2d_winograd_2x2_3x3]
def conv2d_winograd_2x2_3x3(x, w, b=None, padding=0):
    """3×3, stride-1 convolution by F(2×2, 3×3): transform, 16 matrix products, transform back."""
    x, w = np.asarray(x), np.asarray(w)
    padding = _check_winograd_args(x, w, b, padding)
    dtype = np.result_type(x, w, np.float32)  # float32 stays float32; anything else computes in float64
    x, w = x.astype(dtype, copy=False), w.astype(dtype, copy=False)
    n, _, h, wd = x.shape
    f = w.shape[0]
    h_out, w_out = h + 2 * padding - 2, wd + 2 * padding - 2
    u = winograd_filters(w)                      # (4, 4, F, C)
    v = winograd_input_tiles(x, padding)         # (4, 4, C, N, tH, tW)
    t_h, t_w = v.shape[-2:]
    # The 16 GEMMs over channels: M[a, b] = U[a, b] (F × C) · V[a, b] (C × tiles).
    m = u @ v.reshape(4, 4, v.shape[2], -1)      # (4, 4, F, N·tH·tW)
    m = m.reshape(4, 4, f, n, t_h, t_w)
    a_t = A_T.astype(dtype)
    y = np.einsum("ia,abfntu,jb->nftiuj", a_t, m, a_t)   # (N, F, tH, 2, tW, 2)
    y = y.reshape(n, f, 2 * t_h, 2 * t_w)[:, :, :h_out, :w_out]
    if b is not None:
        y = y + np.asarray(b, dtype=y.dtype).reshape(1, f, 1, 1)
    return y
# [end:conv2d_winograd_2x2_3x3]


def _check_winograd_args(x, w, b, padding) -> int:
    """Reject what F(2×2, 3×3) does not compute, naming the argument; return the padding."""
    padding = _as_int(padding, "padding")
    if padding < 0:
        raise ValueError(f"padding must be ≥ 0, got {padding}")
    if x.ndim != 4:
        raise ValueError(f"x must be (N, C, H, W), got shape {x.shape}")
    if w.ndim != 4 or w.shape[2:] != (3, 3):
        raise ValueError(f"w must be (F, C, 3, 3) for F(2×2, 3×3), got shape {w.shape}")
    if w.shape[1] != x.shape[1]:
        raise ValueError(f"w has {w.shape[1]} channels, x has {x.shape[1]}")
    if x.shape[2] + 2 * padding < 3 or x.shape[3] + 2 * padding < 3:
        raise ValueError(f"the 3×3 kernel does not fit the padded {x.shape[2]}×{x.shape[3]} input")
    if b is not None and np.shape(b) != (w.shape[0],):
        raise ValueError(f"b must have shape ({w.shape[0]},), got {np.shape(b)}")
    return padding
