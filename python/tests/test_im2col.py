"""Tests for everycore.im2col: every fast path is checked against the nested-loop reference,
and the backward pass against finite differences."""

import numpy as np
import pytest

from everycore.im2col import col2im, conv2d_backward, conv2d_im2col, conv2d_naive, im2col


@pytest.fixture
def rng():
    return np.random.default_rng(1234)


def out_size(size, k, stride, padding):
    return (size + 2 * padding - k) // stride + 1


# (x shape, w shape, stride, padding): the awkward corners, all small enough for the loops.
GEOMETRIES = [
    pytest.param((1, 1, 5, 5), (1, 1, 1, 1), 1, 0, id="1x1-kernel-C1"),
    pytest.param((2, 3, 7, 7), (4, 3, 1, 1), 2, 0, id="1x1-kernel-stride2-N2"),
    pytest.param((2, 3, 8, 6), (5, 3, 3, 3), 2, 2, id="stride2-pad2-nonsquare-input"),
    pytest.param((1, 1, 6, 9), (2, 1, 2, 4), 1, 0, id="nonsquare-kernel-C1"),
    pytest.param((2, 2, 5, 5), (3, 2, 5, 5), 1, 0, id="kernel-equals-input"),
    pytest.param((1, 2, 3, 4), (2, 2, 5, 6), 1, 1, id="kernel-equals-padded-input"),
    pytest.param((1, 3, 9, 9), (2, 3, 3, 3), 3, 1, id="stride3-pad1"),
    pytest.param((2, 2, 10, 7), (3, 2, 3, 2), 2, 1, id="stride-not-dividing-size"),
    pytest.param((1, 4, 6, 6), (6, 4, 3, 3), 1, 1, id="same-padding"),
]


# --------------------------------------------------------------------------- naive reference


def test_naive_matches_hand_computed_box_sum():
    x = np.arange(16, dtype=np.float64).reshape(1, 1, 4, 4)
    w = np.ones((1, 1, 2, 2))
    expected = np.array([[10, 14, 18], [26, 30, 34], [42, 46, 50]], dtype=np.float64)
    np.testing.assert_array_equal(conv2d_naive(x, w)[0, 0], expected)


def test_naive_is_cross_correlation_not_flipped():
    x = np.arange(16, dtype=np.float64).reshape(1, 1, 4, 4)
    w = np.array([[[[1.0, 0.0], [0.0, 0.0]]]])  # picks the top-left pixel of each window
    np.testing.assert_array_equal(conv2d_naive(x, w)[0, 0], x[0, 0, :3, :3])


def test_naive_bias_padding_and_stride_by_hand():
    x = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    w = np.ones((1, 1, 3, 3))
    # padding 1 -> 4x4 padded input, 3x3 kernel -> 2x2 output; every window covers all of x.
    out = conv2d_naive(x, w, b=np.array([0.5]), stride=1, padding=1)
    np.testing.assert_array_equal(out, np.full((1, 1, 2, 2), 10.5))
    out = conv2d_naive(x, w, b=np.array([0.5]), stride=2, padding=1)
    np.testing.assert_array_equal(out, np.full((1, 1, 1, 1), 10.5))


# --------------------------------------------------------------------------- forward


@pytest.mark.parametrize("x_shape, w_shape, stride, padding", GEOMETRIES)
@pytest.mark.parametrize("with_bias", [True, False], ids=["bias", "no-bias"])
def test_im2col_conv_matches_naive(rng, x_shape, w_shape, stride, padding, with_bias):
    x = rng.standard_normal(x_shape)
    w = rng.standard_normal(w_shape)
    b = rng.standard_normal(w_shape[0]) if with_bias else None
    expected = conv2d_naive(x, w, b, stride, padding)
    got = conv2d_im2col(x, w, b, stride, padding)
    n, _, h, wd = x_shape
    f, _, kh, kw = w_shape
    assert got.shape == (n, f, out_size(h, kh, stride, padding), out_size(wd, kw, stride, padding))
    assert got.shape == expected.shape
    assert got.flags.c_contiguous
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-12)


def test_float32_stays_float32_with_float64_bias(rng):
    x = rng.standard_normal((1, 3, 8, 8), dtype=np.float32)
    w = rng.standard_normal((4, 3, 3, 3), dtype=np.float32)
    b = np.arange(4, dtype=np.float64)
    out = conv2d_im2col(x, w, b)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, conv2d_naive(x, w, b), rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("x_shape, w_shape, stride, padding", GEOMETRIES)
def test_im2col_shape(x_shape, w_shape, stride, padding):
    n, c, h, wd = x_shape
    _, _, kh, kw = w_shape
    col = im2col(np.zeros(x_shape), (kh, kw), stride, padding)
    rows = n * out_size(h, kh, stride, padding) * out_size(wd, kw, stride, padding)
    assert col.shape == (rows, c * kh * kw)


