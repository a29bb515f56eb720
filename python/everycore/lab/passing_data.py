"""The benchmark "passing-data" natively: an array to a worker process and back, by size.

Same id, cases and input as the site's (src/lab/benchmarks/passing-data.ts), so a native run
imported on the page sits beside the browser's postMessage rows: pickling through a Pool's pipes
(the structured clone's counterpart) and a multiprocessing.shared_memory block (the
SharedArrayBuffer's). Each prepare starts a pool of one worker outside the timed region.
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np

from everycore.lab.benchmark import Benchmark, Case, Params, Variant
from everycore.lab.mulberry32 import random_f32
from everycore.passing_data import round_trip_pickled, round_trip_shared, sampled_sum, shared_array
from everycore.pools import process_pool

KB = 1024
MB = 1024 * KB
SIZES = (KB, 32 * KB, MB, 8 * MB, 64 * MB)


def _label(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} KB"


def _input(p: Params, seed: int) -> np.ndarray:
    return random_f32(p["bytes"] // 4, seed)


def _checksum(value: float) -> np.ndarray:
    return np.array([value], dtype=np.float32)


@contextmanager
def _pickled(p: Params, data: np.ndarray, threads: int):
    with process_pool(1) as pool:
        # The echo's copy is what the worker received: check it, as the browser's echo does.
        yield lambda: _checksum(sampled_sum(round_trip_pickled(pool, data)))


@contextmanager
def _shared(p: Params, data: np.ndarray, threads: int):
    with shared_array(data.shape) as (name, array), process_pool(1) as pool:
        array[:] = data  # one copy into the block, outside the timed trips
        del array
        yield lambda: _checksum(round_trip_shared(pool, name, data.shape))


PASSING_DATA = Benchmark(
    id="passing-data",
    baseline="round-trip-copy-python",
    title="Passing an array to a worker process and back: pickled vs shared_memory",
    cases=tuple(Case(_label(size), {"bytes": size}) for size in SIZES),
    seed=4242,
    input=_input,
    reference=lambda p, data: _checksum(sampled_sum(data)),
    # The same float64 sum of the same sampled floats, rounded once: exact.
    tolerance=lambda p: 0.0,
    flops=lambda p: 0.0,
    variants=(
        Variant(id="round-trip-copy-python", label="A worker process, array pickled there and back",
                prepare=_pickled),
        Variant(id="round-trip-shared-python", label="A worker process, shared_memory block (name only)",
                prepare=_shared),
    ),
)
