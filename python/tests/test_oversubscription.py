"""Tests for everycore.oversubscription: a pool's workers share the cores with their native threads."""

import os

import pytest
from conftest import need

from everycore.oversubscription import budgeted_pool, native_threads, thread_budget


def test_the_budget_splits_the_cpus_between_the_workers():
    assert thread_budget(4, cpus=16) == 4
    assert thread_budget(3, cpus=16) == 5
    assert thread_budget(32, cpus=16) == 1          # more workers than CPUs: one thread each
    assert thread_budget(1, cpus=8) == 8


@pytest.mark.parametrize("workers, cpus, message", [
    (0, 4, "processes must be an integer >= 1"),
    (2, 0, "cpus must be an integer >= 1"),
    (2, 2.5, "cpus must be an integer >= 1"),
])
def test_bad_counts_are_named(workers, cpus, message):
    with pytest.raises(ValueError, match=message):
        thread_budget(workers, cpus=cpus)


def _worker_state(_):
    return os.environ["OMP_NUM_THREADS"], native_threads()


def test_each_worker_starts_capped_at_its_share():
    need("threadpoolctl", "threadpoolctl")
    workers = 2
    budget = thread_budget(workers)
    with budgeted_pool(workers) as pool:
        states = pool.map(_worker_state, range(workers))
    for omp, pools in states:
        assert omp == str(budget)
        assert pools, "threadpoolctl saw no native thread pool in the worker"
        assert all(threads <= budget for threads in pools.values()), pools


def _numba_state(_):
    import numba
    return os.environ.get("NUMBA_NUM_THREADS"), numba.get_num_threads()


def test_numba_is_capped_in_workers_whether_or_not_it_was_loaded_first():
    need("numba", "numba")     # loaded here, so forked workers inherit it loaded
    with budgeted_pool(2) as pool:
        states = pool.map(_numba_state, range(2))
    budget = thread_budget(2)
    for _, threads in states:
        assert threads <= budget
