"""The site's "shared-histogram" benchmark natively: processes counting one image's pixels.

Same id, case, seed and input (the site's ``smoothImageU8``, bit for bit) as
``src/lab/benchmarks/shared-histogram.ts``. The image sits in one ``shared_memory`` block that
every worker process maps once, so no pixel is pickled; each worker counts a contiguous slice.

- a Python loop over the pixels, one process: the site's baseline (a plain loop), interpreted;
- ``np.bincount``, one process: the baseline here, what one writes in numpy;
- private bins: each process counts its slice with ``np.bincount`` into its own 256 bins, which
  come back pickled (2 KB) and are added in the parent, the site's private-bins-merged variant;
- one shared histogram, a ``multiprocessing.Array`` every process increments pixel by pixel
  under its lock: the counterpart of the site's ``Atomics.add``. Without the lock, two processes
  read the same count, both add one and both write it back, and counts are lost; with it, every
  increment waits its turn, and the processes mostly queue for the lock.
"""

from __future__ import annotations

import math
import multiprocessing
from contextlib import contextmanager

import numpy as np

from everycore.grad_average import slice_bounds
from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant
from everycore.lab.mulberry32 import mulberry32
from everycore.passing_data import attach, shared_array
from everycore.pools import process_pool

BINS = 256
CASE = Case("2048×1024 pixels", {"width": 2048, "height": 1024})


def smooth_image_u8(width: int, height: int, seed: int) -> np.ndarray:
    """The site's smoothImageU8: waves around mid-gray plus a little noise, so a few bins are
    hit again and again. sin and cos from the C library (``math``), as scalar as the site's."""
    wave_x = np.array([math.sin(x / 50) for x in range(width)])
    wave_y = np.array([math.cos(y / 70) for y in range(height)])[:, None]
    noise = mulberry32(seed, width * height).reshape(height, width)
    return np.clip(np.floor(128 + 60 * wave_x * wave_y + 20 * noise), 0, 255).astype(np.uint8)


def _input(p: Params, seed: int) -> np.ndarray:
    return smooth_image_u8(p["width"], p["height"], seed).reshape(-1)


def _reference(p: Params, pixels: np.ndarray) -> np.ndarray:
    """For each value, one pass counting the pixels equal to it: no indexing by pixel value."""
    return np.array([np.count_nonzero(pixels == v) for v in range(BINS)])


def histogram_loop_python(pixels: np.ndarray) -> np.ndarray:
    bins = [0] * BINS
    for value in pixels.tolist():
        bins[value] += 1
    return np.array(bins)


# Each worker's view of the shared image and the shared counts, set once by _attach.
_pixels: np.ndarray | None = None
_counts = None
_block = None   # the worker's mapping of the image, open for its lifetime


def _attach(name: str, size: int, counts) -> None:
    global _pixels, _counts, _block
    _block = attach(name)
    _pixels = np.ndarray(size, np.uint8, buffer=_block.buf)
    _counts = counts


def _count_private(bounds: tuple[int, int]) -> np.ndarray:
    """Counts its slice into bins no other process sees; they travel back pickled."""
    start, end = bounds
    return np.bincount(_pixels[start:end], minlength=BINS)


def _count_locked(bounds: tuple[int, int]) -> None:
    """Adds its slice into the shared counts, one locked increment per pixel."""
    start, end = bounds
    lock, counts = _counts.get_lock(), _counts.get_obj()
    for value in _pixels[start:end].tolist():
        with lock:
            counts[value] += 1


@contextmanager
def _in_pool(pixels: np.ndarray, processes: int, counts):
    """A pool whose workers have mapped the image; yields it and the slices, one per worker."""
    with shared_array(pixels.shape, np.uint8) as (name, shared):
        shared[:] = pixels   # one copy into the block, outside the timed calls
        del shared
        with process_pool(processes, _attach, (name, pixels.size, counts)) as pool:
            yield pool, slice_bounds(pixels.size, processes)


@contextmanager
def _private_bins(p: Params, pixels: np.ndarray, processes: int):
    with _in_pool(pixels, processes, None) as (pool, slices):
        def call() -> np.ndarray:
            # The serial part: adding the processes' 256 counts, once they are all done.
            return np.sum(pool.map(_count_private, slices), axis=0)
        call()   # workers up before timing
        yield call


@contextmanager
def _shared_bins(p: Params, pixels: np.ndarray, processes: int):
    counts = multiprocessing.Array("q", BINS)   # int64 counts with a lock, zeroed
    with _in_pool(pixels, processes, counts) as (pool, slices):
        def call() -> np.ndarray:
            counts.get_obj()[:] = [0] * BINS
            pool.map(_count_locked, slices)
            return np.array(counts.get_obj())
        call()   # workers up before timing
        yield call


@contextmanager
def _loop_python(p: Params, pixels: np.ndarray, threads: int):
    yield lambda: histogram_loop_python(pixels)


@contextmanager
def _bincount_numpy(p: Params, pixels: np.ndarray, threads: int):
    yield lambda: np.bincount(pixels, minlength=BINS)


SHARED_HISTOGRAM = Benchmark(
    id="shared-histogram",
    baseline="histogram-u8-bincount-numpy",
    title="Processes counting into one histogram: private bins merged vs one locked shared array",
    cases=(CASE,),
    seed=44,
    input=_input,
    reference=_reference,
    # Counts of whole pixels: every correct way gets them exactly.
    tolerance=lambda p: 0.0,
    flops=lambda p: 0.0,
    variants=(
        Variant(id="histogram-u8-loop-python", label="One process, a Python loop over the pixels",
                prepare=_loop_python),
        Variant(id="histogram-u8-bincount-numpy", label="One process, np.bincount",
                prepare=_bincount_numpy),
        Variant(id="histogram-u8-private-merge-numpy",
                label="Processes with private bins (np.bincount), merged at the end",
                prepare=_private_bins, threading=Threading.PROCESSES),
        Variant(id="histogram-u8-lock-python",
                label="Processes sharing one multiprocessing.Array, a lock per increment",
                prepare=_shared_bins, threading=Threading.PROCESSES),
    ),
)
