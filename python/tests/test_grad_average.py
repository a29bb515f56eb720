"""Tests for everycore.grad_average: K processes' merged step equals the one-process step, the
size weighting matters, and no shared-memory block or process outlives the trainer."""

import multiprocessing
import os
import signal
from multiprocessing import shared_memory

import numpy as np
import pytest

from everycore.cnn_numpy import PARAM_NAMES, init_params, loss_and_grads, sgd_momentum_step
from everycore.data_loader import encode_images, make_batch, seven_segment_digits
from everycore.grad_average import (
    DataParallelTrainer,
    ParamLayout,
    benchmark_data_parallel,
    slice_bounds,
)
from everycore.pools import WorkerDied

# float32 gradients summed in another order differ by rounding only: a few ulps of the largest
# entry. 1e-5 of the largest |value| is far above that and far below any real error.
RTOL_OF_MAX = 1e-5


@pytest.fixture(scope="module")
def batch():
    images, labels = seven_segment_digits(37, seed=2)       # 37 = 13 + 12 + 12 for K = 3
    return make_batch(encode_images(images), labels, np.arange(37), seed=5)


def assert_close_to(got, expected):
    scale = max(float(np.abs(expected).max()), 1e-30)
    assert float(np.abs(got - expected).max()) <= RTOL_OF_MAX * scale


def test_slice_bounds_cover_the_batch_with_sizes_that_differ_by_at_most_one():
    assert slice_bounds(37, 3) == [(0, 12), (12, 24), (24, 37)]
    assert slice_bounds(5, 5) == [(i, i + 1) for i in range(5)]
    for parts in (0, 6, True):
        with pytest.raises(ValueError, match=r"parts must be an integer in \[1, 5\]"):
            slice_bounds(5, parts)


def test_layout_views_write_through_to_the_flat_vector():
    params = init_params(0, c1=2, c2=3, classes=4, image_size=8)
    layout = ParamLayout(params)
    flat = np.zeros(layout.size, np.float32)
    layout.flatten_into(params, flat)
    views = layout.views(flat)
    for name in PARAM_NAMES:
        np.testing.assert_array_equal(views[name], params[name])
    views["dense_b"][...] = 7
    assert flat[-4:].tolist() == [7, 7, 7, 7]


@pytest.mark.parametrize("parts, start_method", [(1, None), (2, None), (3, None), (2, "spawn")])
def test_merged_gradient_equals_the_whole_batch_gradient(batch, parts, start_method):
    params = init_params(1)
    _, expected = loss_and_grads(params, *batch)
    with DataParallelTrainer(params, parts=parts, start_method=start_method) as trainer:
        merged = trainer.gradient(*batch)
        for name in PARAM_NAMES:
            assert_close_to(merged[name], expected[name])


def test_an_unweighted_mean_of_uneven_slices_is_not_the_batch_gradient(batch):
    params = init_params(1)
    _, whole = loss_and_grads(params, *batch)
    x, y = batch
    slices = [loss_and_grads(params, x[a:b], y[a:b])[1] for a, b in slice_bounds(len(x), 3)]
    naive = np.mean([s["dense_w"] for s in slices], axis=0)
    weighted = sum((b - a) * s["dense_w"] for (a, b), s in zip(slice_bounds(len(x), 3), slices))
    assert_close_to(weighted / len(x), whole["dense_w"])
    assert np.abs(naive - whole["dense_w"]).max() > 100 * RTOL_OF_MAX * np.abs(whole["dense_w"]).max()


def test_steps_with_two_processes_follow_the_single_process_steps(batch):
    single = init_params(3)
    velocity = {k: np.zeros_like(v) for k, v in single.items()}
    x, y = batch
    with DataParallelTrainer(init_params(3), parts=2, momentum=0.9) as trainer:
        for step in range(3):                 # momentum carries the steps into one another
            half = slice(step * 12, step * 12 + 25)
            loss = trainer.step(x[half], y[half], lr=0.02)
            expected_loss, grads = loss_and_grads(single, x[half], y[half])
            sgd_momentum_step(single, grads, velocity, lr=0.02, momentum=0.9)
            assert loss == pytest.approx(expected_loss, rel=1e-5)
        trained = trainer.params()
    for name in PARAM_NAMES:
        assert_close_to(trained[name], single[name])
        assert not np.array_equal(trained[name], init_params(3)[name])   # they did move


def test_nothing_outlives_the_trainer(batch):
    before = set(multiprocessing.active_children())
    with DataParallelTrainer(init_params(0), parts=2) as trainer:
        names = trainer.block_names()
        trainer.step(*batch)
    assert len(names) == 2 and set(multiprocessing.active_children()) <= before
    for name in names:
        with pytest.raises(FileNotFoundError):
            shared_memory.SharedMemory(name=name)                    # unlinked: not leaked


def test_a_killed_worker_fails_the_next_step_and_nothing_leaks(batch):
    before = set(multiprocessing.active_children())
    with pytest.raises(WorkerDied, match="killed by SIGKILL"):
        with DataParallelTrainer(init_params(0), parts=2) as trainer:
            names = trainer.block_names()
            trainer.step(*batch)
            worker = next(iter(set(multiprocessing.active_children()) - before))
            os.kill(worker.pid, signal.SIGKILL)
            trainer.step(*batch)
    assert set(multiprocessing.active_children()) <= before
    for name in names:
        with pytest.raises(FileNotFoundError):
            shared_memory.SharedMemory(name=name)


def test_bad_arguments_are_named(batch):
    with pytest.raises(ValueError, match="parts must be an integer >= 1"):
        DataParallelTrainer(init_params(0), parts=0)
    with DataParallelTrainer(init_params(0), parts=2) as trainer:
        with pytest.raises(ValueError, match="lr must be a positive finite number"):
            trainer.step(*batch, lr=0)
        with pytest.raises(ValueError, match=r"parts must be an integer in \[1, 1\]"):
            trainer.step(batch[0][:1], batch[1][:1])                 # fewer images than parts


def test_benchmark_reports_both_rows_and_a_rounding_sized_difference():
    one, many = benchmark_data_parallel(batch=24, parts=2, repeats=1)
    assert (one["processes"], many["processes"]) == (1, 2)
    assert one["median_s"] > 0 and many["median_s"] > 0
    assert many["speedup"] == pytest.approx(one["median_s"] / many["median_s"])
    assert many["images_per_s"] == pytest.approx(24 / many["median_s"])
    assert 0 <= many["max_abs_diff"] <= 1e-5          # float32 gradients of size <~ 1
