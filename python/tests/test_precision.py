"""Tests for everycore.precision: float32 loses digits that float64 keeps."""

import numpy as np
import pytest

from everycore.precision import precision_errors, time_dot


def test_float32_errors_are_far_larger_than_float64s():
    errors = precision_errors(1_000_000, seed=3)
    float32_unit, float64_unit = np.finfo(np.float32).eps, np.finfo(np.float64).eps
    for kind in ("dot", "running sum"):
        e32, e64 = errors[f"{kind} float32"], errors[f"{kind} float64"]
        assert e32 > 1000 * e64, kind
        assert e32 > float32_unit / 10, kind      # a visible float32 rounding error, not luck
        assert e64 < 1e6 * float64_unit, kind     # float64 stays near its own precision
    # Adding one value at a time to a growing total loses more than BLAS's blocked dot does.
    assert errors["running sum float32"] > errors["dot float32"]


def test_time_dot_times_both_types():
    times = time_dot(1024, repeats=2)
    assert set(times) == {"float32", "float64"}
    assert all(t > 0 for t in times.values())


@pytest.mark.parametrize("n", [0, -5, 2.5, "10", True])
def test_bad_lengths_are_named(n):
    with pytest.raises(ValueError, match="n must be an integer >= 1"):
        precision_errors(n)
    with pytest.raises(ValueError, match="n must be an integer >= 1"):
        time_dot(n)
