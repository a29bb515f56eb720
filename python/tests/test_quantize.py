import numpy as np
import pytest

from everycore.quantize import (QMAX_A, QMAX_B, error_bound, quantization_error, quantize_columns,
                                quantize_rows, quantized_matmul)


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
