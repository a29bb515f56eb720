"""Tests for everycore.data_loader: the workers' batches equal the serial ones, every image once
per epoch, shifts move pixels as stated, and the workers are gone after close()."""

import gzip
import multiprocessing
import os
import signal
import time

import numpy as np
import pytest

from everycore.data_loader import (
    MNIST_MEAN,
    MNIST_STD,
    BatchLoader,
    decode_image,
    encode_images,
    epoch_tasks,
    make_batch,
    read_idx,
    serial_batches,
    seven_segment_digits,
    shift_images,
)
from everycore.pools import WorkerDied

N_IMAGES = 203  # not a multiple of the batch size: the last batch is short


@pytest.fixture(scope="module")
def dataset():
    images, labels = seven_segment_digits(N_IMAGES, seed=4)
    return images, labels, encode_images(images)


def test_seven_segment_digits_are_reproducible_uint8_with_every_label():
    images, labels = seven_segment_digits(300, seed=1)
    assert images.shape == (300, 28, 28) and images.dtype == np.uint8
    assert set(labels.tolist()) == set(range(10))
    np.testing.assert_array_equal(seven_segment_digits(300, seed=1)[0], images)
    with pytest.raises(ValueError, match="count"):
        seven_segment_digits(0)


def test_decode_inverts_encode(dataset):
    images, _, blobs = dataset
    assert all(len(blob) < images[0].nbytes for blob in blobs)   # compression did something
    np.testing.assert_array_equal(decode_image(blobs[7]), images[7])


def shift_reference(image, dy, dx):
    out = np.zeros_like(image)
    h, w = image.shape
    for y in range(h):
        for x in range(w):
            if 0 <= y - dy < h and 0 <= x - dx < w:
                out[y, x] = image[y - dy, x - dx]
    return out


def test_shift_images_moves_each_image_by_its_own_offset():
    images = np.random.default_rng(0).integers(1, 255, (40, 6, 5), dtype=np.uint8)
    shifted = shift_images(images, 2, np.random.default_rng(9))
    offsets = np.random.default_rng(9).integers(-2, 3, (40, 2))   # the same draws
    for image, out, (dy, dx) in zip(images, shifted, offsets):
        np.testing.assert_array_equal(out, shift_reference(image, dy, dx))
    assert len({tuple(o) for o in offsets}) > 5                  # really several offsets


def test_make_batch_normalises_and_keeps_labels(dataset):
    images, labels, blobs = dataset
    x, y = make_batch(blobs, labels, np.array([3, 0, 5]), seed=1, max_shift=0)
    assert x.shape == (3, 1, 28, 28) and x.dtype == np.float32
    expected = (images[[3, 0, 5]].astype(np.float32) / 255 - MNIST_MEAN) / MNIST_STD
    np.testing.assert_allclose(x[:, 0], expected, rtol=1e-6)
    np.testing.assert_array_equal(y, labels[[3, 0, 5]])


def test_each_epoch_visits_every_image_once_in_a_new_order():
    first = np.concatenate([i for i, _ in epoch_tasks(N_IMAGES, 32, epoch=0, seed=0)])
    second = np.concatenate([i for i, _ in epoch_tasks(N_IMAGES, 32, epoch=1, seed=0)])
    np.testing.assert_array_equal(np.sort(first), np.arange(N_IMAGES))
    np.testing.assert_array_equal(np.sort(second), np.arange(N_IMAGES))
    assert not np.array_equal(first, second)


@pytest.mark.parametrize("batch_size", [0, N_IMAGES + 1, 2.5])
def test_bad_batch_size_is_named(dataset, batch_size):
    with pytest.raises(ValueError, match=rf"batch_size must be an integer in \[1, {N_IMAGES}\]"):
        BatchLoader(dataset[2], dataset[1], batch_size)


def test_bad_worker_or_prefetch_count_is_named(dataset):
    with pytest.raises(ValueError, match="workers must be an integer >= 1"):
        BatchLoader(dataset[2], dataset[1], 8, workers=0)
    with pytest.raises(ValueError, match="prefetch must be >= 1"):
        BatchLoader(dataset[2], dataset[1], 8, prefetch=0)


