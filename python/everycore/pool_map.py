"""Many independent images through a process pool: map, starmap, chunksize.

The pool here is :func:`everycore.pools.process_pool`, which has ``multiprocessing.Pool``'s
``map``, ``starmap`` and ``chunksize`` (the listings read the same with either), and raises an
error instead of hanging when a worker dies (its module says why the standard pools can hang).

When every image can be processed without looking at any other, the work splits without
coordination: hand the images to N worker processes and collect the results in order. What it
costs is the traffic: each task's arguments are pickled, written to a pipe, read and unpickled by a
worker, and its result travels back the same way. Two consequences the listings below show:

* Only what pickle can name can be sent. A function is pickled as "module + name" and imported
  again in the worker, so a function defined inside another function (a closure) or a lambda
  cannot travel. ``functools.partial`` of a module-level function can: it pickles the function's
  name plus its bound arguments.
* Each task pays a fixed cost (tens of microseconds) on top of its work. Tasks much shorter than
  that lose to the overhead; ``chunksize`` groups tasks into fewer, larger messages.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import functools
import time

import numpy as np

from .pools import process_pool

__all__ = [
    "box_blur3",
    "sharpen",
    "make_images",
    "blur_sequential",
    "blur_with_pool",
    "sharpen_with_pool",
    "make_sharpener_closure",
    "make_sharpener_partial",
    "time_chunksizes",
]


# [start:task]
def box_blur3(image):
    """3x3 box blur of one (H, W) float32 image; pixels outside count as zero (as on the site)."""
    padded = np.pad(image, 1)
    h, w = image.shape
    total = sum(padded[dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3))
    return (total / np.float32(9)).astype(np.float32)


def sharpen(image, amount):
    """Unsharp mask: push each pixel away from its blurred neighbourhood by ``amount``."""
    return image + np.float32(amount) * (image - box_blur3(image))
# [end:task]


def make_images(count, height=64, width=64, seed=0):
    """``count`` seeded random float32 images of (height, width), as a list (one task each)."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"count must be an integer >= 1, got {count!r}")
    rng = np.random.default_rng(seed)
    return [rng.standard_normal((height, width), dtype=np.float32) for _ in range(count)]


def blur_sequential(images):
    return [box_blur3(image) for image in images]


# [start:pool_map]
def blur_with_pool(images, processes=2, chunksize=None):
    """Every image blurred in a worker process; results come back in input order."""
    with process_pool(processes) as pool:
        # chunksize=None picks about len(images) / (4 * processes) per message, as Pool does.
        return pool.map(box_blur3, images, chunksize=chunksize)


def sharpen_with_pool(images, amounts, processes=2):
    """starmap: each task is a tuple of arguments, unpacked into sharpen(image, amount)."""
    with process_pool(processes) as pool:
        return pool.starmap(sharpen, zip(images, amounts))
# [end:pool_map]


# [start:closure_pitfall]
def make_sharpener_closure(amount):
    """Does NOT work with a Pool: the inner function has no importable name."""
    def sharpen_one(image):
        return sharpen(image, amount)
    return sharpen_one


def make_sharpener_partial(amount):
    """Works: a partial pickles as (module-level function, bound arguments)."""
    return functools.partial(sharpen, amount=amount)

# with process_pool(2) as pool:
#     pool.map(make_sharpener_closure(0.5), images)  # fails: Can't pickle local object
#     pool.map(make_sharpener_partial(0.5), images)  # runs in the workers
# [end:closure_pitfall]


# [start:chunksize]
def time_chunksizes(images, processes=2, chunksizes=(1, 4, 16, 64), repeats=3):
    """Best time of one pool.map over ``images`` per chunksize, with the pool already started."""
    rows = []
    with process_pool(processes) as pool:
        pool.map(box_blur3, images[:processes])  # start the workers before timing
        for chunksize in chunksizes:
            best = float("inf")
            for _ in range(repeats):
                start = time.perf_counter()
                pool.map(box_blur3, images, chunksize=chunksize)
                best = min(best, time.perf_counter() - start)
            rows.append({"chunksize": chunksize, "seconds": best,
                         "messages": -(-len(images) // chunksize)})
    return rows
# [end:chunksize]
