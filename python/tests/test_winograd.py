"""Tests for everycore.winograd: F(2×2, 3×3) against the nested-loop convolution, on odd shapes."""

import numpy as np
import pytest

from everycore.im2col import conv2d_naive
from everycore.winograd import A_T, B_T, G, conv2d_winograd_2x2_3x3, winograd_filters, winograd_input_tiles


@pytest.fixture
def rng():
    return np.random.default_rng(20261201)


# (x shape, F, padding): C = 1, odd H and W, padding 0 and 1 (and 2), channels not a multiple of 4,
# outputs smaller than one tile.
SHAPES = [
    pytest.param((1, 1, 5, 7), 3, 1, id="C1-odd-pad1"),
    pytest.param((1, 1, 5, 7), 2, 0, id="C1-odd-pad0"),
    pytest.param((2, 3, 9, 6), 5, 1, id="N2-C3"),
    pytest.param((1, 6, 7, 11), 7, 0, id="C6-pad0"),
    pytest.param((1, 5, 3, 3), 2, 0, id="one-output"),
    pytest.param((1, 2, 4, 3), 3, 2, id="pad2"),
    pytest.param((1, 37, 13, 10), 11, 1, id="C37"),
]


@pytest.mark.parametrize("x_shape, f, padding", SHAPES)
def test_matches_direct_convolution_in_float64(rng, x_shape, f, padding):
    x = rng.uniform(-1, 1, x_shape)
    w = rng.uniform(-1, 1, (f, x_shape[1], 3, 3))
    b = rng.uniform(-1, 1, f)
    np.testing.assert_allclose(conv2d_winograd_2x2_3x3(x, w, b, padding),
                               conv2d_naive(x, w, b, stride=1, padding=padding), rtol=0, atol=1e-12)


def test_float32_error_is_a_few_units_in_the_last_place(rng):
    # 64 channels in float32: the transforms only add, so the error stays near the direct
    # convolution's own float32 rounding (measured 2.3e-7 here, conv2d_naive in float32 5.3e-7;
    # the site's F(4×4, 3×3) reference loses about ten times more).
    x = rng.uniform(-1, 1, (1, 64, 12, 12)).astype(np.float32)
    w = rng.uniform(-1, 1, (8, 64, 3, 3)).astype(np.float32)
    exact = conv2d_naive(x.astype(np.float64), w.astype(np.float64), stride=1, padding=1)
    got = conv2d_winograd_2x2_3x3(x, w, padding=1)
    assert got.dtype == np.float32
    relative = np.abs(got - exact).max() / np.abs(exact).max()
    assert relative < 1e-6


def test_one_tile_by_the_matrices():
    # The formula itself on one 4×4 window: Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A is the 2×2 correlation.
    d = np.arange(16, dtype=np.float64).reshape(4, 4)
    g = np.array([[1, 2, 0], [0, -1, 3], [2, 0, 1]], dtype=np.float64)
    y = A_T @ ((G @ g @ G.T) * (B_T @ d @ B_T.T)) @ A_T.T
    direct = np.array([[np.sum(d[i:i + 3, j:j + 3] * g) for j in range(2)] for i in range(2)])
    np.testing.assert_allclose(y, direct, atol=1e-12)


def test_transform_shapes(rng):
    w = rng.uniform(-1, 1, (5, 3, 3, 3))
    assert winograd_filters(w).shape == (4, 4, 5, 3)
    x = rng.uniform(-1, 1, (2, 3, 7, 9))
    # 7×9 with padding 1 → 7×9 outputs → 4×5 tiles of 2×2.
    assert winograd_input_tiles(x, 1).shape == (4, 4, 3, 2, 4, 5)


@pytest.mark.parametrize("w_shape, padding, message", [
    ((2, 3, 5, 5), 1, "w must be"),
    ((2, 4, 3, 3), 1, "channels"),
    ((2, 3, 3, 3), -1, "padding"),
    ((2, 3, 3, 3), 1.5, "padding"),
])
def test_rejects_what_it_does_not_compute(w_shape, padding, message):
    with pytest.raises(ValueError, match=message):
        conv2d_winograd_2x2_3x3(np.zeros((1, 3, 5, 5)), np.zeros(w_shape), padding=padding)
