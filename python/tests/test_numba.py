"""The Numba-compiled direct convolution: equal to the nested loops, serial and parallel."""

import time

import numpy as np
import pytest
from conftest import need

numba = need("numba", "numba")
from numba.core.errors import TypingError

from everycore.conv_numba import (conv2d_numba, conv2d_numba_parallel, direct_rows,
                                  direct_rows_serial)
from everycore.im2col import conv2d_naive

# (x shape, w shape, stride, padding, with bias): 1x1 kernel, stride 2, padding 2, C=1, N=2,
# non-square images and kernels.
SHAPES = [
    ((1, 1, 5, 7), (3, 1, 1, 1), 1, 0, True),
    ((2, 3, 9, 6), (4, 3, 3, 2), 2, 2, False),
    ((2, 1, 8, 11), (2, 1, 3, 3), 1, 2, True),
    ((1, 2, 4, 4), (5, 2, 4, 4), 2, 1, True),
]


def _data(x_shape, w_shape, dtype, seed=3):
    rng = np.random.default_rng(seed)
    x, w = rng.uniform(-1, 1, x_shape).astype(dtype), rng.uniform(-1, 1, w_shape).astype(dtype)
    return x, w, rng.uniform(-1, 1, w_shape[0]).astype(dtype)


@pytest.mark.parametrize("x_shape, w_shape, stride, padding, with_bias", SHAPES)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_numba_equals_the_nested_loops_exactly(x_shape, w_shape, stride, padding, with_bias,
                                               dtype):
    x, w, b = _data(x_shape, w_shape, dtype)
    b = b if with_bias else None
    expected = conv2d_naive(x, w, b, stride, padding)
    # Same terms, same order, fastmath off: not close, identical.
    for out in (conv2d_numba(x, w, b, stride, padding),
                conv2d_numba_parallel(x, w, b, stride, padding, threads=2)):
        assert out.dtype == dtype
        np.testing.assert_array_equal(out, expected)


def test_parallel_equals_serial_at_every_thread_count():
    x, w, b = _data((2, 3, 13, 10), (6, 3, 3, 3), np.float32)
    serial = conv2d_numba(x, w, b, 1, 1)
    for threads in range(1, numba.config.NUMBA_NUM_THREADS + 1):
        np.testing.assert_array_equal(conv2d_numba_parallel(x, w, b, 1, 1, threads=threads),
                                      serial)
    assert numba.get_num_threads() == numba.config.NUMBA_NUM_THREADS   # restored afterwards


def test_bad_arguments_are_named():
    x, w, b = _data((1, 2, 5, 5), (3, 2, 3, 3), np.float32)
    with pytest.raises(ValueError, match="channel mismatch"):
        conv2d_numba(x, w[:, :1], b)
    with pytest.raises(ValueError, match="stride"):
        conv2d_numba(x, w, b, stride=0)
    with pytest.raises(ValueError, match="threads must be an integer from 1 to"):
        conv2d_numba_parallel(x, w, b, threads=numba.config.NUMBA_NUM_THREADS + 1)


def test_the_first_call_compiles_so_it_is_slower_than_the_second():
    fresh = numba.njit(cache=False, fastmath=False)(direct_rows)   # nothing compiled yet
    x, w, b = _data((1, 2, 6, 6), (2, 2, 3, 3), np.float64)
    out = np.empty((1, 2, 4, 4))
    timings = []
    for _ in range(2):
        t0 = time.perf_counter()
        fresh(x, w, b, 1, out)
        timings.append(time.perf_counter() - t0)
    assert len(fresh.signatures) == 1
    assert timings[0] > timings[1]
    np.testing.assert_array_equal(out, conv2d_naive(x, w, b))
    assert direct_rows_serial.py_func is direct_rows


def test_njit_on_the_whole_python_routine_fails_to_type():
    # conv2d_naive calls a plain Python function (_check_weights): Numba cannot type it.
    x, w, _ = _data((1, 1, 4, 4), (1, 1, 3, 3), np.float64)
    with pytest.raises(TypingError, match="_check_weights"):
        numba.njit(conv2d_naive)(x, w)


def test_a_numpy_function_numba_lacks_fails_to_type():
    @numba.njit
    def mirror_pad(image):
        return np.pad(image, 1, mode="reflect")

    with pytest.raises(TypingError, match="numpy.pad"):
        mirror_pad(np.zeros((3, 3)))
