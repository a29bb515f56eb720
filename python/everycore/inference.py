"""Inference on many images, one process vs a pool of processes.

Images are independent: classifying image 7 needs nothing from image 6. That is the easy case
for multiprocessing. Each worker process has its own interpreter and its own GIL, so N workers run
N images' Python code at once, which threads cannot do.

A first attempt often looks like this, and does not run::

    def classify_all(images, model):
        def classify(image):                     # a function defined inside a function
            return model.forward(image[np.newaxis])[0]

        with process_pool(8) as pool:
            return pool.map(classify, images)

It fails as soon as the tasks are sent: ``AttributeError: Can't pickle local object
'classify_all.<locals>.classify'`` (newer Pythons raise ``pickle.PicklingError``; a ``lambda``
fails the same way). A process pool sends work to its processes through pipes, as pickled bytes, and pickle
records a function by its module and name, which the worker imports again. A nested function or
a lambda has no name a worker could import. Sending ``(image, model)`` pairs to a module-level
function would run, but it pickles a copy of the whole model with every image.

The working pattern, below: module-level functions only; the model is built once per worker by
the pool's *initializer* (from a seed, so every worker builds the same weights and nothing large
is pickled); each task carries one image; ``chunksize`` groups images into fewer messages. It
works with every start method ("fork", "spawn", "forkserver"), so on Linux, macOS and Windows.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import contextlib
import math
import time
from dataclasses import dataclass

import numpy as np

from everycore.benchmarks import time_call
from everycore.blas_threads import blas_thread_limit, can_limit_blas_threads, limit_blas_threads
from everycore.im2col import conv2d_im2col
from everycore.pools import pool_size, process_pool

__all__ = [
    "he_normal",
    "TinyCNN",
    "make_images",
    "init_worker",
    "predict_one",
    "predict_sequential",
    "default_chunksize",
    "make_pool",
    "predict_parallel",
    "benchmark_parallel_inference",
]

IMAGE_SHAPE = (3, 64, 64)  # (C, H, W): a small colour image
CLASSES = 10


# [start:tiny_model]
def he_normal(rng, shape):
    """Random float32 weights scaled by sqrt(2 / fan-in), so activations keep their size."""
    fan_in = math.prod(shape[1:])
    return (rng.standard_normal(shape) * math.sqrt(2 / fan_in)).astype(np.float32)


@dataclass(frozen=True)
class TinyCNN:
    """Two 3x3 convolutions (padding 1, ReLU after each) -> global average -> dense scores."""

    conv1_w: np.ndarray  # (16, C, 3, 3)
    conv2_w: np.ndarray  # (32, 16, 3, 3)
    dense_w: np.ndarray  # (classes, 32)

    @classmethod
    def from_seed(cls, seed, channels=IMAGE_SHAPE[0], classes=CLASSES):
        """The same seed gives the same weights in every process."""
        rng = np.random.default_rng(seed)
        return cls(conv1_w=he_normal(rng, (16, channels, 3, 3)),
                   conv2_w=he_normal(rng, (32, 16, 3, 3)),
                   dense_w=he_normal(rng, (classes, 32)))

    def forward(self, images):
        """(N, C, H, W) float32 images -> (N, classes) scores."""
        h = np.maximum(conv2d_im2col(images, self.conv1_w, padding=1), 0)
        h = np.maximum(conv2d_im2col(h, self.conv2_w, padding=1), 0)
        return h.mean(axis=(2, 3)) @ self.dense_w.T      # global average, then dense
# [end:tiny_model]


def make_images(count, seed=0, shape=IMAGE_SHAPE):
    """``count`` random float32 images of ``shape`` (C, H, W), as one (count, C, H, W) array."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"count must be an integer >= 1, got {count!r}")
    return np.random.default_rng(seed).standard_normal((count, *shape), dtype=np.float32)


# [start:pool_worker]
_model = None  # this worker's model, built once by init_worker


def init_worker(seed):
    """Runs once in each worker process when the pool starts."""
    global _model
    # N workers each starting N BLAS threads would oversubscribe the cores: one thread each.
    limit_blas_threads(1)
    _model = TinyCNN.from_seed(seed)


def predict_one(image):
    """One task: one (C, H, W) image in, its (classes,) scores out. Module level, so picklable."""
    return _model.forward(image[np.newaxis])[0]
# [end:pool_worker]


# [start:predict]
def predict_sequential(model, images):
    """One process, one image at a time: the baseline."""
    return np.stack([model.forward(image[np.newaxis])[0] for image in images])


def default_chunksize(n_images, processes):
    """About four chunks per process: few enough messages, small enough to balance the load."""
    return max(1, n_images // (4 * processes))


def make_pool(processes, seed, start_method=None):
    """A pool whose workers each build the model once; ``start_method`` None is the platform's."""
    return process_pool(processes, init_worker, (seed,), start_method)


def predict_parallel(pool, images, chunksize):
    """The images spread over the pool's processes; results come back in input order."""
    return np.stack(pool.map(predict_one, images, chunksize=chunksize))
# [end:predict]


# [start:benchmark_parallel_inference]
def benchmark_parallel_inference(n_images=64, processes=None, repeats=3, seed=0,
                                 start_method=None):
    """Time one process against a pool of ``processes`` (default: all CPUs) on ``n_images``.

    Returns two row dicts (one process, the pool) with ``median_s`` and ``min_s`` per pass over
    all images; the pool's row adds ``startup_s`` (starting the processes and building each
    worker's model, paid once per pool, not per pass), ``speedup`` and ``same_outputs``.
    """
    processes = pool_size(processes)
    images = make_images(n_images, seed)
    model = TinyCNN.from_seed(seed)
    chunksize = default_chunksize(n_images, processes)

    # One BLAS thread here too, as in each worker: the comparison is one core against N.
    one_thread = blas_thread_limit(1) if can_limit_blas_threads() else contextlib.nullcontext()
    with one_thread:
        one = time_call(predict_sequential, model, images, repeats=repeats)

    start = time.perf_counter()
    with make_pool(processes, seed, start_method) as pool:
        pool.map(predict_one, images[:processes])  # first answers: workers up
        startup_s = time.perf_counter() - start
        many = time_call(predict_parallel, pool, images, chunksize, repeats=repeats)

    return [
        {"variant": "one process", "processes": 1, "images": n_images,
         "median_s": one["median_s"], "min_s": one["min_s"]},
        {"variant": "pool", "processes": processes, "images": n_images, "chunksize": chunksize,
         "median_s": many["median_s"], "min_s": many["min_s"], "startup_s": startup_s,
         "speedup": one["median_s"] / many["median_s"],
         # Processes change where the work runs, not its arithmetic: bit-identical scores.
         "same_outputs": bool(np.array_equal(one["result"], many["result"]))},
    ]
# [end:benchmark_parallel_inference]
