"""One mulberry32 generator drawn from in order, as the site's input generators call ``next()``.

Some of the site's inputs take a second draw only for some items (a noisy pixel's value, say),
so where item i's draws sit in the stream depends on every item before it: a JavaScript loop,
not one call to ``mulberry32``. This finds those positions with whole-array operations, so a
12-megapixel input is generated in about a second rather than a Python loop's half a minute.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from everycore.lab.mulberry32 import mulberry32

_GOLDEN = 0x6D2B79F5   # mulberry32's step: its state after k draws is seed + k·golden (mod 2³²)


def pair_starts(takes_second: np.ndarray) -> np.ndarray:
    """Where items start in a stream of draws, each item taking one draw, or two when
    ``takes_second`` is true at its first: True at position 0, then at every position not
    taken as some item's second draw.

    After a draw that starts no second one, the next draw starts an item; from there, while
    every draw would take a second, starts and seconds alternate. So position p starts an item
    exactly when an even number of draws lies between p and the last such reset.
    """
    position = np.arange(len(takes_second))
    reset = np.ones(len(takes_second), bool)
    reset[1:] = ~takes_second[:-1]
    last_reset = np.maximum.accumulate(np.where(reset, position, 0))
    return (position - last_reset) % 2 == 0


class Mulberry32Stream:
    """The draws of ``mulberry32(seed)``, handed out in order."""

    def __init__(self, seed: int):
        self._state = seed & 0xFFFFFFFF

    def take(self, count: int) -> np.ndarray:
        """The next ``count`` draws, float64 in [0, 1)."""
        draws = mulberry32(self._state, count)
        self._state = (self._state + count * _GOLDEN) & 0xFFFFFFFF
        return draws

    def take_pairs(self, count: int, wants_second: Callable[[np.ndarray], np.ndarray]
                   ) -> tuple[np.ndarray, np.ndarray]:
        """The draws of ``count`` items that each draw once, and once more where
        ``wants_second(first draw)`` holds: (first draws, second draws, 0 where none was taken).
        The stream is left just after the last item's draws."""
        state = self._state
        draws = self.take(2 * count)                     # enough for every item to take two
        takes_second = wants_second(draws)
        starts = np.flatnonzero(pair_starts(takes_second))[:count]
        first = draws[starts]
        second = np.where(takes_second[starts], draws[np.minimum(starts + 1, len(draws) - 1)], 0.0)
        used = int(starts[-1]) + 1 + int(takes_second[starts[-1]]) if count else 0
        self._state = (state + used * _GOLDEN) & 0xFFFFFFFF
        return first, second
