"""Tests for everycore.blas_vendors: the library is the one numpy reports, and the rate is a rate."""

import numpy as np
import pytest

from everycore.blas_vendors import blas_report
from everycore.profiling import check_numpy_threads


def test_the_report_names_numpys_blas_and_measures_a_rate():
    report = blas_report(64, np.float64, repeats=2)
    info = check_numpy_threads()
    assert (report["blas"], report["version"], report["threads"]) == (info["blas"], info["version"], info["threads"])
    assert report["blas"]                       # a name from threadpoolctl or numpy's build record
    assert report["dtype"] == "float64" and report["gflops"] > 0


@pytest.mark.parametrize("n", [0, -1, 1.5, True])
def test_bad_sizes_are_named(n):
    with pytest.raises(ValueError, match="n must be an integer >= 1"):
        blas_report(n)