def test_im2col_hand_computed_two_channels():
    x = np.arange(18, dtype=np.float64).reshape(1, 2, 3, 3)
    # channel 0 = [[0,1,2],[3,4,5],[6,7,8]], channel 1 = the same + 9; 2x2 windows, 2x2 outputs.
    expected = np.array([
        [0, 1, 3, 4, 9, 10, 12, 13],    # (oy, ox) = (0, 0): c0 window, then c1 window
        [1, 2, 4, 5, 10, 11, 13, 14],   # (0, 1)
        [3, 4, 6, 7, 12, 13, 15, 16],   # (1, 0)
        [4, 5, 7, 8, 13, 14, 16, 17],   # (1, 1)
    ], dtype=np.float64)
    np.testing.assert_array_equal(im2col(x, 2), expected)


def test_im2col_hand_computed_padding_and_stride():
    x = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    # padded: [[0,0,0,0],[0,1,2,0],[0,3,4,0],[0,0,0,0]]; 2x2 windows at stride 2.
    expected = np.array([[0, 0, 0, 1], [0, 0, 2, 0], [0, 3, 0, 0], [4, 0, 0, 0]], dtype=float)
    np.testing.assert_array_equal(im2col(x, 2, stride=2, padding=1), expected)


def test_im2col_rows_are_image_major_and_columns_match_weight_reshape(rng):
    x = rng.standard_normal((3, 2, 6, 5))
    col = im2col(x, (3, 2), stride=1, padding=1)
    per_image = col.shape[0] // 3
    for n in range(3):
        np.testing.assert_array_equal(col[n * per_image:(n + 1) * per_image],
                                      im2col(x[n:n + 1], (3, 2), stride=1, padding=1))
    # Column order (c, ky, kx) is w.reshape(F, -1)'s order: a one-hot filter selects one column.
    w = np.zeros((1, 2, 3, 2))
    w[0, 1, 2, 0] = 1.0
    np.testing.assert_array_equal(col @ w.reshape(1, -1).T, col[:, [1 * 6 + 2 * 2 + 0]])


def test_im2col_int_and_pair_kernel_size_agree(rng):
    x = rng.standard_normal((2, 3, 7, 7))
    np.testing.assert_array_equal(im2col(x, 3, 2, 1), im2col(x, (3, 3), 2, 1))


def test_im2col_returns_a_fresh_writable_array(rng):
    x = rng.standard_normal((1, 2, 4, 4))
    x_before = x.copy()
    col = im2col(x, 1)  # a 1x1 kernel is where a careless version would return a view of x
    assert not np.shares_memory(col, x)
    col[...] = -1.0
    np.testing.assert_array_equal(x, x_before)


# --------------------------------------------------------------------------- col2im


@pytest.mark.parametrize("x_shape, w_shape, stride, padding", GEOMETRIES)
def test_col2im_is_the_adjoint_of_im2col(rng, x_shape, w_shape, stride, padding):
    # <im2col(x), y> == <x, col2im(y)> for all x, y is the definition of the adjoint.
    kernel = w_shape[2:]
    x = rng.standard_normal(x_shape)
    y = rng.standard_normal(im2col(x, kernel, stride, padding).shape)
    lhs = np.sum(im2col(x, kernel, stride, padding) * y)
    rhs = np.sum(x * col2im(y, x_shape, kernel, stride, padding))
    assert col2im(y, x_shape, kernel, stride, padding).shape == x_shape
    np.testing.assert_allclose(lhs, rhs, rtol=1e-12)


def test_col2im_accumulates_overlaps():
    # Folding a matrix of ones counts how many windows cover each pixel.
    ones = np.ones((4, 4))  # 3x3 image, 2x2 windows, stride 1 -> 4 windows of 4 taps
    counts = col2im(ones, (1, 1, 3, 3), 2)
    np.testing.assert_array_equal(counts[0, 0], [[1, 2, 1], [2, 4, 2], [1, 2, 1]])


def test_col2im_drops_the_padding_border():
    ones = np.ones((9, 9))  # 3x3 image, padding 1, 3x3 windows -> 9 windows of 9 taps
    counts = col2im(ones, (1, 1, 3, 3), 3, stride=1, padding=1)
    np.testing.assert_array_equal(counts[0, 0], [[4, 6, 4], [6, 9, 6], [4, 6, 4]])


def test_col2im_leaves_skipped_pixels_at_zero():
    ones = np.ones((4, 1))  # 4x4 image, 1x1 windows at stride 2 read only the even pixels
    counts = col2im(ones, (1, 1, 4, 4), 1, stride=2)
    expected = np.zeros((4, 4))
    expected[::2, ::2] = 1
    np.testing.assert_array_equal(counts[0, 0], expected)


# --------------------------------------------------------------------------- backward


def numerical_gradient(f, a, eps=1e-6):
    """Central differences of the scalar function f() with respect to every entry of a."""
    grad = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        old = a[idx]
        a[idx] = old + eps
        up = f()
        a[idx] = old - eps
        down = f()
        a[idx] = old
        grad[idx] = (up - down) / (2 * eps)
    return grad


