import numpy as np
import pytest

from everycore.im2col import conv2d_naive
from everycore.quantize import (QMAX_A, QMAX_B, error_bound, quantization_error, quantize_columns,
                                quantize_rows, quantized_conv2d, quantized_matmul)


def test_rows_map_their_peak_to_qmax_and_round_ties_to_even():
    x = np.array([[0.5, -1.0, 0.25], [0.0, 0.0, 0.0], [2.5, -127.0, 1.5]], dtype=np.float32)
    q, s = quantize_rows(x, 127)
    assert q.dtype == np.int8
    assert q[0].tolist() == [64, -127, 32]      # 63.5 rounds to 64 (even), 31.75 to 32
    assert q[1].tolist() == [0, 0, 0] and s[1] == 1   # an all-zero row: scale 1
    assert q[2].tolist() == [2, -127, 2]        # scale 1: 2.5 -> 2 and 1.5 -> 2, ties to even
    assert np.all(np.abs(q.astype(np.float32) * s[:, None] - x) <= s[:, None] / 2 + 1e-6)


def test_columns_are_rows_of_the_transpose():
    x = np.random.default_rng(1).uniform(-1, 1, (7, 4)).astype(np.float32)
    qc, sc = quantize_columns(x, QMAX_B)
    qr, sr = quantize_rows(x.T, QMAX_B)
    assert np.array_equal(qc, qr.T) and np.array_equal(sc, sr)
    assert np.abs(qc).max() == QMAX_B


def test_int32_accumulation_does_not_overflow_where_int16_would():
    a = np.full((1, 300), 1.0, dtype=np.float32)
    b = np.full((300, 1), 1.0, dtype=np.float32)
    # 300 products of 127 * 63 = 2.4 million: far past int16, exact in int32.
    assert quantized_matmul(a, b)[0, 0] == pytest.approx(300.0, rel=1e-6)


@pytest.mark.parametrize("k", [16, 256, 1024])
def test_error_is_within_the_bound_and_small_on_average(k):
    rng = np.random.default_rng(k)
    a = rng.uniform(-1, 1, (32, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (k, 24)).astype(np.float32)
    exact = a.astype(np.float64) @ b.astype(np.float64)
    approx = quantized_matmul(a, b)
    err = quantization_error(exact, approx)
    _, sa = quantize_rows(a)
    _, sb = quantize_columns(b)
    assert err["max_abs"] <= error_bound(k, sa.max(), sb.max()) * (1 + 1e-5)
    assert 0 < err["mean_relative"] < 0.02


def test_eight_bit_weights_halve_the_error_of_seven_bit_ones():
    rng = np.random.default_rng(3)
    a = rng.uniform(-1, 1, (64, 512)).astype(np.float32)
    b = rng.uniform(-1, 1, (512, 64)).astype(np.float32)
    exact = a.astype(np.float64) @ b.astype(np.float64)
    e7 = quantization_error(exact, quantized_matmul(a, b, qmax_b=63))["mean_relative"]
    e8 = quantization_error(exact, quantized_matmul(a, b, qmax_b=127))["mean_relative"]
    # B's share of the error halves, A's stays: somewhere between 1.2x and 2x smaller overall.
    assert 1.2 < e7 / e8 < 2.0


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="qmax"):
        quantize_rows(np.ones((2, 2)), 128)
    with pytest.raises(ValueError, match="cannot be multiplied"):
        quantized_matmul(np.ones((2, 3)), np.ones((2, 3)))
    with pytest.raises(ValueError, match="2-D"):
        quantize_rows(np.ones(3))


# quantized_conv2d: odd shapes (odd channels, stride 2, padding, a 1x1 kernel, sizes that are no
# multiple of anything), one image 10 times larger than the other (its own scale) and filters of
# very different sizes (their own scales).
CONV_CASES = [
    ((2, 3, 9, 7), (5, 3, 3, 3), 1, 1),
    ((1, 1, 11, 8), (4, 1, 5, 5), 1, 2),
    ((2, 5, 10, 9), (7, 5, 3, 3), 2, 1),
    ((2, 3, 6, 5), (3, 3, 1, 1), 2, 2),
    ((1, 8, 14, 14), (16, 8, 5, 5), 1, 2),
]


