"""Tests for everycore.passing_data: both paths deliver the data, nothing shared is leaked."""

import multiprocessing
import os
from multiprocessing import shared_memory

import numpy as np
import pytest

from everycore.passing_data import (
    STRIDE,
    round_trip_pickled,
    round_trip_shared,
    sampled_sum,
    shared_array,
)
from everycore.pools import process_pool


def test_sampled_sum_reads_one_element_per_stride_in_order():
    data = np.arange(3 * STRIDE + 1, dtype=np.float32)
    assert sampled_sum(data) == 0 + STRIDE + 2 * STRIDE + 3 * STRIDE


@pytest.fixture(scope="module")
def pool():
    with process_pool(1) as p:
        yield p


def test_a_pickled_round_trip_returns_an_equal_copy(pool):
    data = np.random.default_rng(1).standard_normal(5000).astype(np.float32)
    back = round_trip_pickled(pool, data)
    np.testing.assert_array_equal(back, data)
    assert not np.shares_memory(back, data)  # a copy, made by pickling twice


def test_a_worker_reads_the_shared_block_in_place_and_the_block_is_freed(pool):
    data = np.random.default_rng(2).standard_normal((50, 70)).astype(np.float32)
    with shared_array(data.shape) as (name, array):
        array[:] = data
        assert round_trip_shared(pool, name, data.shape) == sampled_sum(data)
        array[0, 0] += 1  # the worker sees writes made after the block was created
        assert round_trip_shared(pool, name, data.shape) == sampled_sum(array)
        del array
    # unlink() removed the name: attaching again fails, and on Linux /dev/shm no longer has it.
    with pytest.raises(FileNotFoundError):
        shared_memory.SharedMemory(name=name)
    if os.path.isdir("/dev/shm"):
        assert name.lstrip("/") not in os.listdir("/dev/shm")


def test_the_block_is_freed_after_an_error_too():
    with pytest.raises(RuntimeError, match="boom"):
        with shared_array((4,)) as (name, array):
            del array
            raise RuntimeError("boom")
    with pytest.raises(FileNotFoundError):
        shared_memory.SharedMemory(name=name)


SCENARIO = """
import sys
from everycore.passing_data import shared_array, round_trip_shared
from everycore.pools import ProcessPool
if __name__ == "__main__":
    if sys.argv[2] == "pool-first":   # workers exist before any tracker does
        pool = ProcessPool(1, start_method=sys.argv[1])
    with shared_array((3000,)) as (name, array):
        array[:] = 1
        if sys.argv[2] == "block-first":  # workers start after the creator's tracker
            pool = ProcessPool(1, start_method=sys.argv[1])
        assert round_trip_shared(pool, name, (3000,)) == 3.0
        assert round_trip_shared(pool, name, (3000,)) == 3.0
        del array
    pool.close()
"""


@pytest.mark.parametrize("order", ["pool-first", "block-first"])
@pytest.mark.parametrize("method", [m for m in ("fork", "spawn") if m in multiprocessing.get_all_start_methods()])
def test_workers_that_attach_leave_the_block_to_its_creator(tmp_path, method, order):
    import subprocess
    import sys

    from conftest import PACKAGE_ROOT

    script = tmp_path / "scenario.py"
    script.write_text(SCENARIO)
    run = subprocess.run([sys.executable, str(script), method, order], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": PACKAGE_ROOT}, timeout=120)
    assert run.returncode == 0, run.stderr
    # No "leaked shared_memory objects" warning, no tracker KeyError: one owner, one unlink.
    assert run.stderr == ""


# What the pages and comments say about SharedMemory's cleanup, checked in fresh interpreters
# (one of them is meant to crash).
_SHM_CLOSE = """
import sys
import numpy as np
from multiprocessing import shared_memory
shm = shared_memory.SharedMemory(create=True, size=4096)
view = (np.ndarray((1024,), np.float32, buffer=shm.buf) if sys.argv[1] == "ndarray"
        else np.frombuffer(shm.buf, np.float32))
try:
    shm.close()
    print("closed", flush=True)
except BufferError:
    print("BufferError", flush=True)
    del view
    shm.close()
    view = None
shm.unlink()
if view is not None:
    print(float(view.sum()), flush=True)   # reads memory that is no longer mapped
"""


@pytest.mark.skipif(os.name == "nt", reason="the crash is a POSIX segmentation fault")
def test_an_ndarray_on_shm_buf_lets_close_succeed_and_a_later_read_crashes():
    import subprocess, sys
    r = subprocess.run([sys.executable, "-c", _SHM_CLOSE, "ndarray"], capture_output=True, text=True)
    assert r.stdout.splitlines() == ["closed"]
    assert r.returncode != 0       # killed by SIGSEGV: no Python error could be caught


def test_a_frombuffer_view_makes_close_raise_buffererror():
    import subprocess, sys
    r = subprocess.run([sys.executable, "-c", _SHM_CLOSE, "frombuffer"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["BufferError"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX: on Windows the system frees a block when its last handle closes")
def test_a_block_never_unlinked_is_unlinked_at_exit_with_a_warning():
    import subprocess, sys
    code = ("from multiprocessing import shared_memory\n"
            "shm = shared_memory.SharedMemory(create=True, size=4096)\n"
            "print(shm.name, flush=True)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    name = r.stdout.strip()
    assert "leaked shared_memory objects" in r.stderr
    with pytest.raises(FileNotFoundError):
        shared_memory.SharedMemory(name=name, create=False)
