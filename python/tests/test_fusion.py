"""The fused chain (one Cython loop) gives the very bytes of numpy's step-by-step chain."""

import numpy as np
import pytest

from everycore.fusion import normalize_gamma_u8_numpy


@pytest.mark.parametrize("shape, black, white", [
    ((480, 641), 0.05, 0.9),      # odd width
    ((3, 17, 5), -0.25, 2.0),     # any number of axes
    ((1,), 0.0, 1.0),
    ((0, 4), 0.0, 1.0),           # empty
])
def test_fused_equals_unfused_exactly(conv_cython, shape, black, white):
    rng = np.random.default_rng(11)
    # Below black, inside, and above white: every branch of the chain is taken.
    img = rng.uniform(black - 0.5, white + 0.5, shape).astype(np.float32)
    expected = normalize_gamma_u8_numpy(img, black, white)
    for fused_chain in (conv_cython.fused_normalize_gamma_u8,
                        conv_cython.fused_normalize_gamma_u8_prange):
        fused = fused_chain(img, black, white)
        assert fused.dtype == np.uint8 and fused.shape == shape
        np.testing.assert_array_equal(fused, expected)
    if img.size > 1000:
        assert expected.min() == 0 and expected.max() == 255


def test_the_chain_is_normalize_gamma_clamp_round():
    img = np.array([-1.0, 0.0, 0.25, 1.0, 4.0], dtype=np.float32)
    # black 0, white 1: sqrt, clamp to [0, 1], then x255 rounded.
    assert normalize_gamma_u8_numpy(img, 0, 1).tolist() == [0, 0, 128, 255, 255]


def test_fused_input_is_a_float32_view_of_any_layout(conv_cython):
    img = np.linspace(0, 1, 60, dtype=np.float32).reshape(6, 10)[:, ::3]   # not contiguous
    np.testing.assert_array_equal(conv_cython.fused_normalize_gamma_u8(img, 0, 1),
                                  normalize_gamma_u8_numpy(img, 0, 1))


@pytest.mark.parametrize("img, black, white, message", [
    (np.zeros(3, np.float64), 0, 1, "img must be float32, got float64"),
    (np.zeros(3, np.float32), 1, 1, "white must be greater than black"),
    (np.zeros(3, np.float32), 0, float("nan"), "white must be greater than black"),
])
def test_bad_arguments_are_named_by_both(conv_cython, img, black, white, message):
    for chain in (normalize_gamma_u8_numpy, conv_cython.fused_normalize_gamma_u8):
        with pytest.raises(ValueError, match=message):
            chain(img, black, white)