def _conv_operands(x_shape, w_shape, seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, x_shape).astype(np.float32)
    if x_shape[0] > 1:
        x[1] *= 10
    w = rng.uniform(-1, 1, w_shape).astype(np.float32) * (1 + 3 * np.arange(w_shape[0]))[:, None, None, None]
    b = rng.uniform(-1, 1, w_shape[0]).astype(np.float32)
    return x, w.astype(np.float32), b


@pytest.mark.parametrize("x_shape, w_shape, stride, padding", CONV_CASES)
def test_quantized_conv2d_is_the_convolution_of_the_quantized_operands(x_shape, w_shape, stride, padding):
    x, w, b = _conv_operands(x_shape, w_shape, 3)
    qx, sx = quantize_rows(x.reshape(x.shape[0], -1), QMAX_A)
    qw, sw = quantize_rows(w.reshape(w.shape[0], -1), QMAX_B)
    x_hat = (qx.astype(np.float64) * sx[:, None]).reshape(x.shape)
    w_hat = (qw.astype(np.float64) * sw[:, None]).reshape(w.shape)
    expected = conv2d_naive(x_hat, w_hat, b.astype(np.float64), stride, padding)
    got = quantized_conv2d(x, w, b, stride, padding)
    assert got.dtype == np.float32 and got.shape == expected.shape
    # Exact int32 sums; only the float32 dequantization rounds (a few ulp of the largest output).
    assert np.abs(got - expected).max() <= 4 * 2.0 ** -24 * np.abs(expected).max()


@pytest.mark.parametrize("x_shape, w_shape, stride, padding", CONV_CASES)
def test_quantized_conv2d_is_within_the_bound_of_the_exact_convolution(x_shape, w_shape, stride, padding):
    x, w, b = _conv_operands(x_shape, w_shape, 5)
    exact = conv2d_naive(x.astype(np.float64), w.astype(np.float64), b.astype(np.float64), stride, padding)
    got = quantized_conv2d(x, w, b, stride, padding)
    sx = quantize_rows(x.reshape(x.shape[0], -1))[1]
    sw = quantize_rows(w.reshape(w.shape[0], -1), QMAX_B)[1]
    k = w[0].size
    # error_bound per image and filter; the slack covers the float32 scales' own rounding and the
    # few float32 roundings of dequantizing and adding the bias.
    bound = (error_bound(k, sx[:, None, None, None], sw[None, :, None, None]) * (1 + 1e-5)
             + 4 * 2.0 ** -24 * np.abs(exact))
    err = np.abs(got - exact)
    assert np.all(err <= bound)
    assert err.max() > 0   # it is quantized: a float convolution would pass the bound too


def test_per_channel_scales_keep_small_filters_precise():
    x, w, b = _conv_operands((1, 4, 9, 9), (6, 4, 3, 3), 7)     # filter f is (1 + 3f) times the first
    exact = conv2d_naive(x.astype(np.float64), w.astype(np.float64), b.astype(np.float64), 1, 1)
    per_channel = quantized_conv2d(x, w, b, 1, 1)
    qw, sw = quantize_rows(w.reshape(1, -1), QMAX_B)             # one scale for all filters
    qx, sx = quantize_rows(x.reshape(1, -1), QMAX_A)
    per_tensor = conv2d_naive((qx * sx[0]).reshape(x.shape).astype(np.float64),
                              (qw * sw[0]).reshape(w.shape).astype(np.float64), b.astype(np.float64),
                              1, 1)
    first_filter_error = lambda out: np.abs(out[:, 0] - exact[:, 0]).max()   # noqa: E731
    assert first_filter_error(per_tensor) > 8 * first_filter_error(per_channel)


def test_quantized_conv2d_rejects_bad_shapes():
    with pytest.raises(ValueError, match="channel mismatch"):
        quantized_conv2d(np.zeros((1, 2, 5, 5)), np.zeros((3, 4, 3, 3)))
    with pytest.raises(ValueError, match="4-D"):
        quantized_conv2d(np.zeros((2, 5, 5)), np.zeros((3, 2, 3, 3)))