@pytest.mark.parametrize("x_shape, w_shape, stride, padding", [
    pytest.param((2, 2, 5, 4), (3, 2, 3, 2), 1, 0, id="plain"),
    pytest.param((2, 2, 6, 5), (3, 2, 3, 3), 2, 1, id="stride2-pad1"),
    pytest.param((1, 3, 5, 5), (2, 3, 1, 1), 2, 0, id="1x1-stride2-skips-pixels"),
    pytest.param((1, 1, 3, 4), (2, 1, 5, 6), 1, 1, id="kernel-equals-padded-input"),
])
def test_backward_matches_finite_differences(rng, x_shape, w_shape, stride, padding):
    x = rng.standard_normal(x_shape)
    w = rng.standard_normal(w_shape)
    b = rng.standard_normal(w_shape[0])
    g = rng.standard_normal(conv2d_im2col(x, w, b, stride, padding).shape)

    def loss():  # a scalar whose gradient w.r.t. the output is exactly g
        return np.sum(conv2d_im2col(x, w, b, stride, padding) * g)

    dx, dw, db = conv2d_backward(g, x, w, stride, padding)
    assert dx.shape == x.shape and dw.shape == w.shape and db.shape == b.shape
    np.testing.assert_allclose(dx, numerical_gradient(loss, x), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dw, numerical_gradient(loss, w), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(db, numerical_gradient(loss, b), rtol=1e-6, atol=1e-8)


def test_backward_bias_gradient_is_sum_over_batch_and_space(rng):
    x = rng.standard_normal((2, 1, 4, 4))
    w = rng.standard_normal((3, 1, 2, 2))
    dout = rng.standard_normal((2, 3, 3, 3))
    _, _, db = conv2d_backward(dout, x, w)
    np.testing.assert_allclose(db, dout.sum(axis=(0, 2, 3)))


# --------------------------------------------------------------------------- argument checks

X = np.zeros((1, 2, 4, 4))
W = np.zeros((3, 2, 3, 3))

BAD_CALLS = [
    pytest.param(lambda: im2col(X, 3, stride=0), "stride", id="stride-zero"),
    pytest.param(lambda: conv2d_im2col(X, W, None, stride=-1), "stride", id="stride-negative"),
    pytest.param(lambda: conv2d_naive(X, W, stride=0), "stride", id="naive-stride-zero"),
    pytest.param(lambda: im2col(X, 3, stride=1.5), "stride", id="stride-not-integer"),
    pytest.param(lambda: im2col(X, 3, padding=-1), "padding", id="padding-negative"),
    pytest.param(lambda: conv2d_backward(np.zeros((1, 3, 2, 2)), X, W, padding=-2), "padding",
                 id="backward-padding-negative"),
    pytest.param(lambda: im2col(X, 5), "kernel_size", id="kernel-larger-than-input"),
    pytest.param(lambda: im2col(X, (2, 7), padding=1), "kernel_size",
                 id="kernel-larger-than-padded-input"),
    pytest.param(lambda: conv2d_im2col(X, np.zeros((3, 2, 5, 5))), "kernel",
                 id="conv-kernel-larger-than-input"),
    pytest.param(lambda: im2col(X, 0), "kernel_size", id="kernel-size-zero"),
    pytest.param(lambda: im2col(X, (3, 3, 3)), "kernel_size", id="kernel-size-triple"),
    pytest.param(lambda: conv2d_im2col(X, np.zeros((3, 5, 3, 3))), "channel",
                 id="channel-mismatch-im2col"),
    pytest.param(lambda: conv2d_naive(X, np.zeros((3, 1, 3, 3))), "channel",
                 id="channel-mismatch-naive"),
    pytest.param(lambda: conv2d_backward(np.zeros((1, 3, 2, 2)), X, np.zeros((3, 4, 3, 3))),
                 "channel", id="channel-mismatch-backward"),
    pytest.param(lambda: im2col(np.zeros((2, 4, 4)), 3), "x must be 4-D", id="x-3d-im2col"),
    pytest.param(lambda: conv2d_im2col(np.zeros((2, 4, 4)), W), "x must be 4-D",
                 id="x-3d-conv"),
    pytest.param(lambda: conv2d_naive(np.zeros((1, 1, 2, 4, 4)), W), "x must be 4-D",
                 id="x-5d-naive"),
    pytest.param(lambda: conv2d_im2col(X, np.zeros((2, 3, 3))), "w must be 4-D", id="w-3d"),
    pytest.param(lambda: conv2d_im2col(X, W, np.zeros(4)), "b must have shape",
                 id="bias-wrong-length"),
    pytest.param(lambda: col2im(np.zeros((4, 17)), (1, 2, 4, 4), 3), "col must have shape",
                 id="col-wrong-shape"),
    pytest.param(lambda: col2im(np.zeros((4, 18)), (2, 4, 4), 3), "x_shape must be 4-D",
                 id="x-shape-3d"),
    pytest.param(lambda: conv2d_backward(np.zeros((1, 3, 3, 3)), X, W), "dout must have",
                 id="dout-wrong-shape"),
]


@pytest.mark.parametrize("call, message", BAD_CALLS)
def test_bad_arguments_raise_value_error_naming_them(call, message):
    with pytest.raises(ValueError, match=message):
        call()
