"""int8 quantized matrix multiplication with int32 accumulation, in numpy, and its error.

Symmetric quantization stores a value x as the integer q = round(x / s), |q| <= qmax, and reads
it back as s * q. The scale s = max|x| / qmax maps the largest value to +-qmax, so rounding errs
by at most s / 2. One scale per row of the activations A and one per column (output channel) of
the weights B follow each one's own range, which is what int8 inference libraries do.

The product of two int8 values fits in 16 bits, but a sum of k of them does not: the products are
accumulated in int32, and the int32 result is scaled back to float32 by s_A[i] * s_B[j].

B is quantized to -63..63 (7 bits) by default, as the site's WebAssembly kernel needs: its 8-bit
dot instruction (relaxed SIMD) takes one 7-bit operand. With 8 bits for B as well, pass
qmax_b=127: the error of B's half halves.

numpy itself gains no speed from this: its integer matrix product does not go to BLAS and runs a
plain loop, far slower than float32 ``A @ B``. int8 pays off only where a kernel uses the CPU's
8-bit dot instructions (onnxruntime, PyTorch's quantized engines, oneDNN, or the site's
WebAssembly kernel); numpy is here to show the arithmetic and measure the error exactly.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import numpy as np

from .im2col import _check_geometry, _check_weights, im2col

__all__ = ["quantize_rows", "quantize_columns", "quantized_matmul", "quantized_conv2d", "error_bound",
           "quantization_error"]

QMAX_A = 127
QMAX_B = 63


def _check_qmax(qmax: int) -> int:
    if not isinstance(qmax, (int, np.integer)) or not 1 <= qmax <= 127:
        raise ValueError(f"qmax must be an integer in 1..127, got {qmax!r}")
    return int(qmax)


# [start:quantize_rows]
def quantize_rows(x, qmax=QMAX_A):
    """Each row of the float32 matrix x as int8 with its own scale: (q, scales)."""
    qmax = _check_qmax(qmax)
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 2:
        raise ValueError(f"x must be a 2-D matrix, got shape {x.shape}")
    peak = np.abs(x).max(axis=1, keepdims=True)                 # each row's range
    scales = np.where(peak > 0, peak / np.float32(qmax), np.float32(1))
    q = np.rint(x / scales)                                     # ties to even, like the SIMD kernel
    return np.clip(q, -qmax, qmax).astype(np.int8), scales[:, 0].astype(np.float32)
# [end:quantize_rows]


def quantize_columns(x, qmax=QMAX_B):
    """Each column of x as int8 with its own scale: quantize_rows of the transpose, transposed."""
    q, scales = quantize_rows(np.asarray(x, dtype=np.float32).T, qmax)
    return np.ascontiguousarray(q.T), scales


# [start:quantized_matmul]
def quantized_matmul(a, b, qmax_b=QMAX_B):
    """A @ B the int8 way: quantize, multiply with int32 sums, dequantize to float32."""
    a = np.asarray(a, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[0]:
        raise ValueError(f"shapes {a.shape} and {b.shape} cannot be multiplied")
    qa, sa = quantize_rows(a, QMAX_A)          # activations: per row, at run time
    qb, sb = quantize_columns(b, qmax_b)       # weights: per output column, done once
    acc = qa.astype(np.int32) @ qb.astype(np.int32)   # int32 accumulation: no overflow
    return acc.astype(np.float32) * (sa[:, None] * sb[None, :])
# [end:quantized_matmul]


# [start:quantized_conv2d]
def quantized_conv2d(x, w, b=None, stride=1, padding=0, qmax_w=QMAX_B):
    """A convolution the int8 way, as the site's conv2d-i8-im2col-gemm-ref does it: each image with
    one scale (per tensor), each filter with its own (per output channel), im2col of the int8
    images, int32 sums, then out = sum * s_x[n] * s_w[f] + b[f], NCHW float32."""
    x = np.asarray(x, dtype=np.float32)
    w = np.asarray(w, dtype=np.float32)
    F, kH, kW = _check_weights(x, w, b)
    N, _, _, _, H_out, W_out = _check_geometry(x.shape, (kH, kW), stride, padding,
                                               kernel_name="w's kernel")
    qx, sx = quantize_rows(x.reshape(N, -1), QMAX_A)        # activations: one scale per image
    qw, sw = quantize_rows(w.reshape(F, -1), qmax_w)        # weights: one scale per filter
    col = im2col(qx.reshape(x.shape), (kH, kW), stride, padding)   # int8; padding stays 0
    acc = col.astype(np.int32) @ qw.astype(np.int32).T      # (N*H'*W', F), exact int32 sums
    scale = np.repeat(sx, H_out * W_out)[:, None] * sw[None, :]    # s_x of the row's image * s_w[f]
    out = acc.astype(np.float32) * scale
    if b is not None:
        out += np.asarray(b, dtype=np.float32)
    return np.ascontiguousarray(out.reshape(N, H_out, W_out, F).transpose(0, 3, 1, 2))
# [end:quantized_conv2d]


# [start:error]
def error_bound(k, scale_a, scale_b, qmax_a=QMAX_A, qmax_b=QMAX_B):
    """The most one element of the dequantized product can be off: each of the k terms a*b is
    computed as (a + ea)(b + eb) with |ea| <= s_a/2, |eb| <= s_b/2, |a| <= qmax_a*s_a and
    |b + eb| <= qmax_b*s_b, so it errs by at most (qmax_a + qmax_b) * s_a * s_b / 2."""
    return k * scale_a * scale_b * (qmax_a + qmax_b) / 2


def quantization_error(exact, approx):
    """max |error|, and the max and mean error relative to the product's magnitude."""
    exact = np.asarray(exact, dtype=np.float64)
    err = np.abs(np.asarray(approx, dtype=np.float64) - exact)
    return {
        "max_abs": float(err.max()),
        "max_relative": float(err.max() / np.abs(exact).max()),
        "mean_relative": float(err.mean() / np.abs(exact).mean()),
    }
# [end:error]
