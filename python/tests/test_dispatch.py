import numpy as np
import pytest

from everycore.dispatch import (SizeDispatcher, conv2d_backends, conv2d_work, measure_conv2d,
                                thresholds_from_timings)


def test_work_counts_multiply_adds():
    # 2 images, 3 -> 4 channels, 3x3 kernel, 8x8 output with padding 1
    assert conv2d_work((2, 3, 8, 8), (4, 3, 3, 3), 1, 1) == 2 * 4 * 8 * 8 * 3 * 9


def test_dispatcher_picks_by_size():
    calls = []
    backends = {name: (lambda name: lambda n: calls.append(name) or name)(name) for name in "abc"}
    d = SizeDispatcher(backends, [(100, "b"), (0, "a"), (10_000, "c")], size=lambda n: n)
    assert [d(n) for n in (1, 99, 100, 9_999, 10_000, 10**9)] == ["a", "a", "b", "b", "c", "c"]
    assert calls == ["a", "a", "b", "b", "c", "c"]


def test_dispatcher_rejects_bad_thresholds():
    with pytest.raises(ValueError, match="from size 0"):
        SizeDispatcher({"a": print}, [(5, "a")], size=len)
    with pytest.raises(ValueError, match="unknown backend 'z'"):
        SizeDispatcher({"a": print}, [(0, "a"), (9, "z")], size=len)
    with pytest.raises(ValueError, match="must be a size"):
        SizeDispatcher({"a": print}, [(0, "a"), (-1, "a")], size=len)


def test_thresholds_switch_between_the_sizes_around_each_change():
    timings = {
        "loops": {10: 1.0, 100: 5.0, 1000: 50.0, 10_000: 500.0},
        "simd": {10: 2.0, 100: 3.0, 1000: 10.0, 10_000: 100.0},
        "pool": {10: 90.0, 100: 90.0, 1000: 20.0, 10_000: 30.0},
    }
    assert thresholds_from_timings(timings) == [(0.0, "loops"), (pytest.approx(np.sqrt(10 * 100)), "simd"),
                                                (pytest.approx(np.sqrt(1000 * 10_000)), "pool")]


def test_every_backend_computes_the_same_convolution():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((1, 3, 9, 11)).astype(np.float32)
    w = rng.standard_normal((4, 3, 3, 3)).astype(np.float32)
    results = {name: fn(x, w, None, 1, 1) for name, fn in conv2d_backends().items()}
    for name, out in results.items():
        np.testing.assert_allclose(out, results["numpy"], rtol=1e-4, atol=1e-4, err_msg=name)


def test_measured_thresholds_drive_a_working_dispatcher():
    timings = measure_conv2d(sides=(4, 12), channels=2, filters=2, repeats=1)
    assert set(timings) == {"numpy", "numba", "numba_parallel"}
    thresholds = thresholds_from_timings(timings)
    d = SizeDispatcher(conv2d_backends(), thresholds, size=lambda x, w, b, s, p: conv2d_work(x.shape, w.shape, s, p))
    x = np.ones((1, 2, 6, 6), np.float32)
    w = np.ones((2, 2, 3, 3), np.float32)
    assert d.choose(x, w, None, 1, 1) in timings
    assert d(x, w, None, 1, 1)[0, 0, 2, 2] == pytest.approx(18.0)
