"""Numba's wins and pitfalls, as the Numba chapter shows them: each one checked."""

import numpy as np
import pytest
from conftest import need

need("numba", "numba")
from numba.core.errors import TypingError

from everycore.numba_pitfalls import (Levels, _levels_loop, apply_levels, apply_levels_fixed,
                                      apply_levels_jit, denoise_and_report,
                                      denoise_and_report_fixed, denoise_and_report_jit,
                                      first_and_steady_seconds, matmul_jit, median3x3_numba,
                                      median3x3_numba_parallel, median3x3_numpy)


def _noisy(h, w, seed):
    rng = np.random.default_rng(seed)
    img = (np.arange(w)[None, :] * 200 // max(w, 1) + rng.integers(0, 40, (h, w))).astype(np.uint8)
    salt = rng.random((h, w))
    img[salt < 0.05], img[salt > 0.95] = 0, 255
    return img


def _median_by_sorting(img):
    """The obviously correct median: the nine neighbours (edges replicated), sorted, the fifth."""
    h, w = img.shape
    out = np.empty_like(img)
    for y in range(h):
        for x in range(w):
            window = [img[min(max(y + dy, 0), h - 1), min(max(x + dx, 0), w - 1)]
                      for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
            out[y, x] = sorted(window)[4]
    return out


@pytest.mark.parametrize("shape", [(1, 1), (1, 7), (9, 1), (2, 2), (5, 17), (13, 34)])
def test_every_median_equals_sorting_the_window(shape):
    img = _noisy(*shape, seed=shape[0] * 100 + shape[1])
    expected = _median_by_sorting(img)
    for median in (median3x3_numpy, median3x3_numba, median3x3_numba_parallel):
        out = median(img)
        assert out.dtype == np.uint8
        np.testing.assert_array_equal(out, expected)


def test_the_median_removes_salt_and_pepper():
    img = np.full((9, 9), 100, np.uint8)
    img[2, 3], img[6, 6] = 255, 0
    np.testing.assert_array_equal(median3x3_numba(img), np.full((9, 9), 100, np.uint8))


def test_bad_images_are_named():
    for bad in (np.zeros((3, 3), np.float32), np.zeros(4, np.uint8), np.zeros((0, 3), np.uint8)):
        with pytest.raises(ValueError, match="img must be a non-empty 2-D uint8 array"):
            median3x3_numba(bad)


def test_an_object_argument_stops_compilation_and_numbers_fix_it():
    img = np.arange(12, dtype=np.float32).reshape(3, 4)
    levels = Levels(2.0, 10.0)
    with pytest.raises(TypingError):
        apply_levels_jit(img, levels)
    np.testing.assert_allclose(apply_levels_fixed(img, levels), apply_levels(img, levels),
                               rtol=1e-6)   # float32 rounding of a reciprocal vs a division


def test_the_first_call_is_mostly_compile_time_on_a_small_input():
    # An 8x8 image takes microseconds; compiling takes a large fraction of a second.
    first, steady = first_and_steady_seconds(_levels_loop, np.ones((8, 8), np.float32), 0.0, 1.0)
    assert first > 100 * steady


def test_jitting_the_whole_routine_fails_and_jitting_the_loop_works():
    images = {"a": _noisy(6, 7, 1), "b": _noisy(5, 20, 2)}
    with pytest.raises(TypingError):
        denoise_and_report_jit(images)
    assert denoise_and_report_fixed(images) == denoise_and_report(images)


def test_a_matrix_product_under_numba_is_numpy_s():
    need("scipy", "numba")   # Numba's @ calls SciPy's BLAS
    rng = np.random.default_rng(5)
    a, b = rng.standard_normal((33, 17)), rng.standard_normal((17, 9))
    np.testing.assert_allclose(matmul_jit(a, b), a @ b, rtol=1e-12, atol=1e-12)
