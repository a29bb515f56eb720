"""What every compiled direct convolution needs before its loops: checked, padded, typed arrays.

The Numba and Cython kernels take plain contiguous arrays and trust them (a compiled loop checks
nothing), so the checks of ``im2col.py`` and the padding run here, once, in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from everycore.im2col import _check_geometry, _check_weights


@dataclass(frozen=True)
class DirectConvArgs:
    xp: np.ndarray    # (N, C, H + 2p, W + 2p), zero-padded, C-contiguous
    w: np.ndarray     # (F, C, kH, kW), C-contiguous
    bias: np.ndarray  # (F,): zeros when there is no bias
    stride: int
    out: np.ndarray   # (N, F, H', W'), uninitialised: the kernel writes every element


def direct_conv_args(x, w, b=None, stride=1, padding=0) -> DirectConvArgs:
    """Check ``x, w, b, stride, padding`` as conv2d_naive does and lay them out for a kernel.

    The kernels compute in float32 when ``x`` and ``w`` are both float32 and in float64
    otherwise, so only two compiled versions exist; the bias takes that type too.
    """
    x, w = np.asarray(x), np.asarray(w)
    f, kh, kw = _check_weights(x, w, b)
    n, _, _, _, h_out, w_out = _check_geometry(x.shape, (kh, kw), stride, padding,
                                               kernel_name="w's kernel")
    dtype = np.float32 if x.dtype == w.dtype == np.float32 else np.float64
    pad = ((0, 0), (0, 0), (padding, padding), (padding, padding))
    return DirectConvArgs(
        xp=np.ascontiguousarray(np.pad(x.astype(dtype, copy=False), pad)),
        w=np.ascontiguousarray(w, dtype=dtype),
        bias=np.zeros(f, dtype) if b is None else np.ascontiguousarray(b, dtype=dtype),
        stride=int(stride),
        out=np.empty((n, f, h_out, w_out), dtype),
    )
