"""Tests for everycore.pools: Pool's answers in order, errors where they belong, a dead worker an
immediate error (also mid-reply, the moment that hangs the standard pools), sizes that fit."""

import multiprocessing
import operator
import os
import pickle
import signal
import threading
import time

import numpy as np
import pytest

from everycore import pools
from everycore.pools import WINDOWS_MAX_PROCESSES, WorkerDied, pool_size, process_pool


def die(*_):
    os.kill(os.getpid(), signal.SIGKILL)


def kill_once_replying(pool):
    """Kills the worker as soon as its reply starts to arrive: 64 MB cannot arrive in one write,
    so the worker dies with the rest of its message unsent (what hangs the standard pools)."""
    conn = pool._workers[0].conn
    while not conn.poll(0.001):
        pass
    os.kill(pool.pids[0], signal.SIGKILL)


def fail_to_start():
    raise RuntimeError("no model file")


def children():
    return set(multiprocessing.active_children())


@pytest.mark.parametrize("chunksize", [None, 1, 3, 100])
def test_map_and_starmap_answer_in_order(chunksize):
    with process_pool(2) as pool:
        assert pool.map(abs, range(-7, 6), chunksize=chunksize) == [abs(i) for i in range(-7, 6)]
        assert pool.map(operator.mul, [1, 2, 3], [4, 5, 6], chunksize=chunksize) == [4, 10, 18]
        assert pool.starmap(pow, [(2, 3), (3, 2)], chunksize=chunksize) == [8, 9]
        assert pool.map(abs, []) == []
        assert pool.apply(divmod, (7, 2)) == (3, 1)


def test_spawned_workers_answer_too():
    with process_pool(2, start_method="spawn") as pool:
        assert pool.map(abs, range(-3, 3), chunksize=2) == [3, 2, 1, 0, 1, 2]


@pytest.mark.parametrize("chunksize", [0, 1.5, True])
def test_a_bad_chunksize_is_named(chunksize):
    with process_pool(1) as pool, pytest.raises(ValueError, match="chunksize must be an integer"):
        pool.map(abs, [1], chunksize=chunksize)


def test_a_tasks_exception_is_raised_where_its_result_is_asked_and_the_pool_goes_on():
    with process_pool(2) as pool:
        task = pool.submit(divmod, 1, 0)
        with pytest.raises(ZeroDivisionError):
            task.result()
        with pytest.raises(ZeroDivisionError):
            pool.map(divmod, [1, 2], [1, 0])
        assert pool.map(abs, [-1, -2]) == [1, 2]


def test_what_cannot_be_pickled_fails_in_the_caller_and_the_pool_goes_on():
    with process_pool(2) as pool:
        with pytest.raises((pickle.PicklingError, AttributeError), match="pickle"):
            pool.map(lambda x: x, [1, 2])
        assert pool.apply(abs, (-4,)) == 4


@pytest.mark.parametrize("kill", ["mid-task", "mid-reply", "idle"])
def test_a_dead_worker_is_an_immediate_error_naming_it(kill):
    before = children()
    with process_pool(1 if kill == "mid-reply" else 2) as pool:
        start = time.monotonic()
        with pytest.raises(WorkerDied, match=r"worker process \d+ ended \(killed by SIGKILL"):
            if kill == "mid-task":
                pool.map(die, range(4))
            elif kill == "mid-reply":
                killer = threading.Thread(target=kill_once_replying, args=(pool,))
                killer.start()
                pool.apply(np.ones, (64 * 2**20, np.uint8))
            else:
                os.kill(pool.pids[0], signal.SIGKILL)
                pool.map(time.sleep, [0.2] * 4)
        assert time.monotonic() - start < 5
        with pytest.raises(WorkerDied):             # and for every call after
            pool.map(abs, [1])
    assert children() <= before


def test_a_worker_that_cannot_start_is_named_with_its_exit_code():
    with process_pool(1, fail_to_start) as pool:
        with pytest.raises(WorkerDied, match="exit code 1"):
            pool.apply(abs, (1,))


def test_leaving_the_block_stops_busy_and_idle_workers_at_once():
    before = children()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        with process_pool(2) as pool:
            pool.submit(time.sleep, 30)             # busy: its answer is dropped
            raise KeyboardInterrupt
    assert time.monotonic() - start < 5
    assert children() <= before


def test_pool_size_follows_the_cpus_this_process_may_use(monkeypatch):
    monkeypatch.setattr(os, "process_cpu_count", lambda: 6, raising=False)
    assert pools.usable_cpus() == 6 and pool_size() == 6
    monkeypatch.delattr(os, "process_cpu_count")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3, 5}, raising=False)
    assert pool_size() == 3                          # affinity, not os.cpu_count()
    assert pool_size(100) == 100                     # asking for more is allowed (oversubscribed)


def test_pool_size_is_capped_on_windows(monkeypatch):
    monkeypatch.setattr(pools.sys, "platform", "win32")
    monkeypatch.setattr(os, "process_cpu_count", lambda: 128, raising=False)
    assert pool_size() == WINDOWS_MAX_PROCESSES == 61
    assert pool_size(8) == 8


@pytest.mark.parametrize("bad", [0, -1, 2.0, True, "4"])
def test_a_bad_process_count_is_named(bad):
    with pytest.raises(ValueError, match="processes must be an integer >= 1"):
        pool_size(bad)
