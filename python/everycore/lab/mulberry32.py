"""The site's seeded generator (mulberry32), vectorised, so native runs see the browser's inputs.

``src/kernels/random.ts`` draws benchmark inputs from mulberry32; reproducing it bit for bit
means a case measured here and in a browser convolves the very same numbers.
"""

from __future__ import annotations

import numpy as np

_GOLDEN = np.uint32(0x6D2B79F5)


def mulberry32(seed: int, count: int) -> np.ndarray:
    """The first ``count`` draws of mulberry32(seed), as float64 values in [0, 1)."""
    if count < 0:
        raise ValueError(f"count must be >= 0, got {count}")
    # The generator's state after k calls is seed + k·golden (mod 2³²), so every draw can be
    # computed independently: no Python loop. uint32 arithmetic wraps like Math.imul and >>> 0.
    with np.errstate(over="ignore"):
        t = np.uint32(seed & 0xFFFFFFFF) + _GOLDEN * np.arange(1, count + 1, dtype=np.uint32)
        r = (t ^ (t >> np.uint32(15))) * (t | np.uint32(1))
        r = (r + (r ^ (r >> np.uint32(7))) * (r | np.uint32(61))) ^ r
        r = r ^ (r >> np.uint32(14))
    return r.astype(np.float64) / 4294967296.0


def random_f32(length: int, seed: int) -> np.ndarray:
    """Uniform float32 values in [-1, 1), equal to ``randomF32(length, seed)`` of the site."""
    return (mulberry32(seed, length) * 2.0 - 1.0).astype(np.float32)
