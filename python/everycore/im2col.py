"""2-D convolution three ways: nested loops, im2col + one matrix product, and its backward pass.

Layout and conventions, shared by every function here:

* Images are NCHW: ``x.shape == (N, C, H, W)`` (batch, channels, height, width).
* Filters are ``w.shape == (F, C, kH, kW)`` and the optional bias is ``b.shape == (F,)``.
* "Convolution" means cross-correlation (the kernel is not flipped), as in PyTorch,
  TensorFlow and most deep-learning code.
* ``stride`` and ``padding`` are integers applied to both spatial axes; padding adds zeros.
* The output has ``H' = (H + 2*padding - kH) // stride + 1`` rows and ``W'`` (same formula)
  columns.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import operator

import numpy as np

__all__ = [
    "conv2d_naive",
    "im2col",
    "col2im",
    "conv2d_im2col",
    "conv2d_backward",
]


# ---------------------------------------------------------------------------------------------
# Argument checks. Kept out of the displayed regions: they guard the code, they do not teach it.
# ---------------------------------------------------------------------------------------------


def _as_int(value, name: str) -> int:
    """Return ``value`` as a Python int, or raise ValueError naming the argument."""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    try:
        return operator.index(value)
    except TypeError:
        raise ValueError(f"{name} must be an integer, got {value!r}") from None


def _pair(kernel_size, name: str = "kernel_size") -> tuple[int, int]:
    """Accept ``k`` or ``(kH, kW)`` and return ``(kH, kW)`` with both sides at least 1."""
    if isinstance(kernel_size, (tuple, list)):
        if len(kernel_size) != 2:
            raise ValueError(f"{name} must be an int or a pair (kH, kW), got {kernel_size!r}")
        kh, kw = (_as_int(k, name) for k in kernel_size)
    else:
        kh = kw = _as_int(kernel_size, name)
    if kh < 1 or kw < 1:
        raise ValueError(f"{name} must be at least 1 on each side, got {(kh, kw)}")
    return kh, kw


def _check_geometry(
    x_shape, kernel_hw: tuple[int, int], stride, padding, *, x_name: str = "x",
    kernel_name: str = "kernel_size",
) -> tuple[int, int, int, int, int, int]:
    """Validate shapes, stride and padding; return ``(N, C, H, W, H_out, W_out)``."""
    if len(x_shape) != 4:
        raise ValueError(
            f"{x_name} must be 4-D (N, C, H, W), got {len(x_shape)}-D shape {tuple(x_shape)}"
        )
    stride = _as_int(stride, "stride")
    padding = _as_int(padding, "padding")
    if stride < 1:
        raise ValueError(f"stride must be >= 1, got {stride}")
    if padding < 0:
        raise ValueError(f"padding must be >= 0, got {padding}")
    n, c, h, w = (int(s) for s in x_shape)
    kh, kw = kernel_hw
    hp, wp = h + 2 * padding, w + 2 * padding
    if kh > hp or kw > wp:
        raise ValueError(
            f"{kernel_name} {(kh, kw)} is larger than the padded input {(hp, wp)} "
            f"(input {(h, w)} with padding={padding})"
        )
    return n, c, h, w, (hp - kh) // stride + 1, (wp - kw) // stride + 1


def _check_weights(x: np.ndarray, w: np.ndarray, b=None) -> tuple[int, int, int]:
    """Check ``w`` (and ``b``) against ``x``; return ``(F, kH, kW)``."""
    if w.ndim != 4:
        raise ValueError(f"w must be 4-D (F, C, kH, kW), got {w.ndim}-D shape {w.shape}")
    if x.ndim == 4 and w.shape[1] != x.shape[1]:
        raise ValueError(
            f"channel mismatch: x has C={x.shape[1]} channels but w expects {w.shape[1]} "
            f"(w.shape={w.shape})"
        )
    f, _, kh, kw = w.shape
    if b is not None and np.shape(b) != (f,):
        raise ValueError(f"b must have shape ({f},) to match w's {f} filters, got {np.shape(b)}")
    return f, kh, kw


# [start:conv2d_naive]
def conv2d_naive(x, w, b=None, stride=1, padding=0):
    """Convolve with plain nested Python loops: the baseline every other version must match.

    Every multiply-add runs through the interpreter: fetch two numbers out of the arrays,
    multiply, add, repeat. That is N·F·H'·W'·C·kH·kW trips round the innermost loop.

    Parameters
    ----------
    x : ndarray, shape (N, C, H, W)
    w : ndarray, shape (F, C, kH, kW)
    b : ndarray, shape (F,), optional
    stride, padding : int

    Returns
    -------
    out : ndarray, shape (N, F, H', W')
    """
    x, w = np.asarray(x), np.asarray(w)
    F, kH, kW = _check_weights(x, w, b)
    N, C, H, W, H_out, W_out = _check_geometry(x.shape, (kH, kW), stride, padding,
                                               kernel_name="w's kernel")
    # Pad once up front so the loops never have to test for the border.
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out = np.zeros((N, F, H_out, W_out), dtype=np.result_type(x, w))

    for n in range(N):                      # every image
        for f in range(F):                  # every filter
            for oy in range(H_out):         # every output row
                for ox in range(W_out):     # every output column
                    acc = 0.0 if b is None else b[f]
                    for c in range(C):      # the dot product of one patch with one filter
                        for ky in range(kH):
                            for kx in range(kW):
                                acc += (xp[n, c, oy * stride + ky, ox * stride + kx]
                                        * w[f, c, ky, kx])
                    out[n, f, oy, ox] = acc
    return out
# [end:conv2d_naive]


# [start:im2col]
def im2col(x, kernel_size, stride=1, padding=0):
    """Unfold every kernel-sized patch of ``x`` into one row of a matrix.

    Parameters
    ----------
    x : ndarray, shape (N, C, H, W)
    kernel_size : int or (kH, kW)
    stride, padding : int

    Returns
    -------
    col : ndarray, shape (N*H'*W', C*kH*kW)
        Row ``(n*H' + oy)*W' + ox`` holds the patch under output pixel ``(oy, ox)`` of image
        ``n``; its columns run over ``c``, then ``ky``, then ``kx``, the same order as
        ``w.reshape(F, -1)``. So ``col @ w.reshape(F, -1).T`` is the convolution.
        The array is Fortran-ordered (see the last comment); BLAS reads either order.
    """
    x = np.asarray(x)
    kH, kW = _pair(kernel_size)
    N, C, H, W, H_out, W_out = _check_geometry(x.shape, (kH, kW), stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))) if padding else x

    # Tap (ky, kx) of output pixel (oy, ox) reads input pixel (oy*stride + ky, ox*stride + kx),
    # so for a fixed tap the pixels read by all outputs form one strided slice of the image.
    # One vectorised copy per tap (kH*kW copies in all), each moving whole image rows.
    cols = np.empty((C, kH, kW, N, H_out, W_out), dtype=x.dtype)
    for ky in range(kH):
        for kx in range(kW):
            taps = xp[:, :, ky:ky + stride * H_out:stride, kx:kx + stride * W_out:stride]
            cols[:, ky, kx] = taps.transpose(1, 0, 2, 3)      # (N, C, ...) -> (C, N, ...)

    # cols is laid out (c, ky, kx | n, oy, ox): exactly the TRANSPOSE of the matrix we want.
    # Filling it this way keeps every copy contiguous; ".T" then costs nothing (it is a view).
    # Its size, N*H'*W' x C*kH*kW, is the memory price of im2col: up to kH*kW copies per pixel.
    return cols.reshape(C * kH * kW, N * H_out * W_out).T
# [end:im2col]


# [start:col2im]
def col2im(col, x_shape, kernel_size, stride=1, padding=0):
    """Fold a patch matrix back into an image: the adjoint (transpose) of :func:`im2col`.

    A pixel covered by several patches receives the SUM of all their entries, which is exactly
    what the gradient of a convolution needs: every patch that read the pixel sends its share
    of the gradient back to it. (It is therefore not an inverse: ``col2im(im2col(x))`` is ``x``
    times how many patches cover each pixel.)

    Parameters
    ----------
    col : ndarray, shape (N*H'*W', C*kH*kW), laid out as :func:`im2col` returns it
    x_shape : (N, C, H, W), the shape of the image that was unfolded
    kernel_size : int or (kH, kW)
    stride, padding : int

    Returns
    -------
    x : ndarray, shape (N, C, H, W)
    """
    col = np.asarray(col)
    kH, kW = _pair(kernel_size)
    N, C, H, W, H_out, W_out = _check_geometry(tuple(x_shape), (kH, kW), stride, padding,
                                               x_name="x_shape")
    if col.shape != (N * H_out * W_out, C * kH * kW):
        raise ValueError(f"col must have shape {(N * H_out * W_out, C * kH * kW)} for "
                         f"x_shape={tuple(x_shape)}, got {col.shape}")

    # (n, oy, ox | c, ky, kx)  ->  (n, c, ky, kx, oy, ox): one (H', W') grid per kernel tap.
    patches = col.reshape(N, H_out, W_out, C, kH, kW).transpose(0, 3, 4, 5, 1, 2)
    xp = np.zeros((N, C, H + 2 * padding, W + 2 * padding), dtype=col.dtype)

    # Loop over the kH*kW kernel taps only; each step is one vectorised slice-add. Tap (ky, kx)
    # of output pixel (oy, ox) read input pixel (oy*stride + ky, ox*stride + kx). Within one
    # tap those targets are all distinct, so "+=" is safe; overlaps between taps accumulate
    # across iterations.
    for ky in range(kH):
        for kx in range(kW):
            xp[:, :, ky:ky + stride * H_out:stride, kx:kx + stride * W_out:stride] += \
                patches[:, :, ky, kx]

    # Gradient that landed on the zero padding belongs to no input pixel: drop it.
    return xp[:, :, padding:padding + H, padding:padding + W]
# [end:col2im]


# [start:conv2d_im2col]
def conv2d_im2col(x, w, b=None, stride=1, padding=0):
    """Convolve as one matrix product: im2col, then a single GEMM that BLAS runs on all cores.

    Parameters
    ----------
    x : ndarray, shape (N, C, H, W)
    w : ndarray, shape (F, C, kH, kW)
    b : ndarray, shape (F,), optional
    stride, padding : int

    Returns
    -------
    out : ndarray, shape (N, F, H', W'), C-contiguous, dtype of ``x @ w`` (a float64 bias does
        not promote a float32 result)
    """
    x, w = np.asarray(x), np.asarray(w)
    F, kH, kW = _check_weights(x, w, b)
    N, C, H, W, H_out, W_out = _check_geometry(x.shape, (kH, kW), stride, padding,
                                               kernel_name="w's kernel")

    col = im2col(x, (kH, kW), stride, padding)   # (N*H'*W', C*kH*kW)
    w_col = w.reshape(F, -1).T                   # (C*kH*kW, F)
    out = col @ w_col                            # (N*H'*W', F): the one big GEMM
    if b is not None:
        out += b                                 # broadcast over rows; keeps out's dtype

    # Rows are (n, oy, ox), columns are filters: back to NCHW.
    return np.ascontiguousarray(out.reshape(N, H_out, W_out, F).transpose(0, 3, 1, 2))
# [end:conv2d_im2col]


# [start:conv2d_backward]
def conv2d_backward(dout, x, w, stride=1, padding=0):
    """Gradients of a convolution, given the gradient of the loss w.r.t. its output.

    With ``col = im2col(x)`` the forward pass is ``out_col = col @ W_col`` (plus bias), so the
    backward pass is three matrix products and a fold:

    * ``dW = dout_col.T @ col``  (every patch times the gradient it produced)
    * ``db = dout_col.sum(0)``   (the bias touched every output pixel)
    * ``dx = col2im(dout_col @ W_col.T)``  (send each patch's gradient back to its pixels)

    Parameters
    ----------
    dout : ndarray, shape (N, F, H', W')
    x : ndarray, shape (N, C, H, W), the forward input
    w : ndarray, shape (F, C, kH, kW)
    stride, padding : int, as in the forward pass

    Returns
    -------
    dx : ndarray, shape (N, C, H, W)
    dw : ndarray, shape (F, C, kH, kW)
    db : ndarray, shape (F,)
    """
    dout, x, w = np.asarray(dout), np.asarray(x), np.asarray(w)
    F, kH, kW = _check_weights(x, w)
    N, C, H, W, H_out, W_out = _check_geometry(x.shape, (kH, kW), stride, padding,
                                               kernel_name="w's kernel")
    if dout.shape != (N, F, H_out, W_out):
        raise ValueError(f"dout must have the forward output's shape {(N, F, H_out, W_out)}, "
                         f"got {dout.shape}")

    # Same row order as im2col: (n, oy, ox) rows, one column per filter.
    dout_col = dout.transpose(0, 2, 3, 1).reshape(N * H_out * W_out, F)
    col = im2col(x, (kH, kW), stride, padding)          # (N*H'*W', C*kH*kW)
    w_row = w.reshape(F, -1)                             # (F, C*kH*kW)

    dw = (dout_col.T @ col).reshape(w.shape)
    db = dout_col.sum(axis=0)
    dcol = dout_col @ w_row                              # (N*H'*W', C*kH*kW)
    dx = col2im(dcol, x.shape, (kH, kW), stride, padding)
    return dx, dw, db
# [end:conv2d_backward]
