"""Tests for everycore.false_sharing (the optional numba extra): every layout counts the same."""

import numpy as np
import pytest
from conftest import need

from everycore.false_sharing import (
    count_positive_adjacent,
    count_positive_local,
    count_positive_padded,
    time_false_sharing,
)

COUNTS = (count_positive_adjacent, count_positive_padded, count_positive_local)


@pytest.mark.parametrize("n, parts", [(1, 1), (10, 3), (1000, 4), (12_345, 8), (5, 16)])
def test_every_layout_counts_the_positive_values(n, parts):
    need("numba", "numba")
    values = np.random.default_rng(n).standard_normal(n).astype(np.float32)
    expected = int((values > 0).sum())
    for count in COUNTS:
        assert count(values, parts) == expected, count.__name__


def test_time_false_sharing_times_each_layout():
    need("numba", "numba")
    times = time_false_sharing(n=10_000, parts=2)
    assert set(times) == {c.__name__ for c in COUNTS} and all(t > 0 for t in times.values())


@pytest.mark.parametrize("parts", [0, -2, 1.5, True])
def test_bad_part_counts_are_named(parts):
    for count in COUNTS:
        with pytest.raises(ValueError, match="parts must be an integer >= 1"):
            count(np.ones(4, np.float32), parts)
