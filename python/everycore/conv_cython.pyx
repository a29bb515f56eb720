# [start:directives]
# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
# [end:directives]
"""The package's Cython kernels: the direct convolution, and a fused element-wise chain.

Cython translates this file to C, which a C compiler builds into an extension module
(everycore/cython_build.py does both on first use). Typed memoryviews (``float[:, ::1]``) give
the loops raw pointer access to numpy's buffers; with bounds and negative-index checks turned
off above, ``x[i]`` is a single load, as in C. The loops run with the GIL released (``nogil``),
so other Python threads keep running meanwhile.

Serial on purpose: Cython's ``prange`` needs OpenMP, which each compiler enables differently
(``-fopenmp`` for gcc, ``/openmp`` for MSVC, a separate libomp for Apple's clang); the parallel
compiled version in this package is Numba's (conv_numba.py), which brings its own threads.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from cython.parallel cimport prange
from libc.math cimport sqrtf

import numpy as np

from everycore.direct_conv import direct_conv_args
from everycore.fusion import chain_args

ctypedef fused real:
    float
    double


# [start:conv2d_cython]
def conv2d_cython(x, w, b=None, stride=1, padding=0):
    """conv2d_naive's loops compiled by Cython, on one thread. Same arguments and result."""
    a = direct_conv_args(x, w, b, stride, padding)
    _direct_rows(a.xp, a.w, a.bias, a.stride, a.out)
    return a.out


def _direct_rows(const real[:, :, :, ::1] xp, const real[:, :, :, ::1] w,
                 const real[::1] bias, Py_ssize_t stride, real[:, :, :, ::1] out):
    """out[n, f, oy, ox] = bias[f] + sum over c, ky, kx of w[f, c, ky, kx] * xp[n, c, ...].

    The same loop order as conv_numba.direct_rows (so the same sums in the same order as
    conv2d_naive); ``real`` is float or double, one compiled copy each. Arguments are checked
    and padded by conv2d_cython.
    """
    cdef Py_ssize_t n, f, oy, ox, c, ky, kx
    cdef real weight
    with nogil:
        for n in range(out.shape[0]):
            for f in range(out.shape[1]):
                for oy in range(out.shape[2]):
                    for ox in range(out.shape[3]):
                        out[n, f, oy, ox] = bias[f]
                    for c in range(w.shape[1]):
                        for ky in range(w.shape[2]):
                            for kx in range(w.shape[3]):
                                weight = w[f, c, ky, kx]
                                for ox in range(out.shape[3]):
                                    out[n, f, oy, ox] += (
                                        weight * xp[n, c, oy * stride + ky, ox * stride + kx])
# [end:conv2d_cython]


# [start:fused_normalize_gamma_u8]
def fused_normalize_gamma_u8(img, black, white):
    """normalize -> gamma -> clamp -> uint8 in ONE loop: each pixel is read once, goes through
    the whole chain in registers, and is written once, as a byte.

    The same float32 operations, in the same order, as fusion.normalize_gamma_u8_numpy, so the
    bytes are identical (``chain_args`` rounds black and the scale to float32 as numpy does).
    """
    pixels, black32, scale32 = chain_args(img, black, white)
    out = np.empty(pixels.shape, np.uint8)
    _chain(pixels.reshape(-1), black32, scale32, out.reshape(-1))
    return out


def _chain(const float[::1] img, float black, float scale, unsigned char[::1] out):
    # Plain pointers and a local count: a byte store may alias anything, so through the
    # memoryviews the compiler would reload their fields after every store and not vectorise.
    cdef Py_ssize_t i, n = img.shape[0]
    cdef const float* src
    cdef unsigned char* dst
    cdef float y
    if n == 0:
        return
    src, dst = &img[0], &out[0]
    with nogil:
        for i in range(n):
            y = (src[i] - black) * scale           # normalize: black -> 0, white -> 1
            y = sqrtf(y if y > 0 else <float>0)    # gamma 2, noise below black clipped first
            y = y if y < 1 else <float>1           # clamp: brighter than white saturates
            # Round to the nearest byte; through int, because x86 has no vector instruction
            # for float -> unsigned, and a scalar conversion would stop the vectorisation.
            dst[i] = <unsigned char><int>(y * <float>255 + <float>0.5)
# [end:fused_normalize_gamma_u8]


# [start:fused_prange]
def fused_normalize_gamma_u8_prange(img, black, white):
    """The fused chain with its loop split among threads by OpenMP: ``prange`` inside ``nogil``.

    Only a build with OpenMP (``-fopenmp``) runs it in parallel; without OpenMP, as
    cython_build.py compiles, Cython drops the pragmas and the loop runs on one thread. Either
    way the bytes are fused_normalize_gamma_u8's: each pixel is computed by one thread alone.
    """
    pixels, black32, scale32 = chain_args(img, black, white)
    out = np.empty(pixels.shape, np.uint8)
    _chain_prange(pixels.reshape(-1), black32, scale32, out.reshape(-1))
    return out


def _chain_prange(const float[::1] img, float black, float scale, unsigned char[::1] out):
    cdef Py_ssize_t i, n = img.shape[0]
    cdef float y
    with nogil:
        for i in prange(n, schedule="static"):   # i and y become private to each thread
            y = (img[i] - black) * scale
            y = sqrtf(y if y > 0 else <float>0)
            y = y if y < 1 else <float>1
            out[i] = <unsigned char><int>(y * <float>255 + <float>0.5)
# [end:fused_prange]
