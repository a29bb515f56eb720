"""Many processes filling ONE image, without copying it back and forth.

A pool's ``map`` pickles every argument and every result: for an image split into tiles, each tile is
copied into the worker and its result copied out again. Shared memory removes both copies: the
parent creates one block, each worker maps the same block and writes its own rows in place.

Two ways, both in the standard library:

* ``multiprocessing.shared_memory.SharedMemory`` (Python 3.8+): a named block any process can
  attach to by name; wrap it in a numpy array with ``np.ndarray(shape, dtype, buffer=shm.buf)``.
  Whoever creates it must ``unlink()`` it once, and every process must ``close()`` its mapping.
  On POSIX a block its creator never unlinks is unlinked by the resource tracker when the program
  ends, with a "leaked shared_memory objects" warning; on Windows the system frees it when the
  last process closes it. After ``close()`` an array made with ``np.ndarray(buffer=shm.buf)``
  points at unmapped memory: reading it crashes the process (``np.frombuffer`` views make
  ``close()`` raise BufferError instead).
* ``multiprocessing.Array``: a ctypes array in shared memory, inherited by workers. It cannot be
  sent as a task's argument (it is not picklable); pass it to each worker ONCE through the
  pool's ``initializer``.

The tiles are disjoint row bands, so no lock is needed: no two workers write the same pixel.
"""

from __future__ import annotations

import multiprocessing as mp
from multiprocessing import shared_memory

import numpy as np

from .pools import process_pool


def shade_rows(y0: int, y1: int, width: int) -> np.ndarray:
    """The per-tile work (a smooth test pattern): rows [y0, y1) of a (height, width) image."""
    yy, xx = np.mgrid[y0:y1, 0:width].astype(np.float32)
    return np.sin(yy * np.float32(0.05)) * np.cos(xx * np.float32(0.03))


def row_bands(height: int, tile_rows: int) -> list[tuple[int, int]]:
    """[(0, t), (t, 2t), …] covering `height` rows."""
    if height < 1 or tile_rows < 1:
        raise ValueError(f"height and tile_rows must be ≥ 1, got {height} and {tile_rows}")
    return [(y, min(y + tile_rows, height)) for y in range(0, height, tile_rows)]


# [start:shared_memory]
def _fill_band_shared(args: tuple[str, tuple[int, int], int, int]) -> int:
    """Worker: attach to the block by name, write rows [y0, y1) in place, detach."""
    name, shape, y0, y1 = args
    shm = shared_memory.SharedMemory(name=name)
    try:
        image = np.ndarray(shape, dtype=np.float32, buffer=shm.buf)
        image[y0:y1] = shade_rows(y0, y1, shape[1])
        del image  # close() would not stop us using it, and a read after close() would crash
    finally:
        shm.close()
    return y1 - y0


def render_shared_memory(height: int, width: int, processes: int = 2, tile_rows: int = 64) -> np.ndarray:
    """Fill a (height, width) float32 image from a process pool through one SharedMemory block."""
    bands = row_bands(height, tile_rows)
    shm = shared_memory.SharedMemory(create=True, size=height * width * 4)
    try:
        image = np.ndarray((height, width), dtype=np.float32, buffer=shm.buf)
        with process_pool(processes) as pool:
            rows = sum(pool.map(_fill_band_shared, [(shm.name, (height, width), y0, y1) for y0, y1 in bands]))
        assert rows == height
        result = image.copy()  # an ordinary array that outlives the block
        del image
    finally:
        shm.close()
        shm.unlink()  # the creator frees the block exactly once, even after an error
    return result
# [end:shared_memory]


# [start:multiprocessing_array]
_shared = None  # each worker's handle on the parent's Array, set once by the initializer


def _init_worker(array, shape: tuple[int, int]) -> None:
    global _shared
    _shared = np.frombuffer(array, dtype=np.float32).reshape(shape)


def _fill_band_array(band: tuple[int, int]) -> int:
    y0, y1 = band
    _shared[y0:y1] = shade_rows(y0, y1, _shared.shape[1])
    return y1 - y0


def render_multiprocessing_array(height: int, width: int, processes: int = 2, tile_rows: int = 64) -> np.ndarray:
    """Fill the image through a lock-free multiprocessing.Array handed to workers at start-up."""
    array = mp.Array("f", height * width, lock=False)  # 'f' = C float = float32
    with process_pool(processes, _init_worker, (array, (height, width))) as pool:
        pool.map(_fill_band_array, row_bands(height, tile_rows))
    return np.frombuffer(array, dtype=np.float32).reshape(height, width).copy()
# [end:multiprocessing_array]


def render_pickled(height: int, width: int, processes: int = 2, tile_rows: int = 64) -> np.ndarray:
    """The copying way for comparison: each band is computed in a worker and pickled back."""
    with process_pool(processes) as pool:
        starts, ends = zip(*row_bands(height, tile_rows))
        bands = pool.map(shade_rows, starts, ends, [width] * len(starts))
    return np.concatenate(bands)
