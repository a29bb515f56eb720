"""Data-parallel training: K processes share one batch, their gradients are averaged, one update.

The loss of a batch is the MEAN of its images' losses, so its gradient is the mean of their
gradients. Split the batch into K slices of n_1 … n_K images (n_1 + … + n_K = N): each process
computes the mean gradient g_k of its slice, and

    g = (n_1 * g_1 + … + n_K * g_K) / N

is exactly the gradient of the whole batch, the same number the single process computes, up to
rounding (the sums are added in another order). Weight each slice by its size: a plain mean of
the g_k is wrong as soon as the slices differ in size.

Where the numbers travel: the parameters and a (K, P) table of gradients (P = number of
parameters) live in ``multiprocessing.shared_memory`` blocks that every worker maps once. A
worker reads the current weights in place, writes its weighted gradient into row k, and returns
only its loss; the parent sums the rows and applies one SGD step to the shared weights, which
every worker sees at its next step. Only the batch slices are pickled.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import contextlib
import math
from multiprocessing import shared_memory

import numpy as np

from everycore.benchmarks import time_call
from everycore.blas_threads import blas_thread_limit, can_limit_blas_threads, limit_blas_threads
from everycore.cnn_numpy import PARAM_NAMES, init_params, loss_and_grads, sgd_momentum_step
from everycore.data_loader import encode_images, make_batch, seven_segment_digits
from everycore.pools import process_pool

__all__ = ["slice_bounds", "ParamLayout", "DataParallelTrainer", "benchmark_data_parallel"]


def slice_bounds(n, parts):
    """Split ``n`` items into ``parts`` contiguous slices whose sizes differ by at most one."""
    if isinstance(parts, bool) or not isinstance(parts, int) or not 1 <= parts <= n:
        raise ValueError(f"parts must be an integer in [1, {n}] (the batch size), got {parts!r}")
    return [(k * n // parts, (k + 1) * n // parts) for k in range(parts)]


class ParamLayout:
    """Where each named array sits in one flat vector: views in, views out, no copies."""

    def __init__(self, params):
        self.shapes = {name: params[name].shape for name in PARAM_NAMES}
        self.dtype = np.dtype(params[PARAM_NAMES[0]].dtype)
        self.offsets, offset = {}, 0
        for name in PARAM_NAMES:
            self.offsets[name] = offset
            offset += math.prod(self.shapes[name])
        self.size = offset

    def views(self, flat):
        """The named arrays as views into ``flat``, so writing one writes the flat vector."""
        return {name: flat[self.offsets[name]:self.offsets[name] + math.prod(shape)].reshape(shape)
                for name, shape in self.shapes.items()}

    def flatten_into(self, arrays, flat):
        for name, view in self.views(flat).items():
            view[...] = arrays[name]


# [start:worker]
_params = _table = _layout = None   # this worker's views of the shared blocks, set by _attach
_blocks = []              # the worker's mappings, kept open for its lifetime


def _attach(params_name, grads_name, layout, parts):
    """Runs once per worker: map both shared blocks, one BLAS thread (the cores are ours)."""
    global _params, _table, _layout
    limit_blas_threads(1)
    _blocks.extend(shared_memory.SharedMemory(name=n) for n in (params_name, grads_name))
    _layout = layout
    _params = layout.views(np.ndarray(layout.size, layout.dtype, buffer=_blocks[0].buf))
    _table = np.ndarray((parts, layout.size), layout.dtype, buffer=_blocks[1].buf)


def slice_gradient(task):
    """Gradient of one slice of the batch, weighted by its size, written into row k."""
    k, x, y = task
    loss, grads = loss_and_grads(_params, x, y)       # reads the shared weights in place
    row = _layout.views(_table[k])
    for name in PARAM_NAMES:
        np.multiply(grads[name], len(x), out=row[name])   # n_k * g_k: a SUM over the slice
    return loss * len(x)
# [end:worker]


# [start:trainer]
class DataParallelTrainer:
    """SGD with momentum where K worker processes compute the gradient of each batch together.

    ::

        with DataParallelTrainer(params, parts=2) as trainer:
            for x, y in batches:
                loss = trainer.step(x, y, lr=0.01)
            trained = trainer.params()
    """

    def __init__(self, params, parts=2, momentum=0.9, start_method=None):
        if isinstance(parts, bool) or not isinstance(parts, int) or parts < 1:
            raise ValueError(f"parts must be an integer >= 1, got {parts!r}")
        self.parts, self.momentum = parts, momentum
        self._pool = None
        self._stack = contextlib.ExitStack()   # holds the pool until close()
        self.layout = layout = ParamLayout(params)
        self._blocks = []
        try:
            for rows in (1, parts):   # the weights, then one gradient row per worker
                self._blocks.append(shared_memory.SharedMemory(
                    create=True, size=rows * layout.size * layout.dtype.itemsize))
            self._flat = np.ndarray(layout.size, layout.dtype, buffer=self._blocks[0].buf)
            self._table = np.ndarray((parts, layout.size), layout.dtype, buffer=self._blocks[1].buf)
            layout.flatten_into(params, self._flat)
            self._velocity = np.zeros(layout.size, layout.dtype)
            self._pool = self._stack.enter_context(process_pool(parts, _attach, (
                self._blocks[0].name, self._blocks[1].name, layout, parts), start_method))
        except BaseException:
            self._free_blocks()
            raise

    def step(self, x, y, lr=0.01):
        """One synchronous step on the batch (x, y); returns the batch's mean loss."""
        loss, grad = self._merged_gradient(x, y)
        views = self.layout.views                     # named views of the flat vectors
        # In place on the shared weights: every worker sees them at the next step.
        sgd_momentum_step(views(self._flat), views(grad), views(self._velocity), lr, self.momentum)
        return loss

    def _merged_gradient(self, x, y):
        """Mean loss and flat gradient of the batch, from the K workers' weighted rows."""
        n = len(x)
        tasks = [(k, x[a:b], y[a:b]) for k, (a, b) in enumerate(slice_bounds(n, self.parts))]
        losses = self._pool.map(slice_gradient, tasks)
        # Every worker has written its row (map returned): the barrier of a synchronous step.
        return sum(losses) / n, self._table.sum(axis=0) / n   # (n_1 g_1 + … + n_K g_K) / N
