"""The Cython kernels: built on demand from a clean cache, equal to the nested loops."""

import sys

import numpy as np
import pytest
from conftest import need

need("Cython", "cython")
need("setuptools", "cython")   # builds the extension; not in Python 3.12+ virtual environments
from test_numba import SHAPES, _data

from everycore.cython_build import CythonBuildError, load_conv_cython
from everycore.im2col import conv2d_naive


def test_the_build_fills_a_clean_cache_and_is_reused(conv_cython, cython_cache):
    built = list(cython_cache.glob("conv_cython-*/conv_cython*"))
    assert len(built) == 1 and built[0].suffix in (".so", ".pyd")
    assert conv_cython.__file__ == str(built[0])
    load_conv_cython.cache_clear()   # a new process: finds the module, does not build again
    before = built[0].stat().st_mtime_ns
    assert load_conv_cython(cython_cache).__file__ == str(built[0])
    assert built[0].stat().st_mtime_ns == before


def test_a_missing_cython_is_reported_clearly(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "Cython", None)
    monkeypatch.setitem(sys.modules, "Cython.Build", None)
    with pytest.raises(CythonBuildError, match="need Cython: pip install cython"):
        load_conv_cython(tmp_path)
    assert issubclass(CythonBuildError, ImportError)   # "except ImportError" catches it too


@pytest.mark.parametrize("x_shape, w_shape, stride, padding, with_bias", SHAPES)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_cython_equals_the_nested_loops_exactly(conv_cython, x_shape, w_shape, stride, padding,
                                                with_bias, dtype):
    x, w, b = _data(x_shape, w_shape, dtype)
    b = b if with_bias else None
    out = conv_cython.conv2d_cython(x, w, b, stride, padding)
    assert out.dtype == dtype
    np.testing.assert_array_equal(out, conv2d_naive(x, w, b, stride, padding))


def test_cython_names_bad_arguments(conv_cython):
    x, w, b = _data((1, 2, 5, 5), (3, 2, 3, 3), np.float32)
    with pytest.raises(ValueError, match="padding"):
        conv_cython.conv2d_cython(x, w, b, padding=-1)
    with pytest.raises(ValueError, match="larger than the padded input"):
        conv_cython.conv2d_cython(x[:, :, :2], w, b)


def test_a_missing_setuptools_is_reported_clearly(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "setuptools", None)
    with pytest.raises(CythonBuildError, match="need setuptools to build: pip install setuptools"):
        load_conv_cython(tmp_path)
