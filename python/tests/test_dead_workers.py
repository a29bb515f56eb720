"""Every process pool of the companion turns a worker killed mid-task into WorkerDied, at once, and
leaves no process behind (the data loader and the gradient trainer have their own such tests)."""

import multiprocessing
import os
import signal
import time

import numpy as np
import pytest

from everycore import inference, passing_data, pool_map, pools, shared_tiles
from everycore.lab import passing_data as lab_passing_data
from everycore.lab import pool_map_images, shared_histogram
from everycore.pools import WorkerDied


def die(*_):
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.fixture(autouse=True)
def forked_workers(monkeypatch):
    """Workers forked from this process see the task replaced by ``die`` (spawned or forkserver
    workers import the module afresh and would not): every pool here starts them by fork."""
    fork = multiprocessing.get_context("fork")
    monkeypatch.setattr(pools.multiprocessing, "get_context", lambda method=None: fork)


def images():
    return pool_map.make_images(6, 8, 8, seed=1)


def infer_in_pool():
    with inference.make_pool(2, seed=0) as pool:
        inference.predict_parallel(pool, inference.make_images(4, seed=0), chunksize=1)


def run_prepared(prepare, *args):
    with prepare(*args) as call:
        call()


CASES = {
    "pool_map.blur_with_pool": (pool_map, "box_blur3", lambda: pool_map.blur_with_pool(images(), 2)),
    "pool_map.sharpen_with_pool": (pool_map, "sharpen", lambda: pool_map.sharpen_with_pool(images(), [0.5] * 6, 2)),
    "shared_tiles.render_shared_memory": (shared_tiles, "_fill_band_shared", lambda: shared_tiles.render_shared_memory(64, 16, 2, 16)),
    "shared_tiles.render_multiprocessing_array": (shared_tiles, "_fill_band_array", lambda: shared_tiles.render_multiprocessing_array(64, 16, 2, 16)),
    "shared_tiles.render_pickled": (shared_tiles, "shade_rows", lambda: shared_tiles.render_pickled(64, 16, 2, 16)),
    "inference pool": (inference, "predict_one", infer_in_pool),
    "passing_data pickled round trip": (passing_data, "echo", lambda: run_prepared(
        lab_passing_data._pickled, {"bytes": 4096}, np.zeros(1024, np.float32), 1)),
    "lab pool-map-images": (pool_map_images, "box_blur3", lambda: run_prepared(
        pool_map_images._pool(2), {}, np.zeros((4, 8, 8), np.float32), 2)),
    "lab shared-histogram": (shared_histogram, "_count_private", lambda: run_prepared(
        shared_histogram._private_bins, {}, np.zeros(1000, np.uint8), 2)),
}


@pytest.mark.parametrize("name", CASES)
def test_a_killed_worker_is_an_immediate_error_and_nothing_is_left(monkeypatch, name):
    module, task, call = CASES[name]
    monkeypatch.setattr(module, task, die)
    before = set(multiprocessing.active_children())
    start = time.monotonic()
    with pytest.raises(WorkerDied, match="killed by SIGKILL"):
        call()
    assert time.monotonic() - start < 10
    assert set(multiprocessing.active_children()) <= before
