"""A multiprocessing data loader: the next batches are prepared while the model trains.

Before a training step can run, its batch must be decoded (compressed bytes -> pixels),
normalised (bytes -> float32 with mean 0 and spread 1) and augmented (here: each digit shifted by
a random few pixels, so the model learns that a digit is the same digit a little to the left).
Done in the training loop, that work adds to every step. Done in worker processes, it overlaps
with the step: while the model computes on batch i, the workers already build batches i+1, i+2…

The pattern, as PyTorch's DataLoader uses it:

* module-level worker functions (a Pool pickles them by name), the dataset handed to each worker
  ONCE by the pool's initializer, each task a small tuple (which images, which seed);
* a bounded prefetch: at most ``prefetch`` batches are in flight, so a fast loader cannot fill
  memory ahead of a slow model;
* each batch's random shifts come from its own seed, so the batches are the same whichever
  worker builds them, and the same as the single-process loader's;
* a clean shutdown: ``close()`` (or leaving the ``with`` block, even through an exception or an
  early ``break``) cancels the batches not yet started and lets the workers finish the ones they
  are building, then stops them. It never kills a worker mid-batch: with ``multiprocessing.Pool``,
  ``terminate()`` at that moment can leave half a result in the pipe and hang the program
  (see :mod:`everycore.pools`);
* a worker that dies (out of memory, killed) fails the next batch with ``BrokenProcessPool``
  instead of leaving the training loop waiting forever.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import collections
import contextlib
import gzip
import zlib
from pathlib import Path

import numpy as np

from .pools import process_pool

__all__ = [
    "MNIST_MEAN",
    "MNIST_STD",
    "seven_segment_digits",
    "read_idx",
    "encode_images",
    "decode_image",
    "shift_images",
    "make_batch",
    "epoch_tasks",
    "serial_batches",
    "BatchLoader",
]

MNIST_MEAN, MNIST_STD = 0.1307, 0.3081  # of MNIST's training pixels scaled to [0, 1]

# Segments of a seven-segment display: (row0, row1, col0, col1) in a 20x12 box.
_SEGMENTS = {
    "a": (0, 2, 0, 12), "b": (0, 11, 10, 12), "c": (9, 20, 10, 12), "d": (18, 20, 0, 12),
    "e": (9, 20, 0, 2), "f": (0, 11, 0, 2), "g": (9, 11, 0, 12),
}
_DIGIT_SEGMENTS = ["abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg",
                   "abcdfg"]


def seven_segment_digits(count, seed=0, size=28):
    """``count`` digit-like uint8 images (seven-segment glyphs, jittered and noisy) and labels.

    A stand-in for MNIST when there is no download: the tests and examples run on it offline.
    """
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"count must be an integer >= 1, got {count!r}")
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, count).astype(np.uint8)
    images = np.zeros((count, size, size), np.float32)
    for i, label in enumerate(labels):
        top, left = rng.integers(1, size - 21), rng.integers(1, size - 13)
        for segment in _DIGIT_SEGMENTS[label]:
            r0, r1, c0, c1 = _SEGMENTS[segment]
            images[i, top + r0:top + r1, left + c0:left + c1] = rng.uniform(0.6, 1.0)
    images += rng.normal(0, 0.1, images.shape)
    return (np.clip(images, 0, 1) * 255).astype(np.uint8), labels


def read_idx(path):
    """Read an MNIST IDX file (``train-images-idx3-ubyte``, optionally ``.gz``) into an array."""
    path = Path(path)
    raw = (gzip.open if path.suffix == ".gz" else open)(path, "rb").read()
    if len(raw) < 4 or raw[:2] != b"\0\0" or raw[2] != 0x08:
        raise ValueError(f"{path} is not an unsigned-byte IDX file (bad magic number)")
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim))
    start = 4 + 4 * ndim
    if len(raw) - start != int(np.prod(shape)):
        raise ValueError(f"{path}: header says shape {shape}, but the file holds "
                         f"{len(raw) - start} data bytes")
    return np.frombuffer(raw, np.uint8, offset=start).reshape(shape)


# [start:batch_work]
def encode_images(images):
    """Compress each uint8 image on its own (deflate, as in PNG): what a dataset on disk holds."""
    return [zlib.compress(np.ascontiguousarray(image).tobytes()) for image in images]


def decode_image(blob, size=28):
    """Compressed bytes -> (size, size) uint8 pixels: the per-image work a loader hides."""
    return np.frombuffer(zlib.decompress(blob), np.uint8).reshape(size, size)


def shift_images(images, max_shift, rng):
    """Move each image by its own random (dy, dx) in [-max_shift, max_shift]; zeros fill in."""
    out = np.zeros_like(images)
    n, h, w = images.shape
    for i, (dy, dx) in enumerate(rng.integers(-max_shift, max_shift + 1, (n, 2))):
        out[i, max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \
            images[i, max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out


def make_batch(blobs, labels, indices, seed, max_shift=2):
    """Decode, normalise and augment the images ``indices``: (B, 1, 28, 28) float32 and labels."""
    pixels = np.stack([decode_image(blobs[i]) for i in indices])
    if max_shift:  # on the bytes, where 0 is the background that fills the vacated border
        pixels = shift_images(pixels, max_shift, np.random.default_rng(seed))
    x = (pixels.astype(np.float32) / 255 - MNIST_MEAN) / MNIST_STD
    return x[:, None], labels[indices].astype(np.intp)
# [end:batch_work]


def epoch_tasks(n_images, batch_size, epoch, seed):
    """One epoch's batches as (indices, batch seed) pairs: a fresh shuffle per epoch."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or \
            not 1 <= batch_size <= n_images:
        raise ValueError(f"batch_size must be an integer in [1, {n_images}] (the number of "
                         f"images), got {batch_size!r}")
    rng = np.random.default_rng([seed, epoch])
    order = rng.permutation(n_images)
    starts = range(0, n_images, batch_size)
    return [(order[i:i + batch_size], int(s)) for i, s in zip(starts, rng.integers(0, 2**31, len(starts)))]


