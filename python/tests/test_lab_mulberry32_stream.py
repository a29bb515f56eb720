"""Mulberry32Stream hands out mulberry32's draws in the order a JavaScript loop calls next()."""

import numpy as np
import pytest

from everycore.lab.mulberry32 import mulberry32
from everycore.lab.mulberry32_stream import Mulberry32Stream, pair_starts


def _items_one_by_one(draws, count, wants_second):
    """The JavaScript loop, written out: one draw per item, a second where the first asks."""
    firsts, seconds, k = [], [], 0
    for _ in range(count):
        first = draws[k]
        k += 1
        second = 0.0
        if wants_second(np.array([first]))[0]:
            second = draws[k]
            k += 1
        firsts.append(first)
        seconds.append(second)
    return firsts, seconds, k


def test_take_continues_where_the_last_draw_stopped():
    stream = Mulberry32Stream(7)
    np.testing.assert_array_equal(np.concatenate([stream.take(3), stream.take(0), stream.take(5)]),
                                  mulberry32(7, 8))


@pytest.mark.parametrize("wants_second", [
    lambda r: r < 0.05,                     # rare seconds (a speckle's brightness)
    lambda r: (r >= 0.05) & (r <= 0.95),    # frequent seconds (a ramp pixel's noise)
    lambda r: np.ones(len(r), bool),        # every item takes two
    lambda r: np.zeros(len(r), bool),       # none does
])
def test_take_pairs_follows_the_loop_and_leaves_the_stream_after_it(wants_second):
    seed, count = 20261205, 301
    draws = mulberry32(seed, 2 * count + 4)
    firsts, seconds, used = _items_one_by_one(draws, count, wants_second)
    stream = Mulberry32Stream(seed)
    first, second = stream.take_pairs(count, wants_second)
    np.testing.assert_array_equal(first, firsts)
    np.testing.assert_array_equal(second, seconds)
    np.testing.assert_array_equal(stream.take(2), draws[used:used + 2])


def test_pair_starts_alternate_until_a_draw_takes_no_second():
    takes_second = np.array([True, True, True, False, True, False, False, True])
    # Item at 0 takes 1; item at 2 takes 3; 4 takes 5; 6 takes none; 7 takes the next.
    assert pair_starts(takes_second).tolist() == [True, False, True, False, True, False, True, True]
