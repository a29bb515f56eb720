"""Tests for everycore.joblib_jobs (the optional joblib extra)."""

import sys

import numpy as np
import pytest
from conftest import HAS_THREADPOOLCTL, need

from everycore.joblib_jobs import NEEDS_JOBLIB, map_images, worker_threads
from everycore.pools import usable_cpus


def brightness(image):
    return float(image.mean())


def test_map_images_keeps_the_order_of_a_loop():
    need("joblib", "joblib")
    images = [np.full((8, 8), i, np.float32) for i in range(7)]
    assert map_images(brightness, images, n_jobs=2) == [float(i) for i in range(7)]


def test_workers_get_a_share_of_the_cpus_or_what_you_ask():
    need("joblib", "joblib")
    share = max(1, usable_cpus() // 2)
    for omp, blas in worker_threads(2):
        assert omp == str(share)
        assert blas == (share if HAS_THREADPOOLCTL else 0)
    for omp, _ in worker_threads(2, inner_threads=3):
        assert omp == "3"


def test_without_joblib_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "joblib", None)
    with pytest.raises(ImportError, match=r"pip install \"./python\[joblib\]\""):
        map_images(brightness, [])
    assert "joblib" in NEEDS_JOBLIB
