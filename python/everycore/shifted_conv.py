"""2-D convolution in numpy without im2col: shifted planes, and separable filters in two passes.

Same layout and conventions as ``im2col.py``: NCHW images, (F, C, kH, kW) filters, an optional
(F,) bias, integer ``stride`` and ``padding``, cross-correlation (the kernel is not flipped).

The shifted form is the first thing numpy suggests after the loops. Instead of visiting each output
pixel and summing its window, it visits each of the kH·kW taps and updates every output pixel at
once: the padded input, shifted by the tap's offset, times that tap's weights. It writes only a
padded copy of the input and the output: no patch matrix, and no matrix product.

A separable filter is the outer product of a column and a row, w[f, c] = u[f, c] ⊗ v[f, c] (a
Gaussian, a box, a Sobel). Filtering every row with v, then every column of that with u, gives the
same output with kH + kW multiply-adds per pixel instead of kH·kW: an algorithm, not a faster loop.
"""

from __future__ import annotations

import numpy as np

from everycore.im2col import _check_geometry, _check_weights

__all__ = ["conv2d_shifted", "conv2d_separable"]


def _padded(x: np.ndarray, padding: int) -> np.ndarray:
    return np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))) if padding else x


def _with_bias(shape: tuple[int, ...], b, dtype) -> np.ndarray:
    """An (N, F, H', W') output filled with each filter's bias (zeros without one)."""
    out = np.empty(shape, dtype)
    out[:] = 0 if b is None else np.asarray(b)[:, None, None]
    return out


def conv2d_shifted(x, w, b=None, stride=1, padding=0):
    """Convolve by taps: for each (ky, kx), add w[:, :, ky, kx] times the shifted input planes.

    ``einsum`` sums over the channels in compiled code, one tap at a time; each call reads one
    (N, C, H', W') view of the padded input (no copy) and adds into the whole output.
    """
    x, w = np.asarray(x), np.asarray(w)
    F, kH, kW = _check_weights(x, w, b)
    N, C, H, W, H_out, W_out = _check_geometry(x.shape, (kH, kW), stride, padding,
                                               kernel_name="w's kernel")
    xp = _padded(x, padding)
    out = _with_bias((N, F, H_out, W_out), b, np.result_type(x, w))
    for ky in range(kH):
        for kx in range(kW):
            planes = xp[:, :, ky:ky + stride * H_out:stride, kx:kx + stride * W_out:stride]
            out += np.einsum("fc,nchw->nfhw", w[:, :, ky, kx], planes)
    return out


def conv2d_separable(x, u, v, b=None, stride=1, padding=0):
    """Convolve with the filters w[f, c] = u[f, c] ⊗ v[f, c]: u (F, C, kH) the column factors,
    v (F, C, kW) the row factors. Equals ``conv2d_shifted(x, w, b, stride, padding)``."""
    x, u, v = np.asarray(x), np.asarray(u), np.asarray(v)
    if u.ndim != 3 or v.ndim != 3 or u.shape[:2] != v.shape[:2]:
        raise ValueError(f"u must be (F, C, kH) and v (F, C, kW) with the same F and C, "
                         f"got shapes {u.shape} and {v.shape}")
    F, _, kH = u.shape
    kW = v.shape[2]
    N, C, H, W, H_out, W_out = _check_geometry(x.shape, (kH, kW), stride, padding,
                                               kernel_name="the filters' kernel")
    if u.shape[1] != C:
        raise ValueError(f"channel mismatch: x has C={C} channels but u and v expect {u.shape[1]}")
    if b is not None and np.shape(b) != (F,):
        raise ValueError(f"b must have shape ({F},) to match the {F} filters, got {np.shape(b)}")
    xp = _padded(x, padding)
    dtype = np.result_type(x, u, v)

    # Row pass: every padded row filtered with v, kept apart for each (filter, channel) pair.
    rows = np.zeros((N, F, C, xp.shape[2], W_out), dtype)
    for kx in range(kW):
        rows += v[None, :, :, kx, None, None] * xp[:, None, :, :, kx:kx + stride * W_out:stride]

    # Column pass: those rows filtered with u, summed over the channels into each filter.
    out = _with_bias((N, F, H_out, W_out), b, dtype)
    for ky in range(kH):
        taps = rows[:, :, :, ky:ky + stride * H_out:stride]
        out += np.einsum("fc,nfchw->nfhw", u[:, :, ky], taps)
    return out