# [end:trainer]

    def gradient(self, x, y):
        """The merged gradient of (x, y) at the current weights, without updating them."""
        return self.layout.views(self._merged_gradient(x, y)[1])

    def params(self):
        """A copy of the current weights as ordinary arrays (they outlive the trainer)."""
        return {name: view.copy() for name, view in self.layout.views(self._flat).items()}

    def block_names(self):
        return [block.name for block in self._blocks]

    # [start:close]
    def close(self):
        """Stop the workers (their mappings close with them), then free the blocks once."""
        self._stack.close()   # lets a running step finish: a worker is never killed mid-write
        self._pool = None
        self._free_blocks()

    def _free_blocks(self):
        self._flat = self._table = None               # drop our views before closing the mapping
        for block in self._blocks:
            block.close()
            block.unlink()
        self._blocks = []
    # [end:close]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# [start:benchmark_data_parallel]
def benchmark_data_parallel(batch=256, parts=2, repeats=3, seed=0, start_method=None):
    """Time the gradient of one batch in one process against ``parts`` processes.

    Returns two row dicts (one process, data-parallel) with ``median_s`` per batch and
    ``images_per_s``; the data-parallel row adds ``speedup`` and ``max_abs_diff``, the largest
    difference between its merged gradient and the one-process gradient (rounding only).
    """
    images, labels = seven_segment_digits(batch, seed)
    x, y = make_batch(encode_images(images), labels, np.arange(batch), seed)
    params = init_params(seed)
    # One BLAS thread here too, as in each worker: the comparison is one core against K.
    one_thread = blas_thread_limit(1) if can_limit_blas_threads() else contextlib.nullcontext()
    with one_thread:
        one = time_call(loss_and_grads, params, x, y, repeats=repeats)
    with DataParallelTrainer(params, parts=parts, start_method=start_method) as trainer:
        many = time_call(trainer.gradient, x, y, repeats=repeats)
    expected = one["result"][1]
    diff = max(float(np.abs(many["result"][k] - expected[k]).max()) for k in PARAM_NAMES)
    return [
        {"variant": "one process", "processes": 1, "batch": batch, "median_s": one["median_s"],
         "images_per_s": batch / one["median_s"]},
        {"variant": "data-parallel", "processes": parts, "batch": batch,
         "median_s": many["median_s"], "images_per_s": batch / many["median_s"],
         "speedup": one["median_s"] / many["median_s"], "max_abs_diff": diff},
    ]
# [end:benchmark_data_parallel]