def assert_batches_equal(got, expected):
    assert len(got) == len(expected)
    for (x, y), (ex, ey) in zip(got, expected):
        np.testing.assert_array_equal(x, ex)
        np.testing.assert_array_equal(y, ey)


@pytest.mark.parametrize("workers, prefetch, start_method", [
    (2, None, None), (2, 1, None), (3, 8, None), (2, None, "spawn")])
def test_worker_batches_equal_the_serial_batches(dataset, workers, prefetch, start_method):
    _, labels, blobs = dataset
    with BatchLoader(blobs, labels, 32, workers=workers, prefetch=prefetch,
                     start_method=start_method) as loader:
        for epoch in (0, 1):
            # Shifts are seeded per batch, not per worker: the same bytes whoever builds them.
            assert_batches_equal(list(loader.epoch(epoch)),
                                 list(serial_batches(blobs, labels, 32, epoch=epoch)))


def new_workers(before):
    return set(multiprocessing.active_children()) - before


def break_early(blobs, labels, before):
    with BatchLoader(blobs, labels, 16, workers=2) as loader:
        for _ in loader.epoch(0):
            break                                   # leaves batches in flight
        assert len(new_workers(before)) == 2


def raise_mid_epoch(blobs, labels, before):
    with pytest.raises(RuntimeError, match="step failed"):
        with BatchLoader(blobs, labels, 16, workers=2) as loader:
            next(iter(loader.epoch(0)))
            raise RuntimeError("step failed")       # with batches in flight


def kill_a_worker(blobs, labels, before):
    with BatchLoader(blobs, labels, 16, workers=2) as loader:
        batches = loader.epoch(0)
        next(batches)
        os.kill(next(iter(new_workers(before))).pid, signal.SIGKILL)   # mid-batch, or idle
        start = time.monotonic()
        with pytest.raises(WorkerDied, match="killed by SIGKILL"):
            for _ in batches:                       # 12 more batches than the 4 in flight
                pass
        assert time.monotonic() - start < 5        # an error, not a wait


@pytest.mark.parametrize("ending", [break_early, raise_mid_epoch, kill_a_worker])
def test_workers_are_gone_after_an_early_break_an_exception_or_a_dead_worker(dataset, ending):
    _, labels, blobs = dataset
    before = set(multiprocessing.active_children())
    ending(blobs, labels, before)
    assert not new_workers(before)


@pytest.mark.parametrize("ending", [break_early, raise_mid_epoch, kill_a_worker])
def test_stress_fifty_endings_in_a_row_never_hang(dataset, ending):
    """The shutdown race came about once in a few hundred endings: repeat each one 50 times."""
    _, labels, blobs = dataset
    before = set(multiprocessing.active_children())
    for _ in range(50):
        ending(blobs, labels, before)
        assert not new_workers(before)


def write_idx(path, array, opener=open):
    with opener(path, "wb") as f:
        f.write(bytes([0, 0, 0x08, array.ndim]))
        for size in array.shape:
            f.write(size.to_bytes(4, "big"))
        f.write(array.tobytes())


@pytest.mark.parametrize("name, opener", [("images-idx3-ubyte", open),
                                          ("images-idx3-ubyte.gz", gzip.open)])
def test_read_idx_reads_plain_and_gzipped_files(tmp_path, name, opener):
    array = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    write_idx(tmp_path / name, array, opener)
    np.testing.assert_array_equal(read_idx(tmp_path / name), array)


def test_read_idx_rejects_a_wrong_magic_or_a_truncated_file(tmp_path):
    (tmp_path / "bad").write_bytes(b"\x00\x00\x0d\x01\x00\x00\x00\x01\x00")
    with pytest.raises(ValueError, match="bad magic number"):
        read_idx(tmp_path / "bad")
    write_idx(tmp_path / "short", np.zeros((2, 2), np.uint8))
    (tmp_path / "short").write_bytes((tmp_path / "short").read_bytes()[:-1])
    with pytest.raises(ValueError, match=r"header says shape \(2, 2\)"):
        read_idx(tmp_path / "short")
