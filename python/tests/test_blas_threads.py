"""Tests for everycore.blas_threads: limiting numpy's BLAS threads at run time."""

import os
import subprocess
import sys

import numpy as np
import pytest
from conftest import HAS_THREADPOOLCTL, PACKAGE_ROOT

from everycore.blas_threads import blas_thread_limit, can_limit_blas_threads, limit_blas_threads
from everycore.profiling import check_numpy_threads


def test_blas_thread_limit_sets_the_count_inside_the_block_and_restores_it():
    assert can_limit_blas_threads() == HAS_THREADPOOLCTL
    before = check_numpy_threads()["threads"]
    if not HAS_THREADPOOLCTL:  # this machine can only give the fallback answer
        with pytest.raises(ImportError, match="pip install threadpoolctl"):
            with blas_thread_limit(1):
                pass
        return
    with blas_thread_limit(1):
        assert check_numpy_threads()["threads"] == 1
        a = np.ones((64, 64), dtype=np.float32)
        np.testing.assert_array_equal(a @ a, np.full((64, 64), 64, dtype=np.float32))
    assert check_numpy_threads()["threads"] == before


def test_limit_blas_threads_lasts_for_the_rest_of_the_process():
    # In a fresh interpreter: the limit is meant to stay, so it must not leak into these tests.
    code = ("from everycore.blas_threads import limit_blas_threads\n"
            "from everycore.profiling import check_numpy_threads\n"
            "print(limit_blas_threads(1), check_numpy_threads()['threads'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": PACKAGE_ROOT}).stdout.split()
    assert out == (["True", "1"] if HAS_THREADPOOLCTL else ["False", "None"])


def test_without_threadpoolctl_the_limit_says_what_to_install(without_threadpoolctl):
    assert not can_limit_blas_threads()
    assert limit_blas_threads(1) is False
    with pytest.raises(ImportError, match="pip install threadpoolctl"):
        with blas_thread_limit(2):
            pass


@pytest.mark.parametrize("threads", [0, -1, 1.5, "2", True])
def test_bad_thread_counts_are_named(threads):
    with pytest.raises(ValueError, match="threads must be an integer >= 1"):
        with blas_thread_limit(threads):
            pass
    with pytest.raises(ValueError, match="threads must be an integer >= 1"):
        limit_blas_threads(threads)


@pytest.mark.skipif(not HAS_THREADPOOLCTL, reason="needs the threadpoolctl extra")
def test_limit_blas_threads_says_false_when_no_blas_is_visible(monkeypatch):
    # As with numpy's macOS 14+ wheels: Accelerate is a BLAS threadpoolctl cannot see or limit.
    import everycore.blas_threads as bt
    calls = []
    monkeypatch.setattr(bt, "_threadpool_limits", lambda: lambda **kw: calls.append(kw))
    monkeypatch.setattr(bt, "_blas_pools", lambda: [])
    assert limit_blas_threads(1) is False
    assert calls == [{"limits": 1, "user_api": "blas"}]   # it tried, and says nothing changed
    assert not can_limit_blas_threads()


@pytest.mark.skipif(not HAS_THREADPOOLCTL, reason="needs the threadpoolctl extra")
def test_limit_blas_threads_says_false_when_a_pool_kept_more_threads(monkeypatch):
    import everycore.blas_threads as bt
    monkeypatch.setattr(bt, "_threadpool_limits", lambda: lambda **kw: None)
    monkeypatch.setattr(bt, "_blas_pools", lambda: [{"user_api": "blas", "num_threads": 1},
                                                    {"user_api": "blas", "num_threads": 8}])
    assert limit_blas_threads(1) is False
    assert limit_blas_threads(8) is True
