"""Tests for everycore.gil: the three ways give the same answer and finish (no timing asserts)."""

import pytest

from everycore.gil import collatz_steps, run_gil_experiment, split_range


def collatz_reference(n):
    steps = 0
    while n != 1:
        n = 3 * n + 1 if n % 2 else n // 2
        steps += 1
    return steps


def test_collatz_steps_matches_known_counts():
    assert collatz_steps(27, 28) == 111          # the classic long one
    assert collatz_steps(1, 2) == 0
    assert collatz_steps(1, 1000) == sum(collatz_reference(n) for n in range(1, 1000))


@pytest.mark.parametrize("stop, parts", [(2, 1), (10, 3), (1001, 2), (7, 6)])
def test_split_range_covers_the_range_once(stop, parts):
    pieces = split_range(stop, parts)
    assert len(pieces) == parts
    assert pieces[0][0] == 1 and pieces[-1][1] == stop
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))


@pytest.mark.parametrize("name, args", [("stop", (0, 2)), ("parts", (10, 0)), ("parts", (10, 1.5))])
def test_split_range_names_the_bad_argument(name, args):
    with pytest.raises(ValueError, match=name):
        split_range(*args)


def test_run_gil_experiment_gives_the_same_total_every_way():
    results = run_gil_experiment(stop=20_000, workers=2)
    assert set(results) == {"sequential", "threads", "processes"}
    expected = collatz_steps(1, 20_000)
    for total, seconds in results.values():
        assert total == expected
        assert seconds > 0
