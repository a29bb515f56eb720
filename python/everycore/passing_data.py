"""What it costs to hand an array to a worker process: pickled copies vs one shared block.

A process pool sends every argument and every result through a pipe as pickled bytes. For an array that
is two full copies per direction (pickle into a bytes object, unpickle into a new array), so a
round trip to a worker and back copies the data four times. ``multiprocessing.shared_memory``
removes the copies: the array lives in one block that both processes map, and only its *name*
(a short string) travels through the pipe.

The browser has the same two paths and one more: ``postMessage`` copies by structured clone (like
pickling), can *transfer* an ArrayBuffer (move it, no copy, the sender loses it), and passes a
SharedArrayBuffer as a handle to the same memory (like shared_memory). The site's passing-data
benchmark measures those; ``python -m everycore bench --filter passing-data`` measures these two
on the same payload sizes.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from multiprocessing import resource_tracker, shared_memory

import numpy as np

__all__ = ["STRIDE", "sampled_sum", "echo", "round_trip_pickled", "shared_array",
           "attach", "sampled_sum_shared", "round_trip_shared"]

# One float per 4 KiB page: enough to prove the data arrived without timing a full pass over it.
STRIDE = 1024


def sampled_sum(array: np.ndarray) -> float:
    """The float64 sum of every STRIDE-th element, in order (as the site's echo worker sums)."""
    total = 0.0
    for x in array.reshape(-1)[::STRIDE].tolist():
        total += x
    return total


# [start:pickled]
def echo(array):
    """The worker's whole task: the array arrives unpickled and is pickled back."""
    return array


def round_trip_pickled(pool, array):
    """One array to a worker and back through the Pool's pipes: copied on every hop."""
    return pool.apply(echo, (array,))
# [end:pickled]


# [start:shared]
@contextmanager
def shared_array(shape, dtype=np.float32):
    """A numpy array backed by a new SharedMemory block, closed and unlinked on exit.

    Yields (name, array). Do not keep the array past the block: the mapping under it is closed,
    and reading the array after that crashes the process (``close()`` does not refuse: an array
    made with ``np.ndarray(buffer=shm.buf)`` holds no buffer export, unlike ``np.frombuffer``).
    """
    nbytes = int(np.prod(shape)) * np.dtype(dtype).itemsize
    shm = shared_memory.SharedMemory(create=True, size=max(nbytes, 1))
    try:
        array = np.ndarray(shape, dtype=dtype, buffer=shm.buf)
        yield shm.name, array
        del array  # drop our view: once the mapping closes, using it would crash the process
    finally:
        shm.close()
        shm.unlink()  # freed once, by its creator (a leak is unlinked at exit, with a warning)


# Per process: whether its first attach had to start a resource tracker of its own.
_private_tracker: dict[int, bool] = {}


def attach(name):
    """Open an existing block without adopting it: only its creator may unlink it.

    Before Python 3.13, attaching registers the block with the process's resource tracker. A
    worker forked after its parent's tracker started shares that tracker, where the entry is a
    harmless duplicate of the creator's. A worker with no tracker starts its own, which would
    unlink the block when the worker exits and warn of a leak: there we take the entry back.
    3.13 added track=False for exactly this.
    """
    if sys.version_info >= (3, 13):
        return shared_memory.SharedMemory(name=name, track=False)
    pid = os.getpid()
    if pid not in _private_tracker:
        _private_tracker[pid] = resource_tracker._resource_tracker._fd is None  # noqa: SLF001
    shm = shared_memory.SharedMemory(name=name)
    if _private_tracker[pid]:
        resource_tracker.unregister(shm._name, "shared_memory")  # noqa: SLF001 (the tracker's key)
    return shm


def sampled_sum_shared(name, shape, dtype="float32"):
    """Worker task: attach to the block by name, read it in place, detach. Nothing is copied."""
    shm = attach(name)
    try:
        array = np.ndarray(shape, dtype=dtype, buffer=shm.buf)
        result = sampled_sum(array)
        del array
    finally:
        shm.close()
    return result


def round_trip_shared(pool, name, shape):
    """Only the block's name and shape go to the worker, only a float comes back."""
    return pool.apply(sampled_sum_shared, (name, shape))
# [end:shared]