def serial_batches(blobs, labels, batch_size, epoch=0, seed=0, max_shift=2):
    """The same batches as :class:`BatchLoader`, built one after the other in this process."""
    for indices, batch_seed in epoch_tasks(len(blobs), batch_size, epoch, seed):
        yield make_batch(blobs, labels, indices, batch_seed, max_shift)


# [start:worker]
_blobs = _labels = None  # this worker's copy of the dataset, set once by _init_worker


def _init_worker(blobs, labels):
    global _blobs, _labels
    _blobs, _labels = blobs, labels


def _make_batch_task(task):
    indices, seed, max_shift = task
    return make_batch(_blobs, _labels, indices, seed, max_shift)
# [end:worker]


# [start:loader]
class BatchLoader:
    """Batches built by ``workers`` processes, up to ``prefetch`` of them ahead of the consumer.

    Use it as a context manager::

        with BatchLoader(blobs, labels, batch_size=64, workers=2) as loader:
            for epoch in range(epochs):
                for x, y in loader.epoch(epoch):
                    train_step(x, y)
    """

    def __init__(self, blobs, labels, batch_size, workers=2, prefetch=None, seed=0,
                 max_shift=2, start_method=None):
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise ValueError(f"workers must be an integer >= 1, got {workers!r}")
        self.prefetch = 2 * workers if prefetch is None else prefetch
        if self.prefetch < 1:
            raise ValueError(f"prefetch must be >= 1, got {self.prefetch}")
        epoch_tasks(len(blobs), batch_size, 0, seed)          # checks batch_size early
        self.batch_size, self.seed, self.max_shift = batch_size, seed, max_shift
        self.n_images = len(blobs)
        self._stack = contextlib.ExitStack()   # holds the pool until close()
        self._pool = self._stack.enter_context(process_pool(
            workers, _init_worker, (list(blobs), np.asarray(labels)), start_method))

    def epoch(self, epoch):
        """Yield this epoch's batches in order while the workers prepare the next ones."""
        tasks = collections.deque(epoch_tasks(self.n_images, self.batch_size, epoch, self.seed))
        in_flight = collections.deque()
        while tasks or in_flight:
            while tasks and len(in_flight) < self.prefetch:   # keep the workers busy
                indices, seed = tasks.popleft()
                in_flight.append(self._pool.submit(
                    _make_batch_task, (indices, seed, self.max_shift)))
            yield in_flight.popleft().result()                # waits only if not ready yet

    def close(self):
        """Drop the batches not started, let the workers finish theirs, then stop them."""
        self._stack.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
# [end:loader]
